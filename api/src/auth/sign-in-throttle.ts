import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config';
import { TooManyRequests } from '../common/errors';
import { DB_POOL } from '../database/database.module';

/**
 * Failed sign-ins are counted per account and per IP in PostgreSQL, so every API process sees the
 * same counts. Past either limit, sign-in answers 429 with Retry-After until the window ends.
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perIp: RateLimiterPostgres;

  constructor(@Inject(DB_POOL) pool: Pool, @Inject(APP_CONFIG) config: AppConfig) {
    const common = {
      storeClient: pool,
      tableName: 'sign_in_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      duration: config.signInWindowSeconds,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'account',
      points: config.signInFailuresPerAccount,
    });
    this.perIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: config.signInFailuresPerIp });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.perAccount.get(accountKey(email)),
      this.perIp.get(ip),
    ]);
    const blocked = [
      [account, this.perAccount.points],
      [address, this.perIp.points],
    ] as const;
    const waits = blocked
      .filter(([res, points]) => res && res.consumedPoints >= points)
      .map(([res]) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000));
    if (waits.length) {
      const seconds = Math.max(1, ...waits);
      throw new TooManyRequests(
        seconds,
        `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(accountKey(email), 1), this.perIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
