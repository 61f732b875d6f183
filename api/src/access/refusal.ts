import type { Request } from 'express';
import { StandaloneAuditRecord } from '../audit/audit.service';
import { isUuid } from '../common/uuid-param';
import { StaffSession } from './actor';

/** The audit record of a refused request, whoever refused it (the guard or a handler). */
export function refusalRecord(
  req: Request,
  session: StaffSession,
  clientId: string | null = null,
): StandaloneAuditRecord {
  return {
    organizationId: session.organizationId,
    actorId: session.userId,
    actorRole: session.role,
    action: `${req.method} ${req.route?.path ?? req.path}`,
    entityType: entityTypeOf(req),
    entityId: uuidParam(req),
    clientId,
    outcome: 'denied',
  };
}

export function uuidParam(req: Request): string | null {
  const id = req.params?.['id'];
  return isUuid(id) ? id : null;
}

/** The kind of record a path names: `/api/users/…` → `user`. */
export function entityTypeOf(req: Request): string {
  const segment = (req.route?.path ?? req.path).split('/').filter(Boolean)[1] ?? 'unknown';
  return segment.replace(/-/g, '_').replace(/s$/, '');
}
