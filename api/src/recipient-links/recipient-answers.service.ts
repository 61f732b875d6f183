import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Need, RecipientAnswerFeed, ReferralStatus, scopeOf } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/invalid';
import { ClinicClock } from '../organizations/clinic-clock';

const DAY = 86_400_000;
/** With nothing marked seen yet, the home looks back this far. */
const FIRST_LOOK_DAYS = 30;
const LIMIT = 50;

interface AnswerRow {
  referral_id: string;
  client_id: string;
  client_name: string;
  recipient: string;
  need: Need;
  status: ReferralStatus;
  note: string | null;
  at: Date;
}

/**
 * The other side of the recipient link: what recipients answered on the caller's caseload since
 * they last looked, for the peer's home, and the mark that they have looked.
 */
@Injectable()
export class RecipientAnswersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clock: ClinicClock,
  ) {}

  async feed(actor: Actor): Promise<RecipientAnswerFeed> {
    const tx = this.txHost.tx;
    const seenAt = await this.seenAt(actor);
    const since = seenAt ?? new Date(this.clock.now().getTime() - FIRST_LOOK_DAYS * DAY);
    // Only the caller's own caseload: never clients opened to them by an emergency grant.
    const caseload = scopeOf(actor.role, 'recipientAnswers:read') === 'caseload';
    const rows = caseload
      ? ((await tx.query(
          `SELECT r.id AS referral_id, c.id AS client_id,
                  coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name AS client_name,
                  coalesce(s.name, r.outside_organization, '') AS recipient,
                  r.need, e.status, e.note, e.at
             FROM referral_events e
             JOIN referrals r ON r.id = e.referral_id
             JOIN clients c ON c.id = r.client_id
             LEFT JOIN resources s ON s.id = r.resource_id
            WHERE e.actor_kind = 'recipient' AND c.primary_peer_id = $1 AND e.at > $2
            ORDER BY e.at DESC, e.id DESC
            LIMIT ${LIMIT}`,
          [actor.userId, since],
        )) as AnswerRow[])
      : [];
    await this.audit.record({ action: 'recipient_answer.list', entityType: 'referral' });
    return {
      seenAt: seenAt?.toISOString() ?? null,
      items: rows.map((row) => ({
        referralId: row.referral_id,
        clientId: row.client_id,
        clientName: row.client_name,
        recipient: row.recipient,
        need: row.need,
        status: row.status,
        note: row.note,
        at: row.at.toISOString(),
      })),
    };
  }

  /** Seen through the newest answer shown; never moves back, never past now. */
  async markSeen(actor: Actor, through: string): Promise<void> {
    const at = new Date(through);
    if (Number.isNaN(at.getTime())) throw invalid('through', 'must be an ISO instant');
    const now = this.clock.now();
    await this.txHost.tx.query(
      `INSERT INTO recipient_answers_seen (user_id, organization_id, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET seen_at = GREATEST(recipient_answers_seen.seen_at, EXCLUDED.seen_at)`,
      [actor.userId, actor.organizationId, at > now ? now : at],
    );
    await this.audit.record({ action: 'recipient_answer.seen', entityType: 'user', entityId: actor.userId });
  }

  private async seenAt(actor: Actor): Promise<Date | null> {
    const [row] = (await this.txHost.tx.query(
      `SELECT seen_at FROM recipient_answers_seen WHERE user_id = $1`,
      [actor.userId],
    )) as { seen_at: Date }[];
    return row?.seen_at ?? null;
  }
}
