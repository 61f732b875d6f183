import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Credential, Page, Permission, User } from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { ConflictProblem, NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { invalid } from '../common/invalid';
import { ProgramMembership } from '../programs/program.entity';
import { ProgramsService } from '../programs/programs.service';
import { STAFF_SCOPE } from './staff-scope';
import { UserEntity } from './user.entity';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto';

@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly programs: ProgramsService,
    private readonly sessions: SessionsService,
  ) {}

  /** The only way staff rows are read: the caller's scope is part of every query. */
  private scoped(actor: Actor, permission: Permission): SelectQueryBuilder<UserEntity> {
    const qb = this.txHost.tx.getRepository(UserEntity).createQueryBuilder('u');
    return applyScope(qb, actor, permission, STAFF_SCOPE);
  }

  async list(actor: Actor, query: UserListQuery): Promise<Page<User>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.scoped(actor, 'users:read')
      .orderBy('u.createdAt', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit + 1);
    if (after) qb.andWhere('(u.createdAt, u.id) > (:at, :id)', after);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.programId) {
      qb.andWhere('u.id IN (SELECT user_id FROM program_memberships WHERE program_id = :programId)', {
        programId: query.programId,
      });
    }
    const rows = await qb.getMany();
    const programIds = await this.programIdsOf(rows.map((r) => r.id));
    await this.audit.record({ action: 'user.list', entityType: 'user' });
    return toPage(
      rows,
      limit,
      (u) => ({ at: u.createdAt.toISOString(), id: u.id }),
      (u) => toUser(u, programIds.get(u.id) ?? []),
    );
  }

  async get(actor: Actor, id: string): Promise<User> {
    const user = await this.scoped(actor, 'users:read').andWhere('u.id = :id', { id }).getOne();
    if (!user) throw new NotFound('staff member');
    await this.audit.record({ action: 'user.read', entityType: 'user', entityId: id });
    return toUser(user, (await this.programIdsOf([id])).get(id) ?? []);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    const weakness = passwordProblem(dto.password, [dto.email, dto.name]);
    if (weakness) throw invalid('password', weakness);
    await this.programs.assertAllVisible(actor, dto.programIds);
    const users = this.txHost.tx.getRepository(UserEntity);
    const taken = await this.txHost.tx.query(`SELECT 1 FROM find_sign_in($1)`, [dto.email]);
    if (taken.length)
      throw new ConflictProblem('duplicate', 'A staff account with this email already exists.');
    const user = await users.save(
      users.create({
        organizationId: actor.organizationId,
        email: dto.email.trim().toLowerCase(),
        name: dto.name.trim(),
        role: dto.role,
        passwordHash: await hashPassword(dto.password),
        // The administrator chose it: the new staff member replaces it at first sign-in.
        mustChangePassword: true,
        active: true,
        ...billingFields(dto),
      }),
    );
    await this.setPrograms(actor, user.id, dto.programIds);
    await this.audit.record({ action: 'user.create', entityType: 'user', entityId: user.id });
    return toUser(user, dto.programIds);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<User> {
    const users = this.txHost.tx.getRepository(UserEntity);
    const user = await this.scoped(actor, 'users:write')
      .andWhere('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!user) throw new NotFound('staff member');
    if (user.version !== dto.version) throw new StaleVersion();
    if (id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
      throw new ConflictProblem(
        'self-lockout',
        'You cannot deactivate your own account or change your own role.',
      );
    }
    if (dto.password !== undefined) {
      const weakness = passwordProblem(dto.password, [user.email, dto.name ?? user.name]);
      if (weakness) throw invalid('password', weakness);
    }
    const endSessions =
      (dto.active === false && user.active) ||
      (dto.role !== undefined && dto.role !== user.role) ||
      dto.password !== undefined;
    if (dto.programIds) {
      await this.programs.assertAllVisible(actor, dto.programIds);
      await this.setPrograms(actor, id, dto.programIds);
    }
    Object.assign(user, {
      ...(dto.name !== undefined && { name: dto.name.trim() }),
      ...(dto.role !== undefined && { role: dto.role }),
      ...(dto.active !== undefined && { active: dto.active }),
      ...billingFields(dto),
    });
    if (dto.password !== undefined) {
      // A reset: the administrator knows this password too, so it must be replaced at sign-in.
      user.passwordHash = await hashPassword(dto.password);
      user.mustChangePassword = true;
    }
    const saved = await users.save(user);
    if (endSessions) await this.sessions.endAllFor(id);
    await this.audit.record({ action: 'user.update', entityType: 'user', entityId: id });
    return toUser(saved, dto.programIds ?? (await this.programIdsOf([id])).get(id) ?? []);
  }

  private async setPrograms(actor: Actor, userId: string, programIds: string[]): Promise<void> {
    const memberships = this.txHost.tx.getRepository(ProgramMembership);
    await memberships.delete({ userId });
    if (programIds.length) {
      await memberships.insert(
        [...new Set(programIds)].map((programId) => ({
          programId,
          userId,
          organizationId: actor.organizationId,
        })),
      );
    }
  }

  private async programIdsOf(userIds: string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    if (!userIds.length) return byUser;
    const rows: { user_id: string; program_id: string }[] = await this.txHost.tx.query(
      'SELECT user_id, program_id FROM program_memberships WHERE user_id = ANY($1::uuid[]) ORDER BY program_id',
      [userIds],
    );
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.program_id]);
    return byUser;
  }
}

export function toUser(u: UserEntity, programIds: string[]): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    programIds,
    active: u.active,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt ? u.lastSignInAt.toISOString() : null,
    credential:
      u.credentialType && u.credentialNumber && u.credentialExpiresOn
        ? { type: u.credentialType, number: u.credentialNumber, expiresOn: u.credentialExpiresOn }
        : null,
    npi: u.npi,
  };
}

/** The credential and NPI columns a create or update sets; absent fields stay as they are. */
function billingFields(dto: {
  credential?: Credential | null;
  npi?: string | null;
}): Partial<Pick<UserEntity, 'credentialType' | 'credentialNumber' | 'credentialExpiresOn' | 'npi'>> {
  return {
    ...(dto.credential !== undefined && {
      credentialType: dto.credential?.type.trim() ?? null,
      credentialNumber: dto.credential?.number ?? null,
      credentialExpiresOn: dto.credential?.expiresOn ?? null,
    }),
    ...(dto.npi !== undefined && { npi: dto.npi }),
  };
}
