import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { GroupMember, RosterEntry } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { nameKey } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { invalid } from '../common/invalid';
import { GroupsService } from './groups.service';
import { MembersService } from './members.service';

interface RosterRow {
  client_id: string;
  added_at: Date;
  removed_at: Date | null;
}

/** Who is enrolled in a group; removal closes a roster row and re-adding opens a new one. */
@Injectable()
export class RosterService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly groups: GroupsService,
    private readonly members: MembersService,
  ) {}

  async roster(actor: Actor, groupId: string, includeRemoved: boolean): Promise<RosterEntry[]> {
    const group = await this.groups.findInScope(actor, groupId, 'groups:read');
    const rows = (await this.txHost.tx.query(
      `SELECT client_id, added_at, removed_at FROM group_roster
        WHERE group_id = $1 AND ($2 OR removed_at IS NULL) ORDER BY added_at, id`,
      [groupId, includeRemoved],
    )) as RosterRow[];
    const shown = await this.members.members(
      actor,
      group,
      rows.map((r) => r.client_id),
    );
    await this.audit.recordShown({ action: 'group.roster.read', entityType: 'group', entityId: groupId }, [
      ...shown.keys(),
    ]);
    return rows
      .filter((r) => shown.has(r.client_id))
      .map((r) => toEntry(groupId, shown.get(r.client_id) as GroupMember, r))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.addedAt.localeCompare(b.addedAt));
  }

  async add(actor: Actor, groupId: string, clientId: string): Promise<RosterEntry> {
    const group = await this.groups.findInScope(actor, groupId, 'groups:write', true);
    const client = await this.clients.findInScope(actor, clientId, 'clients:read');
    if (client.programId !== group.programId)
      throw invalid('clientId', 'clientId must be a client of the group’s program');
    if (client.status !== 'active')
      throw new ConflictProblem('client-discharged', 'The client is discharged; readmit them first.');
    const current = await this.currentIds(groupId);
    if (current.includes(clientId))
      throw new ConflictProblem('already-on-roster', 'The client is already on this group’s roster.');
    if (group.capacity !== null && current.length >= group.capacity)
      throw new ConflictProblem('group-full', `The group is full (capacity ${group.capacity}).`);
    const [row] = await this.enrol(actor, groupId, [clientId]);
    if (!row) throw new ConflictProblem('already-on-roster', 'The client is already on this group’s roster.');
    await this.audit.record({ action: 'group.roster.add', entityType: 'group', entityId: groupId, clientId });
    const shown = await this.members.members(actor, group, [clientId]);
    return toEntry(groupId, shown.get(clientId) as GroupMember, row);
  }

  async remove(actor: Actor, groupId: string, clientId: string): Promise<void> {
    await this.groups.findInScope(actor, groupId, 'groups:write', true);
    const closed = (await this.txHost.tx.query(
      `UPDATE group_roster SET removed_at = now(), removed_by = $3
        WHERE group_id = $1 AND client_id = $2 AND removed_at IS NULL RETURNING id`,
      [groupId, clientId, actor.userId],
    )) as [unknown[], number];
    if (!closed[1]) throw new NotFound('roster entry', clientId);
    await this.audit.record({
      action: 'group.roster.remove',
      entityType: 'group',
      entityId: groupId,
      clientId,
    });
  }

  /** Adds clients not yet on the roster (walk-ins at the door); answers the rows it opened. */
  async enrol(actor: Actor, groupId: string, clientIds: string[]): Promise<RosterRow[]> {
    if (!clientIds.length) return [];
    return (await this.txHost.tx.query(
      `INSERT INTO group_roster (organization_id, group_id, client_id, added_by)
       SELECT $1, $2, c, $4 FROM unnest($3::uuid[]) AS c
       ON CONFLICT (group_id, client_id) WHERE removed_at IS NULL DO NOTHING
       RETURNING client_id, added_at, removed_at`,
      [actor.organizationId, groupId, clientIds, actor.userId],
    )) as RosterRow[];
  }

  async currentIds(groupId: string): Promise<string[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT client_id FROM group_roster WHERE group_id = $1 AND removed_at IS NULL`,
      [groupId],
    )) as { client_id: string }[];
    return rows.map((r) => r.client_id);
  }

  /**
   * Active clients of the program not on the roster, for adding a walk-in at the door. A caller
   * who sees a client by display name only finds them by that name, never by the last name.
   */
  async walkIns(actor: Actor, groupId: string, q: string | undefined): Promise<GroupMember[]> {
    const group = await this.groups.findForAction(actor, groupId, 'attendance:write');
    const onRoster = new Set(await this.currentIds(groupId));
    const candidates = (
      await this.members.atTheDoor(actor, group).andWhere(`c.status = 'active'`).getMany()
    ).filter((c) => !onRoster.has(c.id));
    const shown = await this.members.members(
      actor,
      group,
      candidates.map((c) => c.id),
    );
    const wanted = nameKey(q ?? '');
    const found = candidates
      .map((c) => shown.get(c.id))
      .filter((m): m is GroupMember => !!m)
      .filter((m) => nameKey(m.lastName ? `${m.firstName} ${m.lastName}` : m.displayName).includes(wanted))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, 20);
    await this.audit.recordShown(
      { action: 'group.walk_in.search', entityType: 'group', entityId: groupId },
      found.map((m) => m.clientId),
    );
    return found;
  }
}

function toEntry(groupId: string, member: GroupMember, row: RosterRow): RosterEntry {
  return {
    ...member,
    groupId,
    addedAt: row.added_at.toISOString(),
    removedAt: row.removed_at?.toISOString() ?? null,
  };
}
