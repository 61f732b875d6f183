import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Client, Page, Permission } from '@peerpath/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ConflictProblem, NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { invalid } from '../common/invalid';
import { ClientAssignmentEntity, ClientEntity, ClientStatusEventEntity } from './client.entity';
import { CLIENT_SCOPE, nameKey } from './client-scope';
import { ClientListQuery, CreateClientDto, DischargeDto, ReadmitDto, UpdateClientDto } from './clients.dto';

@Injectable()
export class ClientsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  /** Clients as the caller may reach them for `permission`; the only way client rows are read. */
  scoped(actor: Actor, permission: Permission): SelectQueryBuilder<ClientEntity> {
    return applyScope(
      this.txHost.tx.getRepository(ClientEntity).createQueryBuilder('c'),
      actor,
      permission,
      CLIENT_SCOPE,
    );
  }

  /** One client in scope for `permission`, or 404 (absent and out of scope look the same). */
  async findInScope(actor: Actor, id: string, permission: Permission, lock = false): Promise<ClientEntity> {
    const qb = this.scoped(actor, permission).andWhere('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const client = await qb.getOne();
    if (!client) throw new NotFound('client', id);
    return client;
  }

  async list(actor: Actor, query: ClientListQuery): Promise<Page<Client>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, 'text');
    const qb = this.scoped(actor, 'clients:read')
      .orderBy('c.nameKey', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit + 1);
    qb.andWhere('c.status = :status', { status: query.status ?? 'active' });
    if (query.q?.trim()) qb.andWhere('c.nameKey LIKE :q', { q: `%${escapeLike(nameKey(query.q))}%` });
    if (query.primaryPeerId) qb.andWhere('c.primaryPeerId = :peer', { peer: query.primaryPeerId });
    if (after) qb.andWhere('(c.nameKey, c.id) > (:at, :id)', after);
    const rows = await qb.getMany();
    await this.audit.recordShown(
      { action: 'client.list', entityType: 'client' },
      rows.slice(0, limit).map((c) => c.id),
    );
    return toPage(rows, limit, (c) => ({ at: c.nameKey, id: c.id }), toClient);
  }

  async get(actor: Actor, id: string): Promise<Client> {
    const client = await this.findInScope(actor, id, 'clients:read');
    await this.audit.record({ action: 'client.read', entityType: 'client', entityId: id, clientId: id });
    return toClient(client);
  }

  async create(actor: Actor, dto: CreateClientDto): Promise<Client> {
    if (!actor.programIds.includes(dto.programId))
      throw invalid('programId', 'programId must be one of your programs');
    const peerId = await this.primaryPeerFor(actor, dto);
    const key = nameKey(dto.firstName, dto.lastName);
    if (!dto.confirmedNotDuplicate) await this.assertNotDuplicate(actor, key, dto.dateOfBirth);
    const repo = this.txHost.tx.getRepository(ClientEntity);
    const client = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        programId: dto.programId,
        primaryPeerId: peerId,
        firstName: dto.firstName.trim(),
        lastName: dto.lastName.trim(),
        preferredName: dto.preferredName?.trim() || null,
        pronouns: dto.pronouns?.trim() || null,
        dateOfBirth: dto.dateOfBirth,
        phone: dto.phone?.trim() || null,
        email: dto.email?.trim() || null,
        externalRecordNumber: dto.externalRecordNumber?.trim() || null,
        medicaidId: dto.medicaidId?.trim() || null,
        recoveryStartDate: dto.recoveryStartDate ?? null,
        preferredContactMethod: dto.preferredContactMethod ?? null,
        nameKey: key,
        status: 'active',
      }),
    );
    await this.startAssignment(actor, client.id, peerId, 'intake');
    await this.statusEvent(actor, client.id, 'admitted', null);
    await this.audit.record({
      action: 'client.create',
      entityType: 'client',
      entityId: client.id,
      clientId: client.id,
    });
    return toClient(client);
  }

  async update(actor: Actor, id: string, dto: UpdateClientDto): Promise<Client> {
    const client = await this.findInScope(actor, id, 'clients:write', true);
    if (client.version !== dto.version) throw new StaleVersion();
    const { version: _version, ...changes } = dto;
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined)
        Object.assign(client, { [field]: typeof value === 'string' ? value.trim() || null : value });
    }
    client.nameKey = nameKey(client.firstName, client.lastName);
    const saved = await this.txHost.tx.getRepository(ClientEntity).save(client);
    await this.audit.record({ action: 'client.update', entityType: 'client', entityId: id, clientId: id });
    return toClient(saved);
  }

  async discharge(actor: Actor, id: string, dto: DischargeDto): Promise<Client> {
    const client = await this.findInScope(actor, id, 'clients:discharge', true);
    if (client.version !== dto.version) throw new StaleVersion();
    if (client.status === 'discharged')
      throw new ConflictProblem('already-discharged', 'The client is already discharged.');
    Object.assign(client, {
      status: 'discharged',
      dischargedAt: new Date(),
      dischargeReason: dto.reason.trim(),
    });
    const saved = await this.txHost.tx.getRepository(ClientEntity).save(client);
    await this.statusEvent(actor, id, 'discharged', dto.reason.trim());
    await this.audit.record({ action: 'client.discharge', entityType: 'client', entityId: id, clientId: id });
    return toClient(saved);
  }

  async readmit(actor: Actor, id: string, dto: ReadmitDto): Promise<Client> {
    const client = await this.findInScope(actor, id, 'clients:discharge', true);
    if (client.version !== dto.version) throw new StaleVersion();
    if (client.status === 'active')
      throw new ConflictProblem('already-active', 'The client is already active.');
    const peerId = dto.primaryPeerId ?? client.primaryPeerId;
    if (!peerId) throw invalid('primaryPeerId', 'primaryPeerId is required to readmit');
    await this.assertPeerOfProgram(peerId, client.programId);
    if (peerId !== client.primaryPeerId) await this.reassign(actor, client, peerId, 'readmission');
    Object.assign(client, {
      status: 'active',
      dischargedAt: null,
      dischargeReason: null,
      primaryPeerId: peerId,
    });
    const saved = await this.txHost.tx.getRepository(ClientEntity).save(client);
    await this.statusEvent(actor, id, 'readmitted', dto.reason?.trim() || null);
    await this.audit.record({ action: 'client.readmit', entityType: 'client', entityId: id, clientId: id });
    return toClient(saved);
  }

  /** Moves clients to another peer's caseload; access follows at once, history is kept. */
  async assign(actor: Actor, clientIds: string[], peerId: string, reason: string | null): Promise<Client[]> {
    const moved: Client[] = [];
    for (const id of [...new Set(clientIds)]) {
      const client = await this.findInScope(actor, id, 'clients:assign', true);
      await this.assertPeerOfProgram(peerId, client.programId);
      if (client.primaryPeerId !== peerId) {
        await this.reassign(actor, client, peerId, reason);
        client.primaryPeerId = peerId;
        const saved = await this.txHost.tx.getRepository(ClientEntity).save(client);
        await this.audit.record({
          action: 'client.assign',
          entityType: 'client',
          entityId: id,
          clientId: id,
        });
        moved.push(toClient(saved));
      } else {
        moved.push(toClient(client));
      }
    }
    return moved;
  }

  async assignments(actor: Actor, id: string) {
    await this.findInScope(actor, id, 'clients:read');
    const rows: {
      peer_id: string;
      name: string;
      started_at: Date;
      ended_at: Date | null;
      assigned_by: string | null;
    }[] = await this.txHost.tx.query(
      `SELECT a.peer_id, u.name, a.started_at, a.ended_at, a.assigned_by
           FROM client_assignments a JOIN users u ON u.id = a.peer_id
          WHERE a.client_id = $1 ORDER BY a.started_at DESC`,
      [id],
    );
    await this.audit.record({
      action: 'client.assignments.read',
      entityType: 'client',
      entityId: id,
      clientId: id,
    });
    return rows.map((r) => ({
      peerId: r.peer_id,
      peerName: r.name,
      startedAt: r.started_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
      assignedBy: r.assigned_by,
    }));
  }

  private async reassign(
    actor: Actor,
    client: ClientEntity,
    peerId: string,
    reason: string | null,
  ): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE client_assignments SET ended_at = now() WHERE client_id = $1 AND ended_at IS NULL`,
      [client.id],
    );
    await this.startAssignment(actor, client.id, peerId, reason);
  }

  private async startAssignment(actor: Actor, clientId: string, peerId: string, reason: string | null) {
    await this.txHost.tx.getRepository(ClientAssignmentEntity).insert({
      organizationId: actor.organizationId,
      clientId,
      peerId,
      assignedBy: actor.userId,
      reason,
    });
  }

  private async statusEvent(
    actor: Actor,
    clientId: string,
    status: ClientStatusEventEntity['status'],
    reason: string | null,
  ) {
    await this.txHost.tx.getRepository(ClientStatusEventEntity).insert({
      organizationId: actor.organizationId,
      clientId,
      status,
      reason,
      actorId: actor.userId,
    });
  }

  /** A peer's intake lands on their own caseload; a manager names an active peer of the program. */
  private async primaryPeerFor(actor: Actor, dto: CreateClientDto): Promise<string> {
    if (actor.role === 'peer') {
      if (dto.primaryPeerId && dto.primaryPeerId !== actor.userId) {
        throw invalid('primaryPeerId', 'a peer’s new client joins their own caseload');
      }
      return actor.userId;
    }
    if (!dto.primaryPeerId) throw invalid('primaryPeerId', 'primaryPeerId is required');
    await this.assertPeerOfProgram(dto.primaryPeerId, dto.programId);
    return dto.primaryPeerId;
  }

  private async assertPeerOfProgram(peerId: string, programId: string): Promise<void> {
    const rows = (await this.txHost.tx.query(
      `SELECT 1 FROM users u JOIN program_memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND m.program_id = $2 AND u.role = 'peer' AND u.active`,
      [peerId, programId],
    )) as unknown[];
    if (!rows.length)
      throw invalid('peerId', 'the primary peer must be an active peer specialist of the client’s program');
  }

  /**
   * Same name (case- and accent-insensitive) and date of birth anywhere in the organization is a
   * likely duplicate. Outside the caller's scope the answer names only whom to ask.
   */
  private async assertNotDuplicate(actor: Actor, key: string, dateOfBirth: string): Promise<void> {
    const match = (await this.txHost.tx.query(
      `SELECT id, program_id FROM clients WHERE name_key = $1 AND date_of_birth = $2 LIMIT 1`,
      [key, dateOfBirth],
    )) as { id: string; program_id: string }[];
    if (!match.length) return;
    const visible = await this.scoped(actor, 'clients:read')
      .andWhere('c.id = :id', { id: match[0].id })
      .getExists();
    if (visible) {
      throw new ConflictProblem(
        'possible-duplicate',
        'A client with this name and date of birth already exists.',
        {
          duplicateClientId: match[0].id,
        },
      );
    }
    const managers = (await this.txHost.tx.query(
      `SELECT u.name FROM users u JOIN program_memberships m ON m.user_id = u.id
        WHERE m.program_id = $1 AND u.role = 'manager' AND u.active ORDER BY u.name`,
      [match[0].program_id],
    )) as { name: string }[];
    const ask = managers.length ? managers.map((m) => m.name).join(' or ') : 'your program manager';
    throw new ConflictProblem(
      'possible-duplicate',
      `A client with this name and date of birth is already enrolled in your organization. Ask ${ask} before creating a new record.`,
    );
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function toClient(c: ClientEntity): Client {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName,
    pronouns: c.pronouns,
    dateOfBirth: c.dateOfBirth,
    phone: c.phone,
    email: c.email,
    externalRecordNumber: c.externalRecordNumber,
    medicaidId: c.medicaidId,
    programId: c.programId,
    primaryPeerId: c.primaryPeerId,
    recoveryStartDate: c.recoveryStartDate,
    preferredContactMethod: c.preferredContactMethod,
    status: c.status,
    dischargedAt: c.dischargedAt?.toISOString() ?? null,
    dischargeReason: c.dischargeReason,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}
