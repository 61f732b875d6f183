import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Assessment, barc10Total, Goal } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { NotFound, StaleVersion } from '../common/errors';
import { AssessmentEntity, GoalEntity } from './recovery.entities';
import { CreateAssessmentDto, CreateGoalDto, UpdateGoalDto } from './recovery.dto';

/** Recovery goals with progress notes, and BARC-10 recovery-capital assessments over time. */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async goals(actor: Actor, clientId: string): Promise<Goal[]> {
    await this.clients.findInScope(actor, clientId, 'goals:read');
    const rows = await this.txHost.tx
      .getRepository(GoalEntity)
      .find({ where: { clientId }, order: { createdAt: 'DESC' } });
    await this.audit.record({ action: 'goal.list', entityType: 'goal', clientId });
    return this.present(rows);
  }

  async createGoal(actor: Actor, clientId: string, dto: CreateGoalDto): Promise<Goal> {
    await this.clients.findInScope(actor, clientId, 'goals:write');
    const repo = this.txHost.tx.getRepository(GoalEntity);
    const saved = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        domain: dto.domain,
        description: dto.description.trim(),
        targetDate: dto.targetDate ?? null,
        status: 'active',
        createdBy: actor.userId,
      }),
    );
    await this.audit.record({ action: 'goal.create', entityType: 'goal', entityId: saved.id, clientId });
    return (await this.present([await repo.findOneByOrFail({ id: saved.id })]))[0];
  }

  async updateGoal(actor: Actor, id: string, dto: UpdateGoalDto): Promise<Goal> {
    const qb = this.txHost.tx
      .getRepository(GoalEntity)
      .createQueryBuilder('g')
      .innerJoin(ClientEntity, 'c', 'c.id = g.clientId')
      .where('g.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['g']);
    const goal = await applyScope(qb, actor, 'goals:write', CLIENT_SCOPE, 'c').getOne();
    if (!goal) throw new NotFound('goal');
    if (goal.version !== dto.version) throw new StaleVersion();
    if (dto.domain) goal.domain = dto.domain;
    if (dto.description) goal.description = dto.description.trim();
    if (dto.targetDate !== undefined) goal.targetDate = dto.targetDate;
    if (dto.status && dto.status !== goal.status) {
      goal.status = dto.status;
      goal.achievedAt = dto.status === 'achieved' ? new Date() : null;
    }
    const saved = await this.txHost.tx.getRepository(GoalEntity).save(goal);
    if (dto.progressNote) {
      await this.txHost.tx.query(
        `INSERT INTO goal_progress_notes (organization_id, goal_id, author_id, text) VALUES ($1, $2, $3, $4)`,
        [actor.organizationId, id, actor.userId, dto.progressNote.trim()],
      );
    }
    await this.audit.record({
      action: 'goal.update',
      entityType: 'goal',
      entityId: id,
      clientId: goal.clientId,
    });
    return (await this.present([saved]))[0];
  }

  async assessments(actor: Actor, clientId: string): Promise<Assessment[]> {
    await this.clients.findInScope(actor, clientId, 'assessments:read');
    const rows = await this.txHost.tx
      .getRepository(AssessmentEntity)
      .find({ where: { clientId }, order: { takenAt: 'DESC' } });
    await this.audit.record({ action: 'assessment.list', entityType: 'assessment', clientId });
    return rows.map(toAssessment);
  }

  /** The server computes the total (10–60); the caller's answers are only the ten items. */
  async createAssessment(actor: Actor, clientId: string, dto: CreateAssessmentDto): Promise<Assessment> {
    await this.clients.findInScope(actor, clientId, 'assessments:write');
    const repo = this.txHost.tx.getRepository(AssessmentEntity);
    const saved = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        instrument: dto.instrument,
        items: dto.items,
        total: barc10Total(dto.items),
        takenAt: dto.takenAt ? new Date(dto.takenAt) : new Date(),
        recordedBy: actor.userId,
      }),
    );
    await this.audit.record({
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: saved.id,
      clientId,
    });
    return toAssessment(saved);
  }

  private async present(goals: GoalEntity[]): Promise<Goal[]> {
    if (!goals.length) return [];
    const notes = (await this.txHost.tx.query(
      `SELECT n.id, n.goal_id, n.author_id, u.name, n.created_at, n.text
         FROM goal_progress_notes n JOIN users u ON u.id = n.author_id
        WHERE n.goal_id = ANY($1::uuid[]) ORDER BY n.created_at`,
      [goals.map((g) => g.id)],
    )) as { id: string; goal_id: string; author_id: string; name: string; created_at: Date; text: string }[];
    return goals.map((g) => ({
      id: g.id,
      clientId: g.clientId,
      domain: g.domain,
      description: g.description,
      targetDate: g.targetDate,
      status: g.status,
      achievedAt: g.achievedAt?.toISOString() ?? null,
      createdBy: g.createdBy,
      createdAt: g.createdAt.toISOString(),
      progressNotes: notes
        .filter((n) => n.goal_id === g.id)
        .map((n) => ({
          id: n.id,
          authorId: n.author_id,
          authorName: n.name,
          createdAt: n.created_at.toISOString(),
          text: n.text,
        })),
      version: g.version,
    }));
  }
}

function toAssessment(a: AssessmentEntity): Assessment {
  return {
    id: a.id,
    clientId: a.clientId,
    instrument: a.instrument,
    items: a.items,
    total: a.total,
    takenAt: a.takenAt.toISOString(),
    recordedBy: a.recordedBy,
  };
}
