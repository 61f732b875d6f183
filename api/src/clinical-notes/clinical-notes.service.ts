import { ForbiddenException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { can, ClinicalNote, Permission } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound, StaleVersion } from '../common/errors';
import { problem } from '../common/problem';
import { ClinicalNoteEntity } from './clinical-note.entity';
import { ClinicalAddendumDto, CreateClinicalNoteDto, UpdateClinicalNoteDto } from './clinical-notes.dto';

/**
 * Clinical notes are the clinicians' record. Managers see that a note exists (author, type, date)
 * but never its body; the body is dropped here, before anything leaves the service.
 */
@Injectable()
export class ClinicalNotesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async list(actor: Actor, clientId: string): Promise<ClinicalNote[]> {
    await this.clients.findInScope(actor, clientId, 'clinicalNotes:read');
    const notes = await this.txHost.tx
      .getRepository(ClinicalNoteEntity)
      .find({ where: { clientId }, order: { createdAt: 'DESC' } });
    await this.audit.record({ action: 'clinical_note.list', entityType: 'clinical_note', clientId });
    return this.present(actor, notes);
  }

  async get(actor: Actor, id: string): Promise<ClinicalNote> {
    const note = await this.findInScope(actor, id, 'clinicalNotes:read');
    await this.audit.record({
      action: 'clinical_note.read',
      entityType: 'clinical_note',
      entityId: id,
      clientId: note.clientId,
    });
    return (await this.present(actor, [note]))[0];
  }

  async create(actor: Actor, clientId: string, dto: CreateClinicalNoteDto): Promise<ClinicalNote> {
    await this.clients.findInScope(actor, clientId, 'clinicalNotes:write');
    const repo = this.txHost.tx.getRepository(ClinicalNoteEntity);
    const note = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        authorId: actor.userId,
        noteType: dto.noteType,
        body: dto.body,
        signedAt: dto.sign ? new Date() : null,
      }),
    );
    await this.audit.record({
      action: 'clinical_note.create',
      entityType: 'clinical_note',
      entityId: note.id,
      clientId,
    });
    return (await this.present(actor, [await repo.findOneByOrFail({ id: note.id })]))[0];
  }

  async update(actor: Actor, id: string, dto: UpdateClinicalNoteDto): Promise<ClinicalNote> {
    const note = await this.ownDraft(actor, id, dto.version);
    if (dto.noteType) note.noteType = dto.noteType;
    if (dto.body) note.body = dto.body;
    const saved = await this.txHost.tx.getRepository(ClinicalNoteEntity).save(note);
    await this.audit.record({
      action: 'clinical_note.update',
      entityType: 'clinical_note',
      entityId: id,
      clientId: note.clientId,
    });
    return (await this.present(actor, [saved]))[0];
  }

  async sign(actor: Actor, id: string, version?: number): Promise<ClinicalNote> {
    const note = await this.ownDraft(actor, id, version);
    note.signedAt = new Date();
    const saved = await this.txHost.tx.getRepository(ClinicalNoteEntity).save(note);
    await this.audit.record({
      action: 'clinical_note.sign',
      entityType: 'clinical_note',
      entityId: id,
      clientId: note.clientId,
    });
    return (await this.present(actor, [saved]))[0];
  }

  async addAddendum(actor: Actor, id: string, dto: ClinicalAddendumDto): Promise<ClinicalNote> {
    const note = await this.findInScope(actor, id, 'clinicalNotes:write');
    if (!note.signedAt)
      throw new ConflictProblem('not-signed', 'This note is still a draft: edit it instead.');
    await this.txHost.tx.query(
      `INSERT INTO clinical_note_addenda (organization_id, note_id, author_id, text) VALUES ($1, $2, $3, $4)`,
      [actor.organizationId, id, actor.userId, dto.text],
    );
    await this.audit.record({
      action: 'clinical_note.addendum',
      entityType: 'clinical_note',
      entityId: id,
      clientId: note.clientId,
    });
    return (await this.present(actor, [note]))[0];
  }

  private async findInScope(
    actor: Actor,
    id: string,
    permission: Permission,
    lock = false,
  ): Promise<ClinicalNoteEntity> {
    const qb = this.txHost.tx
      .getRepository(ClinicalNoteEntity)
      .createQueryBuilder('n')
      .innerJoin(ClientEntity, 'c', 'c.id = n.clientId')
      .where('n.id = :id', { id });
    applyScope(qb, actor, permission, CLIENT_SCOPE, 'c');
    if (lock) qb.setLock('pessimistic_write', undefined, ['n']);
    const note = await qb.getOne();
    if (!note) throw new NotFound('clinical note');
    return note;
  }

  private async ownDraft(actor: Actor, id: string, version?: number): Promise<ClinicalNoteEntity> {
    const note = await this.findInScope(actor, id, 'clinicalNotes:write', true);
    if (note.authorId !== actor.userId)
      throw new ForbiddenException(problem(403, 'Only the author may edit or sign a note.'));
    if (note.signedAt)
      throw new ConflictProblem('signed', 'A signed note never changes; add an addendum instead.');
    if (version !== undefined && version !== note.version) throw new StaleVersion();
    return note;
  }

  private async present(actor: Actor, notes: ClinicalNoteEntity[]): Promise<ClinicalNote[]> {
    if (!notes.length) return [];
    const withBody = can(actor.role, 'clinicalNotes:readBody');
    const tx = this.txHost.tx;
    const names = new Map(
      (
        (await tx.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
          [...new Set(notes.map((n) => n.authorId))],
        ])) as {
          id: string;
          name: string;
        }[]
      ).map((u) => [u.id, u.name]),
    );
    const addenda = withBody
      ? ((await tx.query(
          `SELECT a.id, a.note_id, a.author_id, u.name, a.created_at, a.text FROM clinical_note_addenda a
             JOIN users u ON u.id = a.author_id WHERE a.note_id = ANY($1::uuid[]) ORDER BY a.created_at`,
          [notes.map((n) => n.id)],
        )) as {
          id: string;
          note_id: string;
          author_id: string;
          name: string;
          created_at: Date;
          text: string;
        }[])
      : [];
    return notes.map((n) => ({
      id: n.id,
      clientId: n.clientId,
      authorId: n.authorId,
      authorName: names.get(n.authorId) ?? '',
      noteType: n.noteType,
      body: withBody ? n.body : null,
      signedAt: n.signedAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
      addenda: addenda
        .filter((a) => a.note_id === n.id)
        .map((a) => ({
          id: a.id,
          authorId: a.author_id,
          authorName: a.name,
          createdAt: a.created_at.toISOString(),
          text: a.text,
        })),
      version: n.version,
    }));
  }
}
