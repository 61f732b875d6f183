import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Page, TimelineEntry } from '@peerpath/contracts';
import { In } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_LIMIT, PageQuery, toPage } from '../common/pagination';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsService } from '../contacts/contacts.service';
import { ClientsService } from './clients.service';

interface TimelineRow {
  kind: TimelineEntry['kind'];
  id: string;
  at: Date;
  title: string;
  detail: string | null;
}

/**
 * One newest-first, keyset-paginated history of a client: contacts, status changes, caseload moves,
 * referral moves, group attendance, community meetings, goals and BARC-10s.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
  ) {}

  async timeline(actor: Actor, clientId: string, query: PageQuery): Promise<Page<TimelineEntry>> {
    await this.clients.findInScope(actor, clientId, 'contacts:read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const rows = (await this.txHost.tx.query(
      `SELECT * FROM (
         SELECT 'contact' AS kind, id, occurred_at AS at, contact_type AS title, NULL AS detail
           FROM contacts WHERE client_id = $1
         UNION ALL
         SELECT 'status', e.id, e.at, e.status, e.reason FROM client_status_events e WHERE e.client_id = $1
         UNION ALL
         SELECT 'assignment', a.id, a.started_at, 'assigned', u.name
           FROM client_assignments a JOIN users u ON u.id = a.peer_id WHERE a.client_id = $1
         UNION ALL
         SELECT 'referral', e.id, e.at, 'Referral ' || replace(e.status, '_', ' '),
                coalesce(res.name, r.outside_organization) || ' — ' || replace(r.need, '_', ' ')
           FROM referral_events e JOIN referrals r ON r.id = e.referral_id LEFT JOIN resources res ON res.id = r.resource_id
          WHERE r.client_id = $1
         UNION ALL
         SELECT 'attendance', s.id, (s.date + s.start_time) AT TIME ZONE $5::text, 'Group session: ' || t.status, g.name
           FROM attendance t JOIN group_sessions s ON s.id = t.session_id JOIN groups g ON g.id = s.group_id
          WHERE t.client_id = $1
         UNION ALL
         SELECT 'meeting', m.id, m.date::timestamp AT TIME ZONE $5::text, 'Community meeting (' || upper(m.meeting_type) || ')', m.name_or_place
           FROM community_meetings m WHERE m.client_id = $1
         UNION ALL
         SELECT 'goal', g.id, g.created_at, 'Goal set', g.description FROM goals g WHERE g.client_id = $1
         UNION ALL
         SELECT 'goal_achieved', g.id, g.achieved_at, 'Goal achieved', g.description
           FROM goals g WHERE g.client_id = $1 AND g.achieved_at IS NOT NULL
         UNION ALL
         SELECT 'assessment', a.id, a.taken_at, 'BARC-10 recovery capital', a.total || ' of 60' FROM assessments a WHERE a.client_id = $1
       ) t
       WHERE ($2::timestamptz IS NULL OR (t.at, t.id) < ($2::timestamptz, $3::uuid))
       ORDER BY t.at DESC, t.id DESC
       LIMIT $4`,
      [clientId, after?.at ?? null, after?.id ?? null, limit + 1, actor.clinic.timeZone],
    )) as TimelineRow[];
    const page = toPage(
      rows,
      limit,
      (r) => ({ at: r.at.toISOString(), id: r.id }),
      (r) => r,
    );
    const contactIds = page.items.filter((r) => r.kind === 'contact').map((r) => r.id);
    const contacts = new Map(
      (
        await this.contacts.present(
          contactIds.length
            ? await this.txHost.tx.getRepository(ContactEntity).findBy({ id: In(contactIds) })
            : [],
        )
      ).map((c) => [c.id, c]),
    );
    await this.audit.record({ action: 'timeline.read', entityType: 'client', entityId: clientId, clientId });
    return {
      items: page.items.map((r) => ({
        kind: r.kind,
        id: r.id,
        at: r.at.toISOString(),
        title: r.title,
        detail: r.detail,
        ...(r.kind === 'contact' ? { contact: contacts.get(r.id) } : {}),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
