import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { Request } from 'express';
import { firstValueFrom, from, Observable, defaultIfEmpty } from 'rxjs';
import { AuditService, META_KEY } from '../audit/audit.service';
import type { BillingProfile } from '@peerpath/contracts';
import { Actor, ACTOR_KEY, RequestMeta, StaffSession } from './actor';
import { refusalRecord, uuidParam } from './refusal';
import { NotFound } from '../common/errors';

/**
 * A signed-in request's database work runs in one transaction whose first statement pins the
 * caller's organization with SET LOCAL semantics, so row-level security applies to every query
 * and a pooled connection never carries the setting into another request.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    this.cls.set<RequestMeta>(META_KEY, { ip: req.ip ?? null, requestId: String(req.id ?? '') || null });
    const session = req.session?.staff;
    if (!session) return next.handle();
    return from(this.run(req, session, next));
  }

  private async run(req: Request, session: StaffSession, next: CallHandler): Promise<unknown> {
    try {
      return await this.txHost.withTransaction(async () => {
        const tx = this.txHost.tx;
        await tx.query(
          `SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true)`,
          [session.organizationId, session.userId],
        );
        const [row] = (await tx.query(
          `SELECT (SELECT coalesce(array_agg(program_id), '{}') FROM program_memberships WHERE user_id = $1) AS programs,
                  (SELECT coalesce(array_agg(DISTINCT client_id), '{}') FROM emergency_access
                    WHERE user_id = $1 AND expires_at > now()) AS emergency,
                  o.time_zone, o.billing_profile
             FROM organizations o WHERE o.id = $2`,
          [session.userId, session.organizationId],
        )) as {
          programs: string[];
          emergency: string[];
          time_zone: string;
          billing_profile: BillingProfile;
        }[];
        const actor: Actor = {
          ...session,
          programIds: row.programs,
          emergencyClientIds: row.emergency,
          sessionId: req.sessionID,
          clinic: { timeZone: row.time_zone, billingProfile: row.billing_profile },
        };
        this.cls.set(ACTOR_KEY, actor);
        return firstValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
      });
    } catch (error) {
      if (isRefusal(error)) {
        // The request's own work rolled back; the refusal is kept in a transaction of its own.
        await this.audit.recordStandalone(refusalRecord(req, session, refusedClient(req, error)));
      }
      throw error;
    }
  }
}

/** Refusals are audited: forbidden, out of scope, and a disclosure blocked for want of consent. */
function isRefusal(error: unknown): error is HttpException {
  if (!(error instanceof HttpException)) return false;
  const status = error.getStatus();
  const type = (error.getResponse() as { type?: unknown }).type;
  return status === 403 || status === 404 || (status === 409 && String(type).endsWith('/consent-required'));
}

/** The client a refused request was about: from the error, or from a /clients/:id/… path. */
function refusedClient(req: Request, error: HttpException): string | null {
  if (error instanceof NotFound && error.clientId) return error.clientId;
  return String(req.route?.path ?? '').startsWith('/api/clients/:id') ? uuidParam(req) : null;
}
