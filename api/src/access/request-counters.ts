import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Pool } from 'pg';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One statement per request: count the hit, opening a new window when the old one has ended
 * (fixed window, from the first request in it), and return the count and the time left.
 */
const COUNT_HIT = `
  INSERT INTO request_counters AS c (key, window_ends, hits)
  VALUES ($1, now() + make_interval(secs => $2::int / 1000.0), 1)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c.window_ends <= now() THEN 1 ELSE c.hits + 1 END,
    window_ends = CASE WHEN c.window_ends <= now() THEN EXCLUDED.window_ends ELSE c.window_ends END
  RETURNING hits, ceil(extract(epoch FROM window_ends - now()))::int AS seconds_left`;

/** Windows long over are deleted at most this often, by whichever process notices first. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The request ceiling's counts in PostgreSQL (table request_counters), so every API process on one
 * database shares one ceiling; in memory, N processes would allow N times the ceiling. Past the
 * limit the caller is refused until the window ends (a burst across a window's edge may reach
 * twice the limit; the fixed window keeps the hot path to one upsert).
 */
export class RequestCounters implements ThrottlerStorage {
  private lastSweep = Date.now();

  constructor(private readonly pool: Pool) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    await this.sweepNow();
    const { rows } = await this.pool.query<{ hits: number; seconds_left: number }>(COUNT_HIT, [
      `${throttlerName}:${key}`,
      ttl,
    ]);
    const { hits, seconds_left } = rows[0];
    const seconds = Math.max(1, seconds_left);
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }

  private async sweepNow(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    await this.pool.query(`DELETE FROM request_counters WHERE window_ends < now() - interval '1 minute'`);
  }
}
