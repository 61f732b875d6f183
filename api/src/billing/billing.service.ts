import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  addDays,
  AttendanceStatus,
  buildClaimLines,
  ClaimAttendance,
  ClaimClient,
  ClaimContact,
  ClaimLine,
  ClaimPeer,
  daysBetween,
  displayName,
  GroupType,
  scopeOf,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { invalid } from '../common/invalid';
import { ContactEntity } from '../contacts/contact.entity';
import { AttendanceEntity, GroupEntity, GroupSessionEntity } from '../groups/group.entity';
import { ClinicClock } from '../organizations/clinic-clock';
import { ClaimLinesQueryDto } from './billing.dto';
import { CONTACT_CLAIM_SCOPE, SESSION_CLAIM_SCOPE } from './claim-scope';
import { claimUnitsByPeer } from './claim-units';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

@Injectable()
export class BillingService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
  ) {}

  /** Claim lines for the local dates of service `from`..`to` (PRODUCT.md §5). */
  async claimLines(actor: Actor, query: ClaimLinesQueryDto): Promise<ClaimLine[]> {
    const to = query.to ?? this.clock.today();
    const from = query.from ?? addDays(to, -DEFAULT_DAYS);
    if (from > to) throw invalid('from', 'from must not be after to');
    if (daysBetween(from, to) >= MAX_DAYS) throw invalid('from', `at most ${MAX_DAYS} days at once`);
    const programs = query.programId
      ? actor.programIds.filter((p) => p === query.programId?.toLowerCase())
      : actor.programIds;
    const lines = await this.build(actor, from, to, programs);
    await this.audit.recordShown(
      { action: 'billing.claim_lines', entityType: 'report' },
      lines.map((l) => l.clientId),
    );
    return lines;
  }

  /**
   * H0038 and H0038-HQ units per rendering peer: the claim lines' units summed, computed in the
   * database (`claimUnitsByPeer`) instead of loading every signed contact of the period into the
   * app. The rows are those `claimLines` reads (same query builders, same `billing:read` scope);
   * `api/test/billing.spec.ts` checks the sums against the lines `buildClaimLines` makes.
   */
  async unitsByPeer(
    actor: Actor,
    from: string,
    to: string,
    programs: string[],
  ): Promise<Map<string, { individual: number; group: number }>> {
    const profile = actor.clinic.billingProfile;
    const contacts = this.contactsQuery(actor, from, to, programs)
      .andWhere('k.modality = ANY(CAST(:billableModalities AS text[]))', {
        billableModalities: profile.billableModalities,
      })
      .andWhere('NOT (k.contactType = ANY(CAST(:nonBillableContactTypes AS text[])))', {
        nonBillableContactTypes: profile.nonBillableContactTypes,
      })
      .andWhere('k.billable')
      .select(['k.id AS id', 'k.clientId AS client_id', 'k.authorId AS peer_id'])
      .addSelect('k.occurredAt', 'occurred_at')
      .addSelect('k.durationMinutes', 'minutes');
    const attendance = this.attendanceQuery(actor, from, to, programs)
      .andWhere('s.facilitatorId IS NOT NULL')
      .andWhere('NOT (g.type = ANY(CAST(:nonBillableGroupTypes AS text[])))', {
        nonBillableGroupTypes: profile.nonBillableGroupTypes,
      })
      .select(['s.id AS session_id', 's.date AS service_date', 'a.clientId AS client_id'])
      .addSelect('s.facilitatorId', 'peer_id')
      .addSelect('coalesce(a.minutesAttended, s.durationMinutes)', 'minutes');
    const [sql, params] = this.txHost.tx.connection.driver.escapeQueryWithParameters(
      claimUnitsByPeer(contacts.getQuery(), attendance.getQuery()),
      {
        ...contacts.getParameters(),
        ...attendance.getParameters(),
        claimTimeZone: actor.clinic.timeZone,
        claimDailyCap: profile.dailyUnitCap,
      },
    );
    const rows = (await this.txHost.tx.query(sql, params)) as {
      peer_id: string;
      individual: number;
      group: number;
    }[];
    return new Map(rows.map((r) => [r.peer_id, { individual: r.individual, group: r.group }]));
  }

  private async build(actor: Actor, from: string, to: string, programs: string[]): Promise<ClaimLine[]> {
    const contacts = await this.contacts(actor, from, to, programs);
    const attendance = await this.attendance(actor, from, to, programs);
    return buildClaimLines({
      contacts,
      attendance,
      profile: actor.clinic.billingProfile,
      timeZone: actor.clinic.timeZone,
      peers: await this.peers([
        ...contacts.map((k) => k.authorId),
        ...attendance.map((a) => a.facilitatorId),
      ]),
      clients: await this.clients(
        actor,
        [...contacts, ...attendance].map((r) => r.clientId),
      ),
    });
  }

  /** Signed successful contacts of the programs' clients in the period, as `billing:read` allows. */
  private contactsQuery(actor: Actor, from: string, to: string, programs: string[]) {
    const { start, end } = this.clock.range(from, to);
    const qb = this.txHost.tx
      .getRepository(ContactEntity)
      .createQueryBuilder('k')
      .innerJoin(ClientEntity, 'c', 'c.id = k.clientId')
      .where('k.signedAt IS NOT NULL')
      .andWhere('k.successful')
      .andWhere('k.occurredAt >= :start AND k.occurredAt < :end', { start, end })
      .andWhere('c.programId = ANY(CAST(:programs AS uuid[]))', { programs });
    return applyScope(qb, actor, 'billing:read', CONTACT_CLAIM_SCOPE, 'k');
  }

  /** Present and late attendance at the programs' group sessions in the period, as `billing:read` allows. */
  private attendanceQuery(actor: Actor, from: string, to: string, programs: string[]) {
    const qb = this.txHost.tx
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('s')
      .innerJoin(GroupEntity, 'g', 'g.id = s.groupId')
      .innerJoin(AttendanceEntity, 'a', 'a.sessionId = s.id')
      .where('s.date BETWEEN :from AND :to', { from, to })
      .andWhere("a.status IN ('present', 'late')")
      .andWhere('g.programId = ANY(CAST(:programs AS uuid[]))', { programs });
    return applyScope(qb, actor, 'billing:read', SESSION_CLAIM_SCOPE, 's');
  }

  private async contacts(
    actor: Actor,
    from: string,
    to: string,
    programs: string[],
  ): Promise<ClaimContact[]> {
    const qb = this.contactsQuery(actor, from, to, programs);
    return (await qb.orderBy('k.occurredAt').addOrderBy('k.id').getMany()).map((k) => ({
      id: k.id,
      clientId: k.clientId,
      authorId: k.authorId,
      occurredAt: k.occurredAt,
      durationMinutes: k.durationMinutes,
      modality: k.modality,
      contactType: k.contactType,
      successful: k.successful,
      billable: k.billable,
      note: k.note,
      signedAt: k.signedAt,
    }));
  }

  private async attendance(
    actor: Actor,
    from: string,
    to: string,
    programs: string[],
  ): Promise<ClaimAttendance[]> {
    const qb = this.attendanceQuery(actor, from, to, programs).select([
      's.id AS session_id',
      // As text: node-pg makes a date column a Date at the server's midnight, which the clinic's
      // zone could put on the day before.
      "to_char(s.date, 'YYYY-MM-DD') AS date",
      's.durationMinutes AS duration',
      's.facilitatorId AS facilitator_id',
      'g.type AS group_type',
      'a.clientId AS client_id',
      'a.status AS status',
      'a.minutesAttended AS minutes_attended',
    ]);
    const rows = await qb.orderBy('s.date').addOrderBy('s.id').addOrderBy('a.clientId').getRawMany<{
      session_id: string;
      date: string | Date;
      duration: number;
      facilitator_id: string | null;
      group_type: GroupType;
      client_id: string;
      status: AttendanceStatus;
      minutes_attended: number | null;
    }>();
    return rows.map((r) => ({
      sessionId: r.session_id,
      clientId: r.client_id,
      date: typeof r.date === 'string' ? r.date : this.clock.dateOf(r.date),
      groupType: r.group_type,
      sessionMinutes: r.duration,
      facilitatorId: r.facilitator_id,
      status: r.status,
      minutesAttended: r.minutes_attended,
    }));
  }

  private async peers(ids: (string | null)[]): Promise<Map<string, ClaimPeer>> {
    const rows = (await this.txHost.tx.query(
      `SELECT id, name, credential_type, credential_number, credential_expires_on::text AS expires_on
         FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids.filter((id): id is string => !!id))]],
    )) as {
      id: string;
      name: string;
      credential_type: string | null;
      credential_number: string | null;
      expires_on: string | null;
    }[];
    return new Map(
      rows.map((u) => [
        u.id,
        {
          name: u.name,
          credential:
            u.credential_type && u.credential_number && u.expires_on
              ? { type: u.credential_type, number: u.credential_number, expiresOn: u.expires_on }
              : null,
        },
      ]),
    );
  }

  /** A peer sees their own caseload by name and other group members by display name only. */
  private async clients(actor: Actor, ids: string[]): Promise<Map<string, ClaimClient>> {
    const rows = (await this.txHost.tx.query(
      `SELECT id, first_name, last_name, primary_peer_id, medicaid_id FROM clients WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as {
      id: string;
      first_name: string;
      last_name: string;
      primary_peer_id: string | null;
      medicaid_id: string | null;
    }[];
    const full = scopeOf(actor.role, 'clients:read') === 'program';
    return new Map(
      rows.map((c) => [
        c.id,
        {
          name:
            full || c.primary_peer_id === actor.userId
              ? `${c.first_name} ${c.last_name}`
              : displayName(c.first_name, c.last_name),
          medicaidId: c.medicaid_id,
        },
      ]),
    );
  }
}
