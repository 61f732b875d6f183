import type { Request } from 'express';

/** The kind of record a path names: `/api/users/…` → `user`. Used for audit events of refusals. */
export function entityTypeOf(req: Request): string {
  const segment = (req.route?.path ?? req.path).split('/').filter(Boolean)[1] ?? 'unknown';
  return segment.replace(/-/g, '_').replace(/s$/, '');
}
