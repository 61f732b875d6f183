import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { API, AuditEvent, Page } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { applyScope } from '../access/scope';
import { CurrentActor } from '../common/current-actor.decorator';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { AuditEventEntity } from './audit-event.entity';
import { AUDIT_SCOPE } from './audit-scope';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller(API.auditEvents.slice(5))
export class AuditController {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  /** Newest first. Reading the log is itself an audited access. */
  @Get()
  @Allow('audit:read')
  async list(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<Page<AuditEvent>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor);
    const qb = applyScope(
      this.txHost.tx.getRepository(AuditEventEntity).createQueryBuilder('e'),
      actor,
      'audit:read',
      AUDIT_SCOPE,
    )
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(limit + 1);
    if (after) qb.andWhere('(e.at, e.id) < (:at, :id)', after);
    if (q.clientId) qb.andWhere('e.clientId = :clientId', { clientId: q.clientId });
    if (q.actorId) qb.andWhere('e.actorId = :actorId', { actorId: q.actorId });
    if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.at < :to', { to: q.to });
    if (q.outcome) qb.andWhere('e.outcome = :outcome', { outcome: q.outcome });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    const rows = await qb.getMany();
    await this.audit.record({
      action: 'audit.read',
      entityType: 'audit_event',
      clientId: q.clientId ?? null,
    });
    return toPage(rows, limit, (e) => ({ at: e.at.toISOString(), id: e.id }), toAuditEvent);
  }
}

function toAuditEvent(e: AuditEventEntity): AuditEvent {
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
  };
}
