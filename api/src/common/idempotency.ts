import { BadRequestException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem } from './errors';
import { problem } from './problem';
import { isUuid } from './uuid-param';

/** A key is remembered this long; after it, the same key starts a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * `Idempotency-Key` on a create: the first request claims the key (the caller's, for one route)
 * inside its own transaction; a repeat within 24 hours creates nothing and gets the first response —
 * but only after `replay` re-checks the caller's scope as it is now (it throws 404 when the record is
 * out of scope) and audits the replay as a read. Without `replay`, the stored response's `clientId`
 * is re-checked against `clients:read`. A concurrent repeat waits on the claim.
 */
@Injectable()
export class Idempotency {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
  ) {}

  async once<T extends object>(
    actor: Actor,
    key: string | undefined,
    route: string,
    create: () => Promise<T>,
    replay?: (stored: T) => Promise<unknown>,
  ): Promise<T> {
    if (key === undefined) return create();
    if (!/^[\w\-:.]{1,200}$/.test(key)) {
      const message = 'Idempotency-Key must be 1–200 letters, digits, dashes, colons or dots';
      throw new BadRequestException(
        problem(400, message, { errors: [{ field: 'Idempotency-Key', message }] }),
      );
    }
    const tx = this.txHost.tx;
    // An expired key is claimed afresh in the same statement, so two racing requests still serialise.
    const claimed = (await tx.query(
      `INSERT INTO idempotency_keys (organization_id, user_id, key, route, status, body)
       VALUES ($1, $2, $3, $4, 0, '{}')
       ON CONFLICT (user_id, key) DO UPDATE
          SET route = EXCLUDED.route, status = 0, body = '{}', created_at = now()
        WHERE idempotency_keys.created_at < now() - make_interval(hours => $5)
       RETURNING key`,
      [actor.organizationId, actor.userId, key, route, IDEMPOTENCY_TTL_HOURS],
    )) as unknown[];
    if (!claimed.length) {
      const [first] = (await tx.query(
        `SELECT route, body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [actor.userId, key],
      )) as { route: string; body: T }[];
      if (first?.route !== route) {
        throw new ConflictProblem(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for another request.',
        );
      }
      await (replay ?? ((stored: T) => this.recheckClient(actor, route, stored)))(first.body);
      return first.body;
    }
    const result = await create();
    await tx.query(`UPDATE idempotency_keys SET status = 201, body = $3 WHERE user_id = $1 AND key = $2`, [
      actor.userId,
      key,
      JSON.stringify(result),
    ]);
    return result;
  }

  private async recheckClient(actor: Actor, route: string, stored: object): Promise<void> {
    const clientId = (stored as { clientId?: unknown }).clientId;
    if (typeof clientId === 'string') await this.clients.findInScope(actor, clientId, 'clients:read');
    await this.audit.record({
      action: 'idempotent.replay',
      entityType: route.split('/')[2] ?? 'unknown',
      entityId: isUuid((stored as { id?: unknown }).id) ? (stored as { id: string }).id : null,
      clientId: typeof clientId === 'string' ? clientId : null,
    });
  }
}
