import { ForbiddenException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  attended,
  AttendanceStatus,
  GROUP_BILLING_CODE,
  GroupMember,
  groupUnits,
  SessionAttendance,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { invalid } from '../common/invalid';
import { problem } from '../common/problem';
import { GroupEntity, GroupSessionEntity } from '../groups/group.entity';
import { GroupsService } from '../groups/groups.service';
import { MembersService } from '../groups/members.service';
import { RosterService } from '../groups/roster.service';
import { GroupSessionsService } from '../groups/sessions.service';
import { ClinicClock } from '../organizations/clinic-clock';
import { AttendanceItemDto } from './attendance.dto';

@Injectable()
export class AttendanceService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly sessions: GroupSessionsService,
    private readonly roster: RosterService,
    private readonly members: MembersService,
    private readonly clock: ClinicClock,
  ) {}

  async forSession(actor: Actor, sessionId: string): Promise<SessionAttendance> {
    const { session, group } = await this.sessions.findInScope(actor, sessionId, 'groups:read');
    const attendance = await this.present(actor, session, group);
    await this.audit.recordShown(
      { action: 'attendance.read', entityType: 'session', entityId: sessionId },
      attendance.items.map((i) => i.clientId),
    );
    return attendance;
  }

  /**
   * Replaces a session's attendance as a whole: rows left out are deleted, unchanged rows keep
   * when they were first recorded, so the same body twice leaves the same rows. Walk-ins who are
   * active clients of the group's program join the roster. Any client the caller may not name
   * answers 404 and nothing is written.
   */
  async record(actor: Actor, sessionId: string, items: AttendanceItemDto[]): Promise<SessionAttendance> {
    const { session, group } = await this.sessions.findInScope(actor, sessionId, 'groups:read', true);
    if (!(await this.groups.reaches(actor, group.id, 'attendance:write'))) {
      throw new ForbiddenException(
        problem(403, 'Only the group’s facilitators and the program’s managers may take attendance.'),
      );
    }
    if (session.date > this.clock.today())
      throw new ConflictProblem(
        'session-not-started',
        'Attendance can be taken from the day of the session.',
      );
    const before = new Set(await this.recordedIds(sessionId));
    const onRoster = new Set(await this.roster.currentIds(group.id));
    const ids = items.map((i) => i.clientId.toLowerCase());
    const known = new Map(
      (
        await this.members
          .atTheDoor(actor, group)
          .andWhere('c.id = ANY(CAST(:ids AS uuid[]))', { ids })
          .getMany()
      ).map((c) => [c.id, c]),
    );
    for (const [i, item] of items.entries()) {
      if (item.minutesAttended != null && item.minutesAttended > session.durationMinutes)
        throw invalid(`attendance.${i}.minutesAttended`, 'minutesAttended cannot pass the session’s length');
      if (item.minutesAttended != null && !attended(item.status))
        throw invalid(
          `attendance.${i}.minutesAttended`,
          'only a present or late client has minutes attended',
        );
    }
    for (const [i, id] of ids.entries()) {
      const client = known.get(id);
      if (!client || (client.status !== 'active' && !onRoster.has(id) && !before.has(id)))
        throw unknownClient(id, i);
    }
    const removed = (await this.txHost.tx.query(
      `DELETE FROM attendance WHERE session_id = $1 AND NOT (client_id = ANY($2::uuid[])) RETURNING client_id`,
      [sessionId, ids],
    )) as [{ client_id: string }[], number];
    if (ids.length) {
      await this.txHost.tx.query(
        `INSERT INTO attendance (organization_id, session_id, client_id, status, recorded_by, minutes_attended)
         SELECT $1, $2, i.client_id, i.status, $5, i.minutes
           FROM unnest($3::uuid[], $4::text[], $6::int[]) AS i(client_id, status, minutes)
         ON CONFLICT (session_id, client_id) DO UPDATE
           SET status = EXCLUDED.status, minutes_attended = EXCLUDED.minutes_attended,
               recorded_by = EXCLUDED.recorded_by, recorded_at = now()
           WHERE attendance.status <> EXCLUDED.status
              OR attendance.minutes_attended IS DISTINCT FROM EXCLUDED.minutes_attended`,
        [
          actor.organizationId,
          sessionId,
          ids,
          items.map((i) => i.status),
          actor.userId,
          items.map((i) => i.minutesAttended ?? null),
        ],
      );
    }
    const walkIns = ids.filter((id) => !onRoster.has(id) && !before.has(id));
    const enrolled = await this.roster.enrol(actor, group.id, walkIns);
    await this.audit.recordEach(
      { action: 'group.roster.walk_in', entityType: 'group', entityId: group.id },
      enrolled.map((r) => r.client_id),
    );
    await this.audit.recordEach(
      { action: 'attendance.remove', entityType: 'session', entityId: sessionId },
      removed[0].map((r) => r.client_id),
    );
    await this.audit.recordEach(
      { action: 'attendance.record', entityType: 'session', entityId: sessionId },
      ids,
    );
    return this.present(actor, session, group);
  }

  private async recordedIds(sessionId: string): Promise<string[]> {
    const rows = (await this.txHost.tx.query(`SELECT client_id FROM attendance WHERE session_id = $1`, [
      sessionId,
    ])) as { client_id: string }[];
    return rows.map((r) => r.client_id);
  }

  /** The rows the caller may see, each with its H0038-HQ units. */
  private async present(
    actor: Actor,
    session: GroupSessionEntity,
    group: GroupEntity,
  ): Promise<SessionAttendance> {
    const rows = (await this.txHost.tx.query(
      `SELECT client_id, status, minutes_attended FROM attendance WHERE session_id = $1`,
      [session.id],
    )) as { client_id: string; status: AttendanceStatus; minutes_attended: number | null }[];
    const shown = await this.members.members(
      actor,
      group,
      rows.map((r) => r.client_id),
    );
    return {
      session: (await this.sessions.present([session]))[0],
      billingCode: GROUP_BILLING_CODE,
      unitsPerClient: groupUnits(
        session.durationMinutes,
        'present',
        null,
        group.type,
        actor.clinic.billingProfile,
      ),
      items: rows
        .filter((r) => shown.has(r.client_id))
        .map((r) => ({
          ...(shown.get(r.client_id) as GroupMember),
          sessionId: session.id,
          status: r.status,
          minutesAttended: r.minutes_attended,
          billingUnits: groupUnits(
            session.durationMinutes,
            r.status,
            r.minutes_attended,
            group.type,
            actor.clinic.billingProfile,
          ),
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.clientId.localeCompare(b.clientId)),
    };
  }
}

/** 404 for the one client the caller may not name here, pointing at its place in the body. */
function unknownClient(clientId: string, index: number): NotFound {
  const error = new NotFound('client', clientId);
  const message = 'no active client of this group’s program has this id';
  Object.assign(error.getResponse() as object, {
    errors: [{ field: `attendance.${index}.clientId`, message }],
  });
  return error;
}
