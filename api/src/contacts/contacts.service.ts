import { ForbiddenException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  Addendum,
  BillingProfile,
  contactVerdict,
  Contact,
  ContactReview,
  defaultBillable,
  noteRequired,
  Page,
  Permission,
  unitsForMinutes,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, PageQuery, toPage } from '../common/pagination';
import { problem } from '../common/problem';
import { ContactAddendumEntity, ContactEntity } from './contact.entity';
import { AddendumDto, CreateContactDto, UpdateContactDto } from './contacts.dto';

@Injectable()
export class ContactsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async list(actor: Actor, clientId: string, query: PageQuery): Promise<Page<Contact>> {
    await this.clients.findInScope(actor, clientId, 'contacts:read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.txHost.tx
      .getRepository(ContactEntity)
      .createQueryBuilder('k')
      .where('k.clientId = :clientId', { clientId })
      .orderBy('k.occurredAt', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .take(limit + 1);
    if (after) qb.andWhere('(k.occurredAt, k.id) < (:at, :id)', after);
    const rows = await qb.getMany();
    await this.audit.record({ action: 'contact.list', entityType: 'contact', clientId });
    const page = toPage(
      rows,
      limit,
      (k) => ({ at: k.occurredAt.toISOString(), id: k.id }),
      (k) => k,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Contact> {
    const contact = await this.findInScope(actor, id, 'contacts:read');
    await this.audit.record({
      action: 'contact.read',
      entityType: 'contact',
      entityId: id,
      clientId: contact.clientId,
    });
    return (await this.present([contact]))[0];
  }

  async create(actor: Actor, clientId: string, dto: CreateContactDto): Promise<Contact> {
    const client = await this.clients.findInScope(actor, clientId, 'contacts:write');
    if (client.status !== 'active')
      throw new ConflictProblem('client-discharged', 'The client is discharged; readmit them first.');
    const repo = this.txHost.tx.getRepository(ContactEntity);
    const billable =
      dto.billable ?? defaultBillable(dto.modality, dto.contactType, actor.clinic.billingProfile);
    if (dto.sign) assertNote({ ...dto, billable, note: dto.note ?? '' }, actor.clinic.billingProfile);
    const contact = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        authorId: actor.userId,
        occurredAt: new Date(dto.occurredAt),
        durationMinutes: dto.durationMinutes,
        modality: dto.modality,
        contactType: dto.contactType,
        successful: dto.successful,
        billable,
        location: dto.location?.trim() || null,
        topics: dto.topics ?? [],
        note: dto.note ?? '',
        billingUnits: contactUnits({ ...dto, billable }, actor.clinic.billingProfile),
        signedAt: dto.sign ? new Date() : null,
      }),
    );
    await this.audit.record({
      action: 'contact.create',
      entityType: 'contact',
      entityId: contact.id,
      clientId,
    });
    if (dto.sign)
      await this.audit.record({
        action: 'contact.sign',
        entityType: 'contact',
        entityId: contact.id,
        clientId,
      });
    return (await this.present([contact]))[0];
  }

  async update(actor: Actor, id: string, dto: UpdateContactDto): Promise<Contact> {
    const contact = await this.editableDraft(actor, id, dto.version);
    const { version: _version, ...changes } = dto;
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(contact, { [field]: value });
    }
    if (changes.occurredAt) contact.occurredAt = new Date(changes.occurredAt);
    contact.billingUnits = contactUnits(contact, actor.clinic.billingProfile);
    const saved = await this.txHost.tx.getRepository(ContactEntity).save(contact);
    await this.audit.record({
      action: 'contact.update',
      entityType: 'contact',
      entityId: id,
      clientId: contact.clientId,
    });
    return (await this.present([saved]))[0];
  }

  async sign(actor: Actor, id: string, version?: number): Promise<Contact> {
    const contact = await this.editableDraft(actor, id, version);
    assertNote(contact, actor.clinic.billingProfile);
    contact.signedAt = new Date();
    const saved = await this.txHost.tx.getRepository(ContactEntity).save(contact);
    await this.audit.record({
      action: 'contact.sign',
      entityType: 'contact',
      entityId: id,
      clientId: contact.clientId,
    });
    return (await this.present([saved]))[0];
  }

  /** Corrections to a signed contact are appended, never written over it. */
  async addAddendum(actor: Actor, id: string, dto: AddendumDto): Promise<Contact> {
    const contact = await this.findInScope(actor, id, 'contacts:write');
    if (!contact.signedAt) {
      throw new ConflictProblem(
        'not-signed',
        'This contact is still a draft: edit it instead of adding an addendum.',
      );
    }
    await this.txHost.tx.getRepository(ContactAddendumEntity).insert({
      organizationId: actor.organizationId,
      contactId: id,
      authorId: actor.userId,
      text: dto.text,
    });
    await this.audit.record({
      action: 'contact.addendum',
      entityType: 'contact',
      entityId: id,
      clientId: contact.clientId,
    });
    return (await this.present([contact]))[0];
  }

  /** A contact whose client the caller reaches for `permission`, or 404. */
  async findInScope(actor: Actor, id: string, permission: Permission, lock = false): Promise<ContactEntity> {
    const qb = this.txHost.tx
      .getRepository(ContactEntity)
      .createQueryBuilder('k')
      .innerJoin(ClientEntity, 'c', 'c.id = k.clientId')
      .where('k.id = :id', { id });
    applyScope(qb, actor, permission, CLIENT_SCOPE, 'c');
    if (lock) qb.setLock('pessimistic_write', undefined, ['k']);
    const contact = await qb.getOne();
    if (!contact) throw new NotFound('contact');
    return contact;
  }

  private async editableDraft(actor: Actor, id: string, version?: number): Promise<ContactEntity> {
    const contact = await this.findInScope(actor, id, 'contacts:write', true);
    if (contact.authorId !== actor.userId) {
      throw new ForbiddenException(problem(403, 'Only the author may edit or sign a contact.'));
    }
    if (contact.signedAt) {
      throw new ConflictProblem('signed', 'A signed contact never changes; add an addendum instead.');
    }
    if (version !== undefined && contact.version !== version) throw new StaleVersion();
    return contact;
  }

  /** Contacts as the contract shows them: with author names, addenda and review, in one query. */
  async present(contacts: ContactEntity[]): Promise<Contact[]> {
    if (!contacts.length) return [];
    const rows = (await this.txHost.tx.query(CONTACT_EXTRAS, [
      contacts.map((c) => c.id),
      contacts.map((c) => c.authorId),
    ])) as ContactExtras[];
    const extras = new Map(rows.map((r) => [r.id, r]));
    return contacts.map((k) => ({
      id: k.id,
      clientId: k.clientId,
      authorId: k.authorId,
      authorName: extras.get(k.id)?.author_name ?? '',
      occurredAt: k.occurredAt.toISOString(),
      durationMinutes: k.durationMinutes,
      modality: k.modality,
      contactType: k.contactType,
      successful: k.successful,
      billable: k.billable,
      location: k.location,
      topics: k.topics,
      note: k.note,
      billingUnits: k.billingUnits,
      signedAt: k.signedAt?.toISOString() ?? null,
      addenda: (extras.get(k.id)?.addenda ?? []).map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
      review: presentReview(extras.get(k.id)?.review ?? null),
      version: k.version,
      createdAt: k.createdAt.toISOString(),
    }));
  }
}

/** Each contact's author name, addenda (oldest first) and review, by contact id and author id. */
const CONTACT_EXTRAS = `
  SELECT x.id,
         (SELECT u.name FROM users u WHERE u.id = x.author_id) AS author_name,
         (SELECT coalesce(json_agg(json_build_object('id', a.id, 'authorId', a.author_id, 'authorName', u.name,
                                                     'createdAt', a.created_at, 'text', a.text) ORDER BY a.created_at), '[]')
            FROM contact_addenda a JOIN users u ON u.id = a.author_id WHERE a.contact_id = x.id) AS addenda,
         (SELECT json_build_object('contactId', r.contact_id, 'reviewerId', r.reviewer_id, 'reviewerName', u.name,
                                   'comment', r.comment, 'reviewedAt', r.reviewed_at)
            FROM contact_reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.contact_id = x.id) AS review
    FROM unnest($1::uuid[], $2::uuid[]) AS x(id, author_id)`;

interface ContactExtras {
  id: string;
  author_name: string | null;
  addenda: Addendum[];
  review: ContactReview | null;
}

/** JSON from PostgreSQL writes times with an offset; the contract's are ISO 8601 in UTC. */
const iso = (at: string) => new Date(at).toISOString();

function presentReview(review: ContactReview | null): ContactReview | null {
  return review && { ...review, reviewedAt: iso(review.reviewedAt) };
}

/** Payers pay only for documented services: a contact that bills is signed with its note. */
function assertNote(contact: Parameters<typeof noteRequired>[0], profile: BillingProfile): void {
  if (noteRequired(contact, profile))
    throw new ConflictProblem(
      'note-required',
      'A contact that bills needs a note before it is signed: write what you did together.',
    );
}

/** The contact's own units (its minutes alone); claim lines add up a day's minutes first. */
function contactUnits(
  contact: Parameters<typeof contactVerdict>[0] & { durationMinutes: number },
  profile: BillingProfile,
): number {
  return contactVerdict(contact, profile).bills ? unitsForMinutes(contact.durationMinutes) : 0;
}
