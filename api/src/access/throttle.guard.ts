import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { TooManyRequests } from '../common/errors';

/**
 * A ceiling on requests per minute for each signed-in staff member (or each address before
 * sign-in), so a runaway script or a scraping attempt slows to a stop with 429 and Retry-After.
 */
@Injectable()
export class ApiThrottleGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const staff = (req as unknown as Request).session?.staff;
    return staff ? `user:${staff.userId}` : `ip:${(req as unknown as Request).ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new TooManyRequests(seconds, `Too many requests. Try again in ${seconds} seconds.`);
  }
}
