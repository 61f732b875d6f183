import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ContactReview, ReviewCoverage, ReviewQueueItem } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ConflictProblem } from '../common/errors';
import { ContactsService } from '../contacts/contacts.service';

/** Contacts of the manager's programs: signed, by peers, within the last `days`. */
const IN_PROGRAMS = `k.signed_at IS NOT NULL AND c.program_id = ANY($1::uuid[]) AND u.role = 'peer'
  AND k.occurred_at >= now() - make_interval(days => $2)`;

/**
 * Supervisors review signed documentation: a deterministic one-in-five sample of each peer's recent
 * contacts, plus every contact over 120 minutes or logged as happening after 10 pm (clinic time).
 */
@Injectable()
export class DocumentationReviewService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly contacts: ContactsService,
  ) {}

  async queue(actor: Actor, peerId?: string): Promise<ReviewQueueItem[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT k.id, k.client_id, coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name AS client_name,
              k.author_id, u.name AS author_name, k.occurred_at, k.duration_minutes, k.contact_type,
              abs(hashtext(k.id::text)) % 5 = 0 AS sampled,
              k.duration_minutes > 120 AS long,
              extract(hour FROM k.occurred_at AT TIME ZONE $3) >= 22 AS late
         FROM contacts k JOIN clients c ON c.id = k.client_id JOIN users u ON u.id = k.author_id
        WHERE ${IN_PROGRAMS}
          AND NOT EXISTS (SELECT 1 FROM contact_reviews r WHERE r.contact_id = k.id)
          AND ($4::uuid IS NULL OR k.author_id = $4)
          AND (abs(hashtext(k.id::text)) % 5 = 0 OR k.duration_minutes > 120
               OR extract(hour FROM k.occurred_at AT TIME ZONE $3) >= 22)
        ORDER BY k.occurred_at DESC LIMIT 200`,
      [actor.programIds, 30, actor.clinic.timeZone, peerId ?? null],
    )) as {
      id: string;
      client_id: string;
      client_name: string;
      author_id: string;
      author_name: string;
      occurred_at: Date;
      duration_minutes: number;
      contact_type: string;
      sampled: boolean;
      long: boolean;
      late: boolean;
    }[];
    await this.audit.recordShown(
      { action: 'documentation_review.queue', entityType: 'contact' },
      rows.map((r) => r.client_id),
    );
    return rows.map((r) => ({
      contactId: r.id,
      clientId: r.client_id,
      clientName: r.client_name,
      authorId: r.author_id,
      authorName: r.author_name,
      occurredAt: r.occurred_at.toISOString(),
      durationMinutes: r.duration_minutes,
      contactType: r.contact_type,
      reasons: [
        ...(r.sampled ? (['sample'] as const) : []),
        ...(r.long ? (['over_120_minutes'] as const) : []),
        ...(r.late ? (['after_10pm'] as const) : []),
      ],
    }));
  }

  async review(actor: Actor, contactId: string, comment: string | undefined): Promise<ContactReview> {
    const contact = await this.contacts.findInScope(actor, contactId, 'contacts:read');
    if (!contact.signedAt) throw new ConflictProblem('not-signed', 'Only signed contacts are reviewed.');
    const inserted = (await this.txHost.tx.query(
      `INSERT INTO contact_reviews (organization_id, contact_id, reviewer_id, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contact_id) DO NOTHING RETURNING reviewed_at`,
      [actor.organizationId, contactId, actor.userId, comment?.trim() || null],
    )) as { reviewed_at: Date }[];
    if (!inserted.length) throw new ConflictProblem('already-reviewed', 'This contact was already reviewed.');
    await this.audit.record({
      action: 'contact.review',
      entityType: 'contact',
      entityId: contactId,
      clientId: contact.clientId,
    });
    const [me] = (await this.txHost.tx.query(`SELECT name FROM users WHERE id = $1`, [actor.userId])) as {
      name: string;
    }[];
    return {
      contactId,
      reviewerId: actor.userId,
      reviewerName: me.name,
      comment: comment?.trim() || null,
      reviewedAt: inserted[0].reviewed_at.toISOString(),
    };
  }

  async coverage(actor: Actor): Promise<ReviewCoverage[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT u.id, u.name, count(k.id)::int AS signed,
              count(r.contact_id)::int AS reviewed
         FROM users u
         JOIN program_memberships m ON m.user_id = u.id AND m.program_id = ANY($1::uuid[])
         LEFT JOIN contacts k ON k.author_id = u.id AND k.signed_at IS NOT NULL
                             AND k.occurred_at >= now() - make_interval(days => $2)
         LEFT JOIN contact_reviews r ON r.contact_id = k.id
        WHERE u.role = 'peer'
        GROUP BY u.id, u.name ORDER BY u.name`,
      [actor.programIds, 30],
    )) as { id: string; name: string; signed: number; reviewed: number }[];
    return rows.map((r) => ({
      peerId: r.id,
      peerName: r.name,
      signedContacts: r.signed,
      reviewed: r.reviewed,
      coverage: r.signed ? Math.round((r.reviewed / r.signed) * 1000) / 1000 : 0,
    }));
  }
}
