import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  attendanceRates,
  attended,
  ClientAttendanceRates,
  daysBetween,
  GroupMember,
  GroupRates,
  GroupRateWindow,
  groupUnits,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { GroupsService } from '../groups/groups.service';
import { MembersService } from '../groups/members.service';
import { RosterService } from '../groups/roster.service';
import { ClinicClock } from '../organizations/clinic-clock';
import { CountedSession, countedSessions, ratesByClient } from './counted-sessions';

/** Attendance rates over the last 4 and 12 weeks and runs of absences, per client and per group. */
@Injectable()
export class RatesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly groups: GroupsService,
    private readonly members: MembersService,
    private readonly roster: RosterService,
    private readonly clock: ClinicClock,
  ) {}

  async forClient(actor: Actor, clientId: string): Promise<ClientAttendanceRates> {
    await this.clients.findInScope(actor, clientId, 'attendance:read');
    const today = this.clock.today();
    const rows = await countedSessions(this.txHost.tx, { clientIds: [clientId] }, today);
    await this.audit.record({
      action: 'client.attendance_rates.read',
      entityType: 'client',
      entityId: clientId,
      clientId,
    });
    return { clientId, ...attendanceRates(rows, today) };
  }

  async forGroup(actor: Actor, groupId: string): Promise<GroupRates> {
    const group = await this.groups.findInScope(actor, groupId, 'groups:read');
    const today = this.clock.today();
    const rows = await countedSessions(this.txHost.tx, { groupId }, today);
    const recent = rows.filter((r) => daysBetween(r.date, today) < 84).map((r) => r.client_id);
    const ids = [...new Set([...(await this.roster.currentIds(groupId)), ...recent])];
    const shown = await this.members.members(actor, group, ids);
    const rates = ratesByClient(rows, today);
    const units = (r: CountedSession) =>
      groupUnits(r.duration_minutes, r.status, r.minutes_attended, group.type, actor.clinic.billingProfile);
    await this.audit.recordShown({ action: 'group.rates.read', entityType: 'group', entityId: groupId }, [
      ...shown.keys(),
    ]);
    return {
      groupId,
      last4Weeks: groupWindow(rows, today, 4, units),
      last12Weeks: groupWindow(rows, today, 12, units),
      clients: ids
        .filter((id) => shown.has(id))
        .map((id) => ({
          ...(shown.get(id) as GroupMember),
          ...(rates.get(id) ?? attendanceRates([], today)),
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  }
}

function groupWindow(
  rows: CountedSession[],
  today: string,
  weeks: number,
  units: (r: CountedSession) => number,
): GroupRateWindow {
  const inside = rows.filter((r) => daysBetween(r.date, today) < weeks * 7);
  const count = inside.filter((r) => attended(r.status)).length;
  return {
    groupSessions: new Set(inside.map((r) => r.session_id)).size,
    sessions: inside.length,
    attended: count,
    rate: inside.length ? count / inside.length : null,
    billingUnits: inside.reduce((sum, r) => sum + units(r), 0),
  };
}
