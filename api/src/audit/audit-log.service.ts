import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditEvent, AuditHighlight, Page } from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope, scopeCondition } from '../access/scope';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { UserEntity } from '../users/user.entity';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { AuditEventEntity } from './audit-event.entity';
import { AUDIT_SCOPE } from './audit-scope';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

/** Outside-caseload reads by one person in the period past which the access review flags them. */
const MANY_CLIENTS = 10;
/**
 * Lists and exports record every client they showed; a group roster puts clients of other
 * caseloads in front of a facilitator as a matter of course, so only opening a record counts here.
 */
const LIST_VIEWS = [
  'client.list',
  'caseload.read',
  'referral.list',
  'referral.export',
  'group.roster.read',
  'group.walk_in.search',
  'group.rates.read',
  'attendance.read',
  'documentation_review.queue',
  'emergency_access.list',
  'handoff.list',
  'billing.claim_lines',
];

interface NamedRow {
  e_id: string;
  actor_name: string | null;
  client_name: string | null;
}

/** Reading the audit log: the same scoped, filtered query serves the list, the export and the review. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private filtered(actor: Actor, q: AuditQuery): SelectQueryBuilder<AuditEventEntity> {
    const qb = applyScope(
      this.txHost.tx.getRepository(AuditEventEntity).createQueryBuilder('e'),
      actor,
      'audit:read',
      AUDIT_SCOPE,
    )
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (q.clientId) qb.andWhere('e.clientId = :clientId', { clientId: q.clientId });
    if (q.actorId) qb.andWhere('e.actorId = :actorId', { actorId: q.actorId });
    if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.at < :to', { to: q.to });
    if (q.outcome) qb.andWhere('e.outcome = :outcome', { outcome: q.outcome });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.emergency !== undefined) qb.andWhere('e.emergency = :emergency', { emergency: q.emergency });
    return qb;
  }

  /**
   * The filtered events with, in the same query, the actor's name (staff names are open to whoever
   * reads the log) and the client's name only where the caller could read that client under
   * `clients:read` — the client policy itself sits in the join's condition, so a client outside
   * the caller's scope (or any client, for an admin) joins nothing and its name stays null.
   */
  private named(actor: Actor, q: AuditQuery): SelectQueryBuilder<AuditEventEntity> {
    const readable = scopeCondition(actor, 'clients:read', CLIENT_SCOPE, 'client');
    return this.filtered(actor, q)
      .leftJoin(UserEntity, 'actor', 'actor.id = e.actorId')
      .leftJoin(ClientEntity, 'client', `client.id = e.clientId AND ${readable.sql}`, readable.params)
      .addSelect('actor.name', 'actor_name')
      .addSelect(
        "coalesce(nullif(btrim(client.preferredName), ''), client.firstName) || ' ' || client.lastName",
        'client_name',
      );
  }

  private static withNames(raw: NamedRow[], entities: AuditEventEntity[]): AuditEvent[] {
    const names = new Map(raw.map((r) => [r.e_id, r]));
    return entities.map((e) => ({
      ...toAuditEvent(e),
      actorName: names.get(e.id)?.actor_name ?? null,
      clientName: names.get(e.id)?.client_name ?? null,
    }));
  }

  /** Newest first. Reading the log is itself an audited access. */
  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEvent>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor);
    // Every join is to-one, so a plain LIMIT counts events (take() would add a distinct subquery).
    const qb = this.named(actor, q).limit(limit + 1);
    if (after) qb.andWhere('(e.at, e.id) < (:at, :id)', after);
    const { raw, entities } = await qb.getRawAndEntities<NamedRow>();
    await this.audit.record({
      action: 'audit.read',
      entityType: 'audit_event',
      clientId: q.clientId ?? null,
    });
    const events = AuditLogService.withNames(raw, entities);
    return toPage(
      events,
      limit,
      (e) => ({ at: e.at, id: e.id }),
      (e) => e,
    );
  }

  async export(actor: Actor, q: AuditQuery): Promise<AuditEvent[]> {
    const { raw, entities } = await this.named(actor, q).limit(50_000).getRawAndEntities<NamedRow>();
    await this.audit.record({
      action: 'audit.export',
      entityType: 'audit_event',
      clientId: q.clientId ?? null,
    });
    return AuditLogService.withNames(raw, entities);
  }

  /**
   * What deserves a second look in the period: refusals, emergency access, people reading many
   * clients outside their own caseload, and sign-ins at unusual hours (10 pm–6 am clinic time).
   */
  async highlights(actor: Actor, q: AuditQuery): Promise<AuditHighlight[]> {
    const scoped = this.filtered(actor, { ...q, limit: undefined, cursor: undefined }).select('e.id');
    const [sql, params] = scoped.getQueryAndParameters();
    const base = `WITH scoped AS (${sql}), e AS (SELECT a.* FROM audit_events a JOIN scoped ON scoped.e_id = a.id) `;
    const n = params.length;
    const rows = (await this.txHost.tx.query(
      base +
        `SELECT 'denied' AS kind, e.actor_id, max(e.at) AS at, count(*)::int AS count,
                string_agg(DISTINCT e.action, ', ') AS detail
           FROM e WHERE e.outcome = 'denied' GROUP BY e.actor_id
         UNION ALL
         SELECT 'emergency_access', e.actor_id, max(e.at), count(*)::int, 'emergency access to ' || count(DISTINCT e.client_id) || ' client(s)'
           FROM e WHERE e.emergency GROUP BY e.actor_id
         UNION ALL
         SELECT 'many_clients_outside_caseload', e.actor_id, max(e.at), count(DISTINCT e.client_id)::int,
                'read ' || count(DISTINCT e.client_id) || ' clients outside their caseload'
           FROM e JOIN clients c ON c.id = e.client_id
          WHERE e.outcome = 'success' AND e.actor_role = 'peer' AND c.primary_peer_id IS DISTINCT FROM e.actor_id
            AND e.action <> ALL($${n + 3}::text[])
          GROUP BY e.actor_id HAVING count(DISTINCT e.client_id) > $${n + 1}
         UNION ALL
         SELECT 'unusual_hour_sign_in', e.actor_id, max(e.at), count(*)::int, 'signed in between 10 pm and 6 am'
           FROM e WHERE e.action = 'auth.sign_in' AND e.outcome = 'success'
            AND (extract(hour FROM e.at AT TIME ZONE $${n + 2}) >= 22 OR extract(hour FROM e.at AT TIME ZONE $${n + 2}) < 6)
          GROUP BY e.actor_id
         ORDER BY at DESC`,
      [...params, MANY_CLIENTS, actor.clinic.timeZone, LIST_VIEWS],
    )) as {
      kind: AuditHighlight['kind'];
      actor_id: string | null;
      at: Date;
      count: number;
      detail: string;
    }[];
    const names = new Map(
      (
        (await this.txHost.tx.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
          [...new Set(rows.map((r) => r.actor_id).filter(Boolean))],
        ])) as { id: string; name: string }[]
      ).map((u) => [u.id, u.name]),
    );
    await this.audit.record({ action: 'audit.highlights', entityType: 'audit_event' });
    return rows.map((r) => ({
      kind: r.kind,
      actorId: r.actor_id,
      actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
      at: r.at.toISOString(),
      detail: r.detail,
      count: r.count,
    }));
  }
}

export function toAuditEvent(e: AuditEventEntity): Omit<AuditEvent, 'actorName' | 'clientName'> {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    clientId: e.clientId,
    outcome: e.outcome,
    ip: e.ip,
    emergency: e.emergency,
  };
}
