import { ForbiddenException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Group, Page, Permission } from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { invalid } from '../common/invalid';
import { problem } from '../common/problem';
import { GroupEntity } from './group.entity';
import { GROUP_SCOPE } from './group-scope';
import { CreateGroupDto, GroupListQuery, UpdateGroupDto } from './groups.dto';

@Injectable()
export class GroupsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  /** Groups as the caller reaches them for `permission`; the only way group rows are read. */
  scoped(actor: Actor, permission: Permission): SelectQueryBuilder<GroupEntity> {
    return applyScope(
      this.txHost.tx.getRepository(GroupEntity).createQueryBuilder('g'),
      actor,
      permission,
      GROUP_SCOPE,
    );
  }

  async findInScope(actor: Actor, id: string, permission: Permission, lock = false): Promise<GroupEntity> {
    const qb = this.scoped(actor, permission).andWhere('g.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const group = await qb.getOne();
    if (!group) throw new NotFound('group');
    return group;
  }

  reaches(actor: Actor, id: string, permission: Permission): Promise<boolean> {
    return this.scoped(actor, permission).andWhere('g.id = :id', { id }).getExists();
  }

  /**
   * A group the caller can see (else 404) and may act on for `permission` (else 403): a peer who
   * reads the program's groups but does not facilitate this one is refused, not misled.
   */
  async findForAction(actor: Actor, id: string, permission: Permission): Promise<GroupEntity> {
    const group = await this.findInScope(actor, id, 'groups:read');
    if (!(await this.reaches(actor, id, permission))) {
      throw new ForbiddenException(
        problem(403, 'Only the group’s facilitators and the program’s managers may do this.'),
      );
    }
    return group;
  }

  async list(actor: Actor, query: GroupListQuery): Promise<Page<Group>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, 'text');
    const qb = this.scoped(actor, 'groups:read')
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .take(limit + 1);
    if (query.includeInactive !== 'true') qb.andWhere('g.active');
    if (query.programId) qb.andWhere('g.programId = :programId', { programId: query.programId });
    if (query.mine === 'true') {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM group_facilitators mf WHERE mf.group_id = g.id AND mf.user_id = :me)',
        { me: actor.userId },
      );
    }
    if (after) qb.andWhere('(g.name, g.id) > (:at, :id)', after);
    const rows = await qb.getMany();
    await this.audit.record({ action: 'group.list', entityType: 'group' });
    const page = toPage(
      rows,
      limit,
      (g) => ({ at: g.name, id: g.id }),
      (g) => g,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Group> {
    const group = await this.findInScope(actor, id, 'groups:read');
    await this.audit.record({ action: 'group.read', entityType: 'group', entityId: id });
    return (await this.present([group]))[0];
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<Group> {
    if (!actor.programIds.includes(dto.programId))
      throw invalid('programId', 'programId must be one of your programs');
    const facilitators = leadFirst(dto.facilitatorId, dto.facilitatorIds);
    if (!facilitators.length) throw invalid('facilitatorId', 'a group needs at least one facilitator');
    await this.assertStaffOfProgram(facilitators, dto.programId);
    const repo = this.txHost.tx.getRepository(GroupEntity);
    const group = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        programId: dto.programId,
        name: dto.name,
        type: dto.type,
        schedule: dto.schedule.trim(),
        location: dto.location?.trim() || null,
        videoLink: dto.videoLink?.trim() || null,
        capacity: dto.capacity ?? null,
        active: dto.active ?? true,
      }),
    );
    await this.setFacilitators(actor, group.id, facilitators);
    await this.audit.record({ action: 'group.create', entityType: 'group', entityId: group.id });
    return (await this.present([group]))[0];
  }

  async update(actor: Actor, id: string, dto: UpdateGroupDto): Promise<Group> {
    const group = await this.findInScope(actor, id, 'groups:write', true);
    if (group.version !== dto.version) throw new StaleVersion();
    const { version: _version, facilitatorId, facilitatorIds, ...changes } = dto;
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined)
        Object.assign(group, { [field]: typeof value === 'string' ? value.trim() || null : value });
    }
    if (facilitatorId || facilitatorIds) {
      const current = await this.facilitatorIds(id);
      const next = leadFirst(facilitatorId, facilitatorIds ?? current);
      await this.assertStaffOfProgram(next, group.programId);
      await this.setFacilitators(actor, id, next);
    }
    // Touching updated_at makes every accepted edit, facilitators alone included, bump the version.
    group.updatedAt = new Date();
    const saved = await this.txHost.tx.getRepository(GroupEntity).save(group);
    await this.audit.record({ action: 'group.update', entityType: 'group', entityId: id });
    return (await this.present([saved]))[0];
  }

  /** Groups as the contract shows them, with facilitators and roster size, in two queries. */
  async present(groups: GroupEntity[]): Promise<Group[]> {
    if (!groups.length) return [];
    const ids = groups.map((g) => g.id);
    const facilitators = (await this.txHost.tx.query(
      `SELECT f.group_id, u.id, u.name FROM group_facilitators f JOIN users u ON u.id = f.user_id
        WHERE f.group_id = ANY($1::uuid[]) ORDER BY f.position, u.name`,
      [ids],
    )) as { group_id: string; id: string; name: string }[];
    const counts = new Map(
      (
        (await this.txHost.tx.query(
          `SELECT group_id, count(*)::int AS n FROM group_roster
            WHERE group_id = ANY($1::uuid[]) AND removed_at IS NULL GROUP BY group_id`,
          [ids],
        )) as { group_id: string; n: number }[]
      ).map((r) => [r.group_id, r.n]),
    );
    return groups.map((g) => {
      const own = facilitators.filter((f) => f.group_id === g.id).map((f) => ({ id: f.id, name: f.name }));
      return {
        id: g.id,
        programId: g.programId,
        name: g.name,
        type: g.type,
        facilitatorId: own[0]?.id ?? '',
        facilitatorIds: own.map((f) => f.id),
        facilitators: own,
        schedule: g.schedule,
        location: g.location,
        videoLink: g.videoLink,
        capacity: g.capacity,
        active: g.active,
        rosterCount: counts.get(g.id) ?? 0,
        version: g.version,
        createdAt: g.createdAt.toISOString(),
      };
    });
  }

  /** The group's facilitators, lead first. */
  async facilitatorIds(groupId: string): Promise<string[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT user_id FROM group_facilitators WHERE group_id = $1 ORDER BY position`,
      [groupId],
    )) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }

  private async setFacilitators(actor: Actor, groupId: string, userIds: string[]): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM group_facilitators WHERE group_id = $1`, [groupId]);
    await this.txHost.tx.query(
      `INSERT INTO group_facilitators (organization_id, group_id, user_id, position)
       SELECT $1, $2, u, (n - 1)::smallint FROM unnest($3::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [actor.organizationId, groupId, userIds],
    );
  }

  /** Facilitators are active peers, clinicians or managers of the group's program. */
  private async assertStaffOfProgram(userIds: string[], programId: string): Promise<void> {
    const rows = (await this.txHost.tx.query(
      `SELECT u.id FROM users u JOIN program_memberships m ON m.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND m.program_id = $2 AND u.active AND u.role <> 'admin'`,
      [userIds, programId],
    )) as { id: string }[];
    if (rows.length !== userIds.length)
      throw invalid('facilitatorIds', 'facilitators must be active staff of the group’s program');
  }
}

function leadFirst(lead: string | undefined, all: string[] | undefined): string[] {
  return [...new Set([...(lead ? [lead] : []), ...(all ?? [])])];
}
