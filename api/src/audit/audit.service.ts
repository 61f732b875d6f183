import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { AuditOutcome, Role } from '@peerpath/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ACTOR_KEY, RequestMeta } from '../access/actor';
import { pinOrganization } from '../database/organization';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  outcome?: AuditOutcome;
}

export interface StandaloneAuditRecord extends AuditRecord {
  organizationId: string | null;
  actorId: string | null;
  actorRole: Role | null;
  /** Recorded while the actor held emergency access to this client. */
  emergency?: boolean;
}

export const META_KEY = 'requestMeta';
/** A public recipient-link request: no staff actor, only the organization its link belongs to. */
export const RECIPIENT_ORG_KEY = 'recipientOrganization';

@Injectable()
export class AuditService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Records an event in the request's own transaction: it commits or rolls back with the change. */
  async record(event: AuditRecord): Promise<void> {
    const actor = this.cls.get<Actor | undefined>(ACTOR_KEY);
    if (!actor) {
      // The recipient of a referral acting through their link: the event has no staff actor.
      const organizationId = this.cls.get<string | undefined>(RECIPIENT_ORG_KEY);
      if (!organizationId) throw new Error('An audit event needs a signed-in actor or a recipient link');
      await this.insert(this.txHost.tx, { ...event, organizationId, actorId: null, actorRole: null });
      return;
    }
    await this.insert(this.txHost.tx, {
      ...event,
      organizationId: actor.organizationId,
      actorId: actor.userId,
      actorRole: actor.role,
      emergency: !!event.clientId && actor.emergencyClientIds.includes(event.clientId),
    });
  }

  /**
   * A list or export that showed clients: one event per client it showed, in one statement, so
   * each client's access history names the view; one event naming no client when it showed none.
   */
  async recordShown(event: Omit<AuditRecord, 'clientId'>, clientIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(clientIds)];
    if (!ids.length || !this.cls.get<Actor | undefined>(ACTOR_KEY)) {
      for (const clientId of ids.length ? ids : [null]) await this.record({ ...event, clientId });
      return;
    }
    await this.recordEach(event, ids);
  }

  /**
   * The same event for each of several clients (a session's attendance, say), in the request's
   * transaction and one statement; nothing when there are none.
   */
  async recordEach(event: Omit<AuditRecord, 'clientId'>, clientIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(clientIds)];
    if (!ids.length) return;
    const actor = this.cls.get<Actor | undefined>(ACTOR_KEY);
    if (!actor) {
      for (const clientId of ids) await this.record({ ...event, clientId });
      return;
    }
    const meta = this.cls.get<RequestMeta | undefined>(META_KEY);
    await this.txHost.tx.query(
      `INSERT INTO audit_events
         (organization_id, actor_id, actor_role, action, entity_type, entity_id, client_id, outcome, ip, request_id, emergency)
       SELECT $1, $2, $3, $4, $5, $6, shown.id, $7, $8, $9, shown.id = ANY($10::uuid[])
         FROM unnest($11::uuid[]) WITH ORDINALITY AS shown(id, n) ORDER BY shown.n`,
      [
        actor.organizationId,
        actor.userId,
        actor.role,
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.outcome ?? 'success',
        meta?.ip ?? null,
        meta?.requestId ?? null,
        actor.emergencyClientIds,
        ids,
      ],
    );
  }

  /**
   * Records an event in a transaction of its own: denied attempts and failed sign-ins, whose
   * request's work is rolled back or never began.
   */
  async recordStandalone(event: StandaloneAuditRecord): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (event.organizationId) {
        await pinOrganization(em, event.organizationId);
      }
      await this.insert(em, event);
    });
  }

  /** Records an event in a transaction the caller already holds. */
  recordIn(em: EntityManager, event: StandaloneAuditRecord): Promise<void> {
    return this.insert(em, event);
  }

  private async insert(em: EntityManager, event: StandaloneAuditRecord): Promise<void> {
    const meta = this.cls.isActive() ? this.cls.get<RequestMeta | undefined>(META_KEY) : undefined;
    // Plain INSERT without RETURNING: a sign-in failure for an unknown email belongs to no
    // organization, and RETURNING would have to pass the read policy too.
    await em.query(
      `INSERT INTO audit_events
         (organization_id, actor_id, actor_role, action, entity_type, entity_id, client_id, outcome, ip, request_id, emergency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        event.organizationId,
        event.actorId,
        event.actorRole,
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.clientId ?? null,
        event.outcome ?? 'success',
        meta?.ip ?? null,
        meta?.requestId ?? null,
        event.emergency ?? false,
      ],
    );
  }
}
