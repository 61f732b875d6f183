import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { displayName, GroupMember } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { ClientEntity } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';
import { GroupEntity } from './group.entity';
import { GROUP_CLIENT_SCOPE } from './group-scope';
import { GroupsService } from './groups.service';

/**
 * How group screens show clients (PRODUCT.md §2): in full to whoever may read the client's
 * attendance (a peer's caseload, a clinician's or manager's program); to a facilitator, the rest of
 * the group by display name only; to anyone else, not at all.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clients: ClientsService,
    private readonly groups: GroupsService,
  ) {}

  async members(actor: Actor, group: GroupEntity, clientIds: string[]): Promise<Map<string, GroupMember>> {
    const ids = [...new Set(clientIds)];
    const shown = new Map<string, GroupMember>();
    if (!ids.length) return shown;
    const full = await this.clients
      .scoped(actor, 'attendance:read')
      .andWhere('c.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .getMany();
    for (const c of full) shown.set(c.id, fullMember(c));
    const rest = ids.filter((id) => !shown.has(id));
    if (rest.length && (await this.groups.reaches(actor, group.id, 'attendance:write'))) {
      for (const c of await this.atTheDoor(actor, group)
        .andWhere('c.id = ANY(CAST(:rest AS uuid[]))', { rest })
        .getMany())
        shown.set(c.id, { clientId: c.id, displayName: displayName(c.firstName, c.lastName) });
    }
    return shown;
  }

  /** Clients of the group's program that the caller may name at this group's door. */
  atTheDoor(actor: Actor, group: GroupEntity) {
    const qb = this.txHost.tx
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.firstName', 'c.lastName', 'c.status', 'c.programId', 'c.nameKey'])
      .where('c.programId = :groupProgram', { groupProgram: group.programId });
    return applyScope(qb, actor, 'attendance:write', GROUP_CLIENT_SCOPE);
  }
}

export function fullMember(c: ClientEntity): GroupMember {
  return {
    clientId: c.id,
    displayName: displayName(c.firstName, c.lastName),
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName,
  };
}
