import { BadRequestException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Page, Permission, Program } from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope, ScopePolicy } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ConflictProblem } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, PageQuery, toPage } from '../common/pagination';
import { problem } from '../common/problem';
import { ProgramEntity } from './program.entity';
import { CreateProgramDto } from './programs.dto';

const PROGRAM_SCOPE: ScopePolicy = {
  program: (actor, p) => ({
    sql: `${p}.id = ANY(CAST(:actorPrograms AS uuid[]))`,
    params: { actorPrograms: actor.programIds },
  }),
  org: () => ({ sql: 'true' }),
};

@Injectable()
export class ProgramsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private scoped(actor: Actor, permission: Permission): SelectQueryBuilder<ProgramEntity> {
    return applyScope(
      this.txHost.tx.getRepository(ProgramEntity).createQueryBuilder('p'),
      actor,
      permission,
      PROGRAM_SCOPE,
    );
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<Program>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.scoped(actor, 'programs:read')
      .orderBy('p.createdAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit + 1);
    if (after) qb.andWhere('(p.createdAt, p.id) > (:at, :id)', after);
    return toPage(await qb.getMany(), limit, (p) => ({ at: p.createdAt.toISOString(), id: p.id }), toProgram);
  }

  async create(actor: Actor, dto: CreateProgramDto): Promise<Program> {
    const repo = this.txHost.tx.getRepository(ProgramEntity);
    const clash = await this.scoped(actor, 'programs:write')
      .andWhere('lower(p.name) = lower(:name)', { name: dto.name.trim() })
      .getExists();
    if (clash) throw new ConflictProblem('duplicate', 'A program with this name already exists.');
    const program = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        name: dto.name.trim(),
        description: dto.description?.trim() || null,
        overdueContactDays: dto.overdueContactDays ?? 14,
      }),
    );
    await this.audit.record({ action: 'program.create', entityType: 'program', entityId: program.id });
    return toProgram(program);
  }

  /** Staff can only be placed in programs the caller can see; anything else is a bad request. */
  async assertAllVisible(actor: Actor, programIds: string[]): Promise<void> {
    const unique = [...new Set(programIds)];
    if (!unique.length) return;
    const found = await this.scoped(actor, 'programs:read')
      .andWhere('p.id = ANY(CAST(:ids AS uuid[]))', { ids: unique })
      .getCount();
    if (found !== unique.length) {
      const message = 'programIds must name programs of your organization';
      throw new BadRequestException(problem(400, message, { errors: [{ field: 'programIds', message }] }));
    }
  }
}

export function toProgram(p: ProgramEntity): Program {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    overdueContactDays: p.overdueContactDays,
    createdAt: p.createdAt.toISOString(),
  };
}
