import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  canMoveReferral,
  DeclinedBy,
  DeclineReason,
  FINAL_REFERRAL_STATUSES,
  FOLLOW_UP_DAYS,
  isReferralOverdue,
  OPEN_REFERRAL_STATUSES,
  Page,
  Permission,
  Referral,
  REFERRAL_REQUIRED_ELEMENTS,
  ReferralPacket,
  ReferralStatus,
} from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { invalid } from '../common/invalid';
import { ConsentRequired, ConsentsService, recipientOf } from '../consents/consents.service';
import { DisclosuresService } from '../consents/disclosures.service';
import { ResourceEntity } from '../resources/resource.entity';
import { ResourcesService } from '../resources/resources.service';
import { ClinicClock } from '../organizations/clinic-clock';
import { ReferralPacketService } from './referral-packet.service';
import { ReferralEntity } from './referral.entity';
import { CreateReferralDto, MoveReferralDto, ReferralListQuery } from './referrals.dto';

/** A status move with what it carries; the same for staff and for the recipient's link. */
export interface ReferralMove {
  status: ReferralStatus;
  note?: string | null;
  followUpOn?: string;
  declinedBy?: DeclinedBy;
  reason?: DeclineReason;
  expectedOn?: string;
}

/** Who moves a referral: a staff member, or the recipient through their link (no account). */
export type ReferralMover = { kind: 'staff'; actor: Actor } | { kind: 'recipient' };

@Injectable()
export class ReferralsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly resources: ResourcesService,
    private readonly consents: ConsentsService,
    private readonly disclosures: DisclosuresService,
    private readonly packets: ReferralPacketService,
    private readonly clock: ClinicClock,
  ) {}

  /** Referrals whose client the caller reaches for `permission`: the only way referral rows are read. */
  private scoped(actor: Actor, permission: Permission): SelectQueryBuilder<ReferralEntity> {
    const qb = this.txHost.tx
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .innerJoin(ClientEntity, 'c', 'c.id = r.clientId');
    return applyScope(qb, actor, permission, CLIENT_SCOPE, 'c');
  }

  async list(actor: Actor, query: ReferralListQuery): Promise<Page<Referral>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.filtered(actor, query)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1);
    if (after) qb.andWhere('(r.createdAt, r.id) < (:at, :id)', after);
    const rows = await qb.getMany();
    await this.audit.recordShown(
      { action: 'referral.list', entityType: 'referral' },
      rows.slice(0, limit).map((r) => r.clientId),
    );
    const page = toPage(
      rows,
      limit,
      (r) => ({ at: r.createdAt.toISOString(), id: r.id }),
      (r) => r,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  /** Everything the filters match, for the CSV export (capped; the export itself is audited). */
  async exportRows(actor: Actor, query: ReferralListQuery): Promise<Referral[]> {
    const rows = await this.filtered(actor, query)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(10_000)
      .getMany();
    await this.audit.recordShown(
      { action: 'referral.export', entityType: 'referral' },
      rows.map((r) => r.clientId),
    );
    return this.present(rows);
  }

  private filtered(actor: Actor, q: ReferralListQuery): SelectQueryBuilder<ReferralEntity> {
    const qb = this.scoped(actor, 'referrals:read');
    if (q.clientId) qb.andWhere('r.clientId = :clientId', { clientId: q.clientId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.state === 'open') qb.andWhere('r.status IN (:...open)', { open: OPEN_REFERRAL_STATUSES });
    if (q.state === 'closed') qb.andWhere('r.status IN (:...closed)', { closed: FINAL_REFERRAL_STATUSES });
    if (q.need) qb.andWhere('r.need = :need', { need: q.need });
    if (q.resourceId) qb.andWhere('r.resourceId = :resourceId', { resourceId: q.resourceId });
    if (q.from) qb.andWhere('r.createdAt >= :from', { from: q.from });
    if (q.to) qb.andWhere('r.createdAt < :to', { to: q.to });
    if (q.overdue !== undefined) {
      const overdue = `(r.status IN ('sent', 'waitlisted', 'accepted') AND r.followUpOn < :today)`;
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`, { today: this.clock.today() });
    }
    return qb;
  }

  async listForClient(actor: Actor, clientId: string): Promise<Referral[]> {
    await this.clients.findInScope(actor, clientId, 'referrals:read');
    const rows = await this.scoped(actor, 'referrals:read')
      .andWhere('r.clientId = :clientId', { clientId })
      .orderBy('r.createdAt', 'DESC')
      .getMany();
    await this.audit.record({ action: 'referral.list', entityType: 'referral', clientId });
    return this.present(rows);
  }

  async get(actor: Actor, id: string): Promise<Referral> {
    const referral = await this.findInScope(actor, id, 'referrals:read');
    await this.audit.record({
      action: 'referral.read',
      entityType: 'referral',
      entityId: id,
      clientId: referral.clientId,
    });
    return (await this.present([referral]))[0];
  }

  /** What the recipient receives (or received): reading it is audited, not a disclosure. */
  async packet(actor: Actor, id: string): Promise<ReferralPacket> {
    const referral = await this.findInScope(actor, id, 'referrals:read');
    const { packet } = await this.packets.forReferral(referral);
    await this.audit.record({
      action: 'referral.packet',
      entityType: 'referral',
      entityId: id,
      clientId: referral.clientId,
    });
    return packet;
  }

  async create(actor: Actor, clientId: string, dto: CreateReferralDto): Promise<Referral> {
    const client = await this.clients.findInScope(actor, clientId, 'referrals:write');
    if (client.status !== 'active')
      throw new ConflictProblem('client-discharged', 'The client is discharged; readmit them first.');
    if (!!dto.resourceId === !!dto.outsideOrganization?.trim()) {
      throw invalid(
        'resourceId',
        'refer to exactly one of a directory resource (resourceId) or an outside organization',
      );
    }
    const resource = dto.resourceId ? await this.resources.find(actor, dto.resourceId) : null;
    if (resource && resource.status !== 'active') {
      throw new ConflictProblem('resource-unavailable', 'This resource is not taking referrals right now.');
    }
    const repo = this.txHost.tx.getRepository(ReferralEntity);
    const referral = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        resourceId: resource?.id ?? null,
        outsideOrganization: resource ? null : (dto.outsideOrganization?.trim() ?? null),
        need: dto.need,
        urgency: dto.urgency ?? 'routine',
        note: dto.note?.trim() || null,
        shareInformation: dto.shareInformation ?? false,
        status: 'draft',
        followUpOn: null,
        createdBy: actor.userId,
      }),
    );
    await this.event(actor, referral.id, 'draft', null);
    await this.audit.record({
      action: 'referral.create',
      entityType: 'referral',
      entityId: referral.id,
      clientId,
    });
    if ((dto.status ?? 'sent') === 'sent') await this.send(actor, referral, resource, dto.followUpOn, null);
    return (await this.present([referral]))[0];
  }

  async move(actor: Actor, id: string, dto: MoveReferralDto): Promise<Referral> {
    const referral = await this.findInScope(actor, id, 'referrals:status', true);
    if (dto.version !== undefined && dto.version !== referral.version) throw new StaleVersion();
    await this.applyMove(referral, dto, { kind: 'staff', actor });
    await this.audit.record({
      action: `referral.${dto.status}`,
      entityType: 'referral',
      entityId: id,
      clientId: referral.clientId,
    });
    return (await this.present([referral]))[0];
  }

  /**
   * The one place a referral's status changes: only the moves PRODUCT.md §5 allows (the table in
   * libs/contracts), each kept as an event by whoever made it. The caller holds the row locked.
   */
  async applyMove(referral: ReferralEntity, move: ReferralMove, by: ReferralMover): Promise<void> {
    if (
      !canMoveReferral(referral.status, move.status) ||
      (by.kind === 'recipient' && move.status === 'sent')
    ) {
      throw new ConflictProblem(
        'illegal-status-move',
        `A referral cannot move from ${referral.status} to ${move.status}.`,
      );
    }
    const declinedBy = by.kind === 'recipient' ? 'recipient' : move.declinedBy;
    if (move.status === 'declined') {
      if (!declinedBy) throw invalid('declinedBy', 'say who declined: client or recipient');
      if (!move.reason) throw invalid('reason', 'a declined referral needs a reason code');
    }
    if (move.status === 'sent' && by.kind === 'staff') {
      const resource = referral.resourceId ? await this.resources.find(by.actor, referral.resourceId) : null;
      await this.send(by.actor, referral, resource, move.followUpOn, move.note ?? null);
      return;
    }
    referral.status = move.status;
    if (move.followUpOn) referral.followUpOn = move.followUpOn;
    if (move.status === 'declined') {
      referral.declinedBy = declinedBy ?? null;
      referral.declineReason = move.reason ?? null;
    }
    if (move.status === 'waitlisted') referral.expectedOn = move.expectedOn ?? null;
    await this.txHost.tx.getRepository(ReferralEntity).save(referral);
    await this.insertEvent(
      referral,
      move.status,
      by.kind === 'staff' ? by.actor.userId : null,
      move.note ?? null,
    );
  }

  /**
   * Sending is the moment information may leave the clinic: a referral that shares it needs a
   * consent in force covering the recipient, and the disclosure is recorded with it.
   */
  private async send(
    actor: Actor,
    referral: ReferralEntity,
    resource: ResourceEntity | null,
    followUpOn: string | undefined,
    note: string | null,
  ): Promise<void> {
    if (referral.shareInformation) {
      const recipient = recipientOf(resource, referral.outsideOrganization);
      const consent = await this.consents.covering(referral.clientId, recipient, REFERRAL_REQUIRED_ELEMENTS);
      if (!consent) throw new ConsentRequired();
      referral.consentId = consent.id;
      const packet = await this.packets.compose(referral, consent, resource);
      await this.disclosures.record({
        organizationId: actor.organizationId,
        clientId: referral.clientId,
        referralId: referral.id,
        consentId: consent.id,
        recipient: packet.recipient,
        recipientContact: resource?.phone ?? resource?.email ?? null,
        purpose: consent.purpose,
        channel: 'referral',
        elements: packet.elements,
        information: consent.information,
        disclosedBy: actor.userId,
      });
    }
    referral.status = 'sent';
    referral.followUpOn = followUpOn ?? this.clock.daysFromToday(FOLLOW_UP_DAYS);
    await this.txHost.tx.getRepository(ReferralEntity).save(referral);
    await this.event(actor, referral.id, 'sent', note);
  }

  /** A referral the caller reaches for `permission`, or 404; `lock` holds the row for a change. */
  async findInScope(actor: Actor, id: string, permission: Permission, lock = false): Promise<ReferralEntity> {
    const qb = this.scoped(actor, permission).andWhere('r.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    const referral = await qb.getOne();
    if (!referral) throw new NotFound('referral');
    return referral;
  }

  private async event(actor: Actor, referralId: string, status: ReferralStatus, note: string | null) {
    await this.txHost.tx.query(
      `INSERT INTO referral_events (organization_id, referral_id, status, actor_id, note) VALUES ($1, $2, $3, $4, $5)`,
      [actor.organizationId, referralId, status, actor.userId, note?.trim() || null],
    );
  }

  private async insertEvent(
    referral: ReferralEntity,
    status: ReferralStatus,
    actorId: string | null,
    note: string | null,
  ) {
    await this.txHost.tx.query(
      `INSERT INTO referral_events (organization_id, referral_id, status, actor_id, actor_kind, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        referral.organizationId,
        referral.id,
        status,
        actorId,
        actorId ? 'staff' : 'recipient',
        note?.trim() || null,
      ],
    );
  }

  /** Referrals as the contract shows them, with names and their whole history, in three queries. */
  private async present(rows: ReferralEntity[]): Promise<Referral[]> {
    if (!rows.length) return [];
    const tx = this.txHost.tx;
    const events = (await tx.query(
      `SELECT e.referral_id, e.status, e.actor_kind, e.actor_id, coalesce(u.name, 'Recipient') AS actor_name, e.at, e.note
         FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.referral_id = ANY($1::uuid[]) ORDER BY e.at, e.id`,
      [rows.map((r) => r.id)],
    )) as {
      referral_id: string;
      status: ReferralStatus;
      actor_kind: 'staff' | 'recipient';
      actor_id: string | null;
      actor_name: string;
      at: Date;
      note: string | null;
    }[];
    const names = new Map(
      (
        (await tx.query(
          `SELECT c.id, coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name AS name FROM clients c WHERE c.id = ANY($1::uuid[])`,
          [[...new Set(rows.map((r) => r.clientId))]],
        )) as { id: string; name: string }[]
      ).map((c) => [c.id, c.name]),
    );
    const resourceIds = [...new Set(rows.map((r) => r.resourceId).filter((x): x is string => !!x))];
    const resources = new Map(
      (
        (await tx.query(`SELECT id, name FROM resources WHERE id = ANY($1::uuid[])`, [resourceIds])) as {
          id: string;
          name: string;
        }[]
      ).map((r) => [r.id, r.name]),
    );
    const on = this.clock.today();
    return rows.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      clientName: names.get(r.clientId) ?? '',
      resourceId: r.resourceId,
      resourceName: r.resourceId ? (resources.get(r.resourceId) ?? null) : null,
      outsideOrganization: r.outsideOrganization,
      need: r.need,
      urgency: r.urgency,
      note: r.note,
      shareInformation: r.shareInformation,
      consentId: r.consentId,
      status: r.status,
      declinedBy: r.declinedBy,
      declineReason: r.declineReason,
      expectedOn: r.expectedOn,
      followUpOn: r.followUpOn,
      overdue: isReferralOverdue(r.status, r.followUpOn, on),
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      events: events
        .filter((e) => e.referral_id === r.id)
        .map((e) => ({
          status: e.status,
          actorKind: e.actor_kind,
          actorId: e.actor_id,
          actorName: e.actor_name,
          at: e.at.toISOString(),
          note: e.note,
        })),
      version: r.version,
    }));
  }
}
