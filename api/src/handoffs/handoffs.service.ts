import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DEFAULT_HANDOFF_TARGET_HOURS,
  Handoff,
  HANDOFF_SOURCES,
  HandoffAttempt,
  HandoffTimes,
  Modality,
  Permission,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { ContactsService } from '../contacts/contacts.service';
import { invalid } from '../common/invalid';
import { ClinicClock } from '../organizations/clinic-clock';
import { HANDOFF_SCOPE } from './handoff-scope';
import { HandoffEntity } from './handoff.entity';
import {
  CloseHandoffDto,
  ConvertHandoffDto,
  CreateHandoffDto,
  HandoffAttemptDto,
  HandoffListQuery,
  HandoffTimesQuery,
} from './handoffs.dto';

interface HandoffRow {
  id: string;
  program_id: string;
  source: Handoff['source'];
  referrer_name: string;
  referrer_contact: string | null;
  received_at: Date;
  first_name: string;
  last_name: string;
  phone: string | null;
  date_of_birth: string | null;
  need: Handoff['need'];
  note: string | null;
  status: Handoff['status'];
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  first_attempt_at: Date | null;
  first_contact_at: Date | null;
  client_id: string | null;
  closed_reason: Handoff['closedReason'];
  closed_at: Date | null;
  version: number;
}

// Dates as text: a date of birth is a calendar date, never an instant.
const SELECT = `SELECT h.*, h.date_of_birth::text AS date_of_birth, u.name AS claimed_by_name
  FROM handoffs h LEFT JOIN users u ON u.id = h.claimed_by`;
const HOUR = 3_600_000;
/** An attempt records no length: its contact starts at the shortest one, for the peer to correct. */
const ATTEMPT_MINUTES = 5;
const ATTEMPT_MODALITY: Record<HandoffAttempt['method'], Modality> = {
  phone: 'phone',
  text: 'text',
  in_person: 'in_person',
  other: 'phone',
};

/**
 * Warm handoffs coming in (PRODUCT.md §5): a queue per program, claimed by one peer, worked to a
 * first contact, then converted into a client through the normal intake or closed with a reason.
 */
@Injectable()
export class HandoffsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
    private readonly clock: ClinicClock,
  ) {}

  /** The ids of the handoffs the caller reaches for `permission`: the only way handoff rows are found. */
  private scopedIds(actor: Actor, permission: Permission) {
    const qb = this.txHost.tx.getRepository(HandoffEntity).createQueryBuilder('h').select('h.id');
    return applyScope(qb, actor, permission, HANDOFF_SCOPE, 'h');
  }

  async list(actor: Actor, query: HandoffListQuery): Promise<Handoff[]> {
    const qb = this.scopedIds(actor, 'handoffs:read');
    if (query.programId) qb.andWhere('h.programId = :programId', { programId: query.programId });
    const status = query.status ?? 'open';
    if (status === 'open') qb.andWhere(`h.status IN ('new', 'claimed')`);
    else if (status !== 'all') qb.andWhere('h.status = :status', { status });
    const ids = (await qb.getMany()).map((h) => h.id);
    const rows = (await this.txHost.tx.query(
      `${SELECT} WHERE h.id = ANY($1::uuid[]) ORDER BY h.received_at, h.id LIMIT 500`,
      [ids],
    )) as HandoffRow[];
    const handoffs = await this.present(rows);
    // A handoff names a client once it has been converted into one.
    await this.audit.recordShown(
      { action: 'handoff.list', entityType: 'handoff' },
      handoffs.flatMap((h) => (h.clientId ? [h.clientId] : [])),
    );
    return handoffs;
  }

  async get(actor: Actor, id: string): Promise<Handoff> {
    const row = await this.find(actor, id, 'handoffs:read');
    await this.audit.record({ action: 'handoff.read', entityType: 'handoff', entityId: id });
    return (await this.present([row]))[0];
  }

  async create(actor: Actor, dto: CreateHandoffDto): Promise<Handoff> {
    if (!actor.programIds.includes(dto.programId)) {
      throw invalid('programId', 'programId must be one of your programs');
    }
    const [{ id }] = (await this.txHost.tx.query(
      `INSERT INTO handoffs (organization_id, program_id, source, referrer_name, referrer_contact, received_at,
         first_name, last_name, phone, date_of_birth, need, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        actor.organizationId,
        dto.programId,
        dto.source,
        dto.referrerName.trim(),
        dto.referrerContact?.trim() || null,
        dto.receivedAt ? new Date(dto.receivedAt) : this.clock.now(),
        dto.firstName.trim(),
        dto.lastName.trim(),
        dto.phone?.trim() || null,
        dto.dateOfBirth ?? null,
        dto.need,
        dto.note?.trim() || null,
        actor.userId,
      ],
    )) as { id: string }[];
    await this.audit.record({ action: 'handoff.create', entityType: 'handoff', entityId: id });
    return this.reload(id);
  }

  /**
   * One claim wins: the update only matches while the handoff is still new, so of two peers
   * claiming at once the second finds nothing to update and gets 409.
   */
  async claim(actor: Actor, id: string): Promise<Handoff> {
    await this.find(actor, id, 'handoffs:work');
    const claimed = (await this.txHost.tx.query(
      `UPDATE handoffs SET status = 'claimed', claimed_by = $2, claimed_at = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'new' RETURNING id`,
      [id, actor.userId, this.clock.now()],
    )) as [unknown[], number];
    if (!claimed[1])
      throw new ConflictProblem('already-claimed', 'Another peer has already claimed this handoff.');
    await this.audit.record({ action: 'handoff.claim', entityType: 'handoff', entityId: id });
    return this.reload(id);
  }

  async attempt(actor: Actor, id: string, dto: HandoffAttemptDto): Promise<Handoff> {
    const row = await this.claimedByCaller(actor, id);
    const at = dto.at ? new Date(dto.at) : this.clock.now();
    if (at < row.received_at) throw invalid('at', 'an attempt cannot come before the handoff was received');
    await this.txHost.tx.query(
      `INSERT INTO handoff_attempts (organization_id, handoff_id, at, method, successful, note, by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.organizationId, id, at, dto.method, dto.successful, dto.note?.trim() || null, actor.userId],
    );
    await this.txHost.tx.query(
      `UPDATE handoffs SET first_attempt_at = LEAST(coalesce(first_attempt_at, $2), $2),
              first_contact_at = CASE WHEN $3 THEN LEAST(coalesce(first_contact_at, $2), $2) ELSE first_contact_at END,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, at, dto.successful],
    );
    await this.audit.record({ action: 'handoff.attempt', entityType: 'handoff', entityId: id });
    return this.reload(id);
  }

  /**
   * Intake as any new client: same validation, same duplicate check, on the claimer's caseload.
   * What the peer confirms in the intake form overrides what the referrer sent.
   */
  async convert(actor: Actor, id: string, dto: ConvertHandoffDto): Promise<{ clientId: string }> {
    const row = await this.claimedByCaller(actor, id);
    const dateOfBirth = dto.dateOfBirth ?? row.date_of_birth;
    if (!dateOfBirth) throw invalid('dateOfBirth', 'the intake needs a date of birth');
    const client = await this.clients.create(actor, {
      ...dto,
      firstName: dto.firstName ?? row.first_name,
      lastName: dto.lastName ?? row.last_name,
      dateOfBirth,
      phone: dto.phone ?? row.phone ?? undefined,
      programId: row.program_id,
      primaryPeerId: actor.userId,
    });
    await this.txHost.tx.query(
      `UPDATE handoffs SET status = 'converted', client_id = $2, closed_at = $3, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, client.id, this.clock.now()],
    );
    await this.attemptsAsContacts(actor, id, client.id);
    await this.audit.record({
      action: 'handoff.convert',
      entityType: 'handoff',
      entityId: id,
      clientId: client.id,
    });
    return { clientId: client.id };
  }

  /**
   * The first contact belongs in the client's record like any other contact: each attempt becomes
   * an unsigned outreach contact on the new client, for the peer to complete (length) and sign.
   */
  private async attemptsAsContacts(actor: Actor, handoffId: string, clientId: string): Promise<void> {
    const attempts = (await this.txHost.tx.query(
      `SELECT at, method, successful, note FROM handoff_attempts WHERE handoff_id = $1 AND by_id = $2 ORDER BY at, id`,
      [handoffId, actor.userId],
    )) as { at: Date; method: HandoffAttempt['method']; successful: boolean; note: string | null }[];
    for (const a of attempts) {
      const how = a.method === 'other' ? 'Reached out another way.' : '';
      await this.contacts.create(actor, clientId, {
        occurredAt: a.at.toISOString(),
        durationMinutes: ATTEMPT_MINUTES,
        modality: ATTEMPT_MODALITY[a.method],
        contactType: 'outreach_attempt',
        successful: a.successful,
        note: ['Warm handoff first contact.', how, a.note ?? ''].filter(Boolean).join(' '),
      });
    }
  }

  /** Closing for "unreachable" needs the attempts that show it; a peer closes only what they claimed. */
  async close(actor: Actor, id: string, dto: CloseHandoffDto): Promise<Handoff> {
    const row = await this.find(actor, id, 'handoffs:write', true);
    this.assertOpen(row);
    if (actor.role === 'peer' && row.claimed_by !== actor.userId) {
      throw new ConflictProblem('not-claimed-by-you', 'Claim this handoff before closing it.');
    }
    if (dto.reason === 'unreachable' && !row.first_attempt_at) {
      throw new ConflictProblem(
        'attempts-required',
        'Log the attempts to reach the person before closing as unreachable.',
      );
    }
    await this.txHost.tx.query(
      `UPDATE handoffs SET status = 'closed', closed_reason = $2, closed_at = $3,
              note = coalesce(note || E'\\n', '') || coalesce($4, ''), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, dto.reason, this.clock.now(), dto.note?.trim() || null],
    );
    await this.audit.record({ action: `handoff.close`, entityType: 'handoff', entityId: id });
    return this.reload(id);
  }

  /**
   * Median hours from receipt to the first attempt and to the first successful contact, per
   * source, for handoffs received in the period, against the program's target.
   */
  async times(actor: Actor, query: HandoffTimesQuery): Promise<HandoffTimes> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * 24 * HOUR);
    if (from >= to) throw invalid('from', 'from must be before to');
    const qb = this.scopedIds(actor, 'handoffs:read').andWhere(
      `h.received_at >= :from AND h.received_at < :to`,
      { from, to },
    );
    if (query.programId) qb.andWhere('h.programId = :programId', { programId: query.programId });
    const ids = (await qb.getMany()).map((h) => h.id);
    const programs = query.programId ? [query.programId] : actor.programIds;
    const [{ target }] = (await this.txHost.tx.query(
      `SELECT coalesce(min(handoff_target_hours), $2)::int AS target FROM programs WHERE id = ANY($1::uuid[])`,
      [programs, DEFAULT_HANDOFF_TARGET_HOURS],
    )) as { target: number }[];
    const rows = (await this.txHost.tx.query(
      `SELECT source, count(*)::int AS handoffs,
              count(first_attempt_at)::int AS attempted,
              count(first_contact_at)::int AS contacted,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_attempt_at - received_at))
                FILTER (WHERE first_attempt_at IS NOT NULL) AS attempt_seconds,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - received_at))
                FILTER (WHERE first_contact_at IS NOT NULL) AS contact_seconds,
              count(*) FILTER (WHERE first_contact_at - received_at <= make_interval(hours => $2))::int AS in_target
         FROM handoffs WHERE id = ANY($1::uuid[]) GROUP BY source`,
      [ids, target],
    )) as {
      source: Handoff['source'];
      handoffs: number;
      attempted: number;
      contacted: number;
      attempt_seconds: number | null;
      contact_seconds: number | null;
      in_target: number;
    }[];
    await this.audit.record({ action: 'report.handoff_times', entityType: 'report' });
    const hours = (s: number | null) => (s === null ? null : Math.round((Number(s) / 3600) * 10) / 10);
    return {
      programId: query.programId ?? null,
      from: from.toISOString(),
      to: to.toISOString(),
      targetHours: target,
      sources: HANDOFF_SOURCES.flatMap((source) => {
        const r = rows.find((x) => x.source === source);
        if (!r) return [];
        return [
          {
            source,
            handoffs: r.handoffs,
            attempted: r.attempted,
            contacted: r.contacted,
            medianHoursToFirstAttempt: hours(r.attempt_seconds),
            medianHoursToFirstContact: hours(r.contact_seconds),
            contactedWithinTarget: Math.round((r.in_target / r.handoffs) * 100) / 100,
          },
        ];
      }),
    };
  }

  async setTarget(
    actor: Actor,
    programId: string,
    hours: number,
  ): Promise<{ programId: string; hours: number }> {
    if (!actor.programIds.includes(programId)) throw new NotFound('program');
    await this.txHost.tx.query(`UPDATE programs SET handoff_target_hours = $2 WHERE id = $1`, [
      programId,
      hours,
    ]);
    await this.audit.record({ action: 'program.handoff_target', entityType: 'program', entityId: programId });
    return { programId, hours };
  }

  private async claimedByCaller(actor: Actor, id: string): Promise<HandoffRow> {
    const row = await this.find(actor, id, 'handoffs:work', true);
    this.assertOpen(row);
    if (row.claimed_by !== actor.userId) {
      throw new ConflictProblem('not-claimed-by-you', 'Claim this handoff first; only its claimer works it.');
    }
    return row;
  }

  private assertOpen(row: HandoffRow): void {
    if (row.status === 'converted' || row.status === 'closed') {
      throw new ConflictProblem('handoff-finished', `This handoff is already ${row.status}.`);
    }
  }

  private async find(actor: Actor, id: string, permission: Permission, lock = false): Promise<HandoffRow> {
    const visible = await this.scopedIds(actor, permission).andWhere('h.id = :id', { id }).getExists();
    if (!visible) throw new NotFound('handoff');
    const [row] = (await this.txHost.tx.query(
      `SELECT h.*, h.date_of_birth::text AS date_of_birth FROM handoffs h WHERE h.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as HandoffRow[];
    return row;
  }

  private async reload(id: string): Promise<Handoff> {
    const rows = (await this.txHost.tx.query(`${SELECT} WHERE h.id = $1`, [id])) as HandoffRow[];
    return (await this.present(rows))[0];
  }

  private async present(rows: HandoffRow[]): Promise<Handoff[]> {
    if (!rows.length) return [];
    const attempts = (await this.txHost.tx.query(
      `SELECT a.id, a.handoff_id, a.at, a.method, a.successful, a.note, a.by_id, u.name AS by_name
         FROM handoff_attempts a JOIN users u ON u.id = a.by_id
        WHERE a.handoff_id = ANY($1::uuid[]) ORDER BY a.at, a.id`,
      [rows.map((r) => r.id)],
    )) as {
      id: string;
      handoff_id: string;
      at: Date;
      method: HandoffAttempt['method'];
      successful: boolean;
      note: string | null;
      by_id: string;
      by_name: string;
    }[];
    const now = this.clock.now().getTime();
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      source: r.source,
      referrerName: r.referrer_name,
      referrerContact: r.referrer_contact,
      receivedAt: r.received_at.toISOString(),
      firstName: r.first_name,
      lastName: r.last_name,
      phone: r.phone,
      dateOfBirth: r.date_of_birth,
      need: r.need,
      note: r.note,
      claimedBy: r.claimed_by,
      claimedByName: r.claimed_by_name,
      claimedAt: iso(r.claimed_at),
      firstAttemptAt: iso(r.first_attempt_at),
      firstContactAt: iso(r.first_contact_at),
      clientId: r.client_id,
      closedReason: r.closed_reason,
      closedAt: iso(r.closed_at),
      status: r.status,
      minutesSinceReceipt: Math.max(
        0,
        Math.floor(((r.closed_at?.getTime() ?? now) - r.received_at.getTime()) / 60_000),
      ),
      attempts: attempts
        .filter((a) => a.handoff_id === r.id)
        .map((a) => ({
          id: a.id,
          at: a.at.toISOString(),
          method: a.method,
          successful: a.successful,
          note: a.note,
          byId: a.by_id,
          byName: a.by_name,
        })),
      version: r.version,
    }));
  }
}
