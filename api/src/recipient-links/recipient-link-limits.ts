import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config';
import { TooManyRequests } from '../common/errors';
import { DB_POOL } from '../database/database.module';

/**
 * The public link routes are counted per token (by its hash: the token itself is stored nowhere)
 * and per address, in PostgreSQL so every API process shares the counts; past either, 429.
 */
@Injectable()
export class RecipientLinkLimits {
  private readonly perToken: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@Inject(DB_POOL) pool: Pool, @Inject(APP_CONFIG) config: AppConfig) {
    const common = {
      storeClient: pool,
      tableName: 'recipient_link_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      duration: config.recipientLinkWindowSeconds,
    };
    this.perToken = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'token',
      points: config.recipientLinkPerToken,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'address',
      points: config.recipientLinkPerAddress,
    });
  }

  async consume(tokenSha256: string, ip: string): Promise<void> {
    try {
      await Promise.all([this.perToken.consume(tokenSha256), this.perAddress.consume(ip)]);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new TooManyRequests(
        seconds,
        `Too many requests. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      );
    }
  }
}
