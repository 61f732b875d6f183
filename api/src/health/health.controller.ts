import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Client } from 'pg';
import { Public } from '../access/allow.decorator';
import { APP_CONFIG, AppConfig } from '../config';
import { DatabaseUnavailable } from '../database/unavailable';
import { appRoleUrl } from '../database/urls';

const HEALTH_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * 200 only once the database answers. A connection of its own, not the pool's, so a busy pool
   * cannot hold it up; 2 s at most, then 503 naming the part that is down.
   */
  @Get()
  @Public()
  @SkipThrottle()
  async health(): Promise<{ status: 'ok' }> {
    const client = new Client({
      connectionString: appRoleUrl(this.config.databaseUrl, this.config.appRolePassword),
      connectionTimeoutMillis: HEALTH_TIMEOUT_MS,
      query_timeout: HEALTH_TIMEOUT_MS,
      application_name: 'peerpath-health',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch {
      throw new DatabaseUnavailable('The database is not reachable.', {
        checks: { api: 'up', database: 'down' },
      });
    } finally {
      void client.end().catch(() => undefined);
    }
    return { status: 'ok' };
  }
}
