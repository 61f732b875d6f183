import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import {
  DEFAULT_BILLING_PROFILE,
  GroupSession,
  groupUnits,
  GroupType,
  Page,
  Permission,
  AttendanceStatus,
} from '@peerpath/contracts';
import { Actor, ACTOR_KEY } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { invalid } from '../common/invalid';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { GroupEntity, GroupSessionEntity } from './group.entity';
import { GROUP_SCOPE } from './group-scope';
import { CreateSessionDto, SessionListQuery } from './groups.dto';
import { GroupsService } from './groups.service';

@Injectable()
export class GroupSessionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly cls: ClsService,
  ) {}

  /** A session whose group the caller reaches for `permission`, with that group, or 404. */
  async findInScope(
    actor: Actor,
    id: string,
    permission: Permission,
    lock = false,
  ): Promise<{ session: GroupSessionEntity; group: GroupEntity }> {
    const qb = this.txHost.tx
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.group', GroupEntity, 'g', 'g.id = s.groupId')
      .where('s.id = :id', { id });
    applyScope(qb, actor, permission, GROUP_SCOPE, 'g');
    if (lock) qb.setLock('pessimistic_write', undefined, ['s']);
    const found = (await qb.getOne()) as (GroupSessionEntity & { group: GroupEntity }) | null;
    if (!found) throw new NotFound('session');
    const { group, ...session } = found;
    return { session: Object.assign(new GroupSessionEntity(), session), group };
  }

  async list(actor: Actor, groupId: string, query: SessionListQuery): Promise<Page<GroupSession>> {
    await this.groups.findInScope(actor, groupId, 'groups:read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.txHost.tx
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('s')
      .where('s.groupId = :groupId', { groupId })
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.startTime', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(limit + 1);
    if (query.from) qb.andWhere('s.date >= :from', { from: query.from });
    if (query.to) qb.andWhere('s.date <= :to', { to: query.to });
    if (after)
      qb.andWhere('(s.date + s.startTime, s.id) < (CAST(:at AS timestamp), :id)', {
        at: after.at.slice(0, 19),
        id: after.id,
      });
    const rows = await qb.getMany();
    await this.audit.record({ action: 'session.list', entityType: 'group', entityId: groupId });
    const page = toPage(
      rows,
      limit,
      (s) => ({ at: `${s.date}T${s.startTime}`, id: s.id }),
      (s) => s,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, groupId: string, dto: CreateSessionDto): Promise<GroupSession> {
    const group = await this.groups.findForAction(actor, groupId, 'sessions:write');
    if (!group.active)
      throw new ConflictProblem('group-inactive', 'The group is inactive; a manager can reactivate it.');
    const facilitators = await this.groups.facilitatorIds(groupId);
    if (dto.facilitatorId && !facilitators.includes(dto.facilitatorId.toLowerCase()))
      throw invalid('facilitatorId', 'facilitatorId must be one of the group’s facilitators');
    const credited =
      dto.facilitatorId?.toLowerCase() ??
      (facilitators.includes(actor.userId) ? actor.userId : (facilitators[0] ?? null));
    // The slot index refuses a second session at the same date and time, e.g. a double tap.
    const [row] = (await this.txHost.tx.query(
      `INSERT INTO group_sessions (organization_id, group_id, date, start_time, duration_minutes, topic, created_by, facilitator_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (group_id, date, start_time) DO NOTHING RETURNING id`,
      [
        actor.organizationId,
        groupId,
        dto.date,
        dto.startTime,
        dto.durationMinutes,
        dto.topic?.trim() ?? '',
        actor.userId,
        credited,
      ],
    )) as { id: string }[];
    if (!row) {
      const [existing] = (await this.txHost.tx.query(
        `SELECT id FROM group_sessions WHERE group_id = $1 AND date = $2 AND start_time = $3`,
        [groupId, dto.date, dto.startTime],
      )) as { id: string }[];
      throw new ConflictProblem(
        'duplicate-session',
        'This group already has a session at that date and time.',
        {
          sessionId: existing?.id,
        },
      );
    }
    await this.audit.record({ action: 'session.create', entityType: 'session', entityId: row.id });
    const session = await this.txHost.tx.getRepository(GroupSessionEntity).findOneByOrFail({ id: row.id });
    return (await this.present([session]))[0];
  }

  /**
   * Sessions as the contract shows them, with attendance counts and H0038-HQ units: each attending
   * client's own minutes, none for a group type the clinic does not bill (the claim lines' rule).
   */
  async present(sessions: GroupSessionEntity[]): Promise<GroupSession[]> {
    if (!sessions.length) return [];
    const profile =
      this.cls.get<Actor | undefined>(ACTOR_KEY)?.clinic.billingProfile ?? DEFAULT_BILLING_PROFILE;
    const rows = (await this.txHost.tx.query(
      `SELECT a.session_id, a.status, a.minutes_attended, s.duration_minutes, g.type
         FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
        WHERE a.session_id = ANY($1::uuid[])`,
      [sessions.map((s) => s.id)],
    )) as {
      session_id: string;
      status: AttendanceStatus;
      minutes_attended: number | null;
      duration_minutes: number;
      type: GroupType;
    }[];
    const counts = new Map<string, { recorded: number; attended: number; units: number }>();
    for (const r of rows) {
      const c = counts.get(r.session_id) ?? { recorded: 0, attended: 0, units: 0 };
      const units = groupUnits(r.duration_minutes, r.status, r.minutes_attended, r.type, profile);
      c.recorded++;
      if (r.status === 'present' || r.status === 'late') c.attended++;
      c.units += units;
      counts.set(r.session_id, c);
    }
    return sessions.map((s) => {
      const c = counts.get(s.id);
      return {
        id: s.id,
        groupId: s.groupId,
        date: s.date,
        startTime: s.startTime.slice(0, 5),
        durationMinutes: s.durationMinutes,
        topic: s.topic,
        createdBy: s.createdBy,
        facilitatorId: s.facilitatorId,
        createdAt: s.createdAt.toISOString(),
        recorded: c?.recorded ?? 0,
        attended: c?.attended ?? 0,
        billingUnits: c?.units ?? 0,
      };
    });
  }
}
