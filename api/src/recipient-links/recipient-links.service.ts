import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { createHash, randomBytes } from 'node:crypto';
import {
  consentInForce,
  FINAL_REFERRAL_STATUSES,
  localDate,
  RECIPIENT_LINK_DAYS,
  recipientAnswersFrom,
  RecipientLinkCreated,
  RecipientLinkStatus,
  RecipientView,
  ReferralEvent,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService, RECIPIENT_ORG_KEY } from '../audit/audit.service';
import { ConflictProblem } from '../common/errors';
import { problem } from '../common/problem';
import { ConsentEntity } from '../consents/consent.entity';
import { DisclosuresService } from '../consents/disclosures.service';
import { pinOrganization } from '../database/organization';
import { ClinicClock } from '../organizations/clinic-clock';
import { ReferralEntity } from '../referrals/referral.entity';
import { ReferralPacketService } from '../referrals/referral-packet.service';
import { ReferralsService } from '../referrals/referrals.service';
import { RecipientLinkLimits } from './recipient-link-limits';
import { RecipientAnswerDto } from './recipient-links.dto';

const DAY = 86_400_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const LINKABLE = ['sent', 'waitlisted', 'accepted'];

/** Every unknown token looks the same, and every dead link too: neither says why. */
const unknownLink = () => new NotFoundException(problem(404, 'This link does not work.'));
const goneLink = () => new GoneException(problem(410, 'This link no longer works.'));

export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface LinkRow {
  id: string;
  organization_id: string;
  referral_id: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

/**
 * The recipient of a shared referral answers it through a link (PRODUCT.md §5). Opening the link
 * shows them the referral packet — a disclosure under the client's consent, recorded each time —
 * and their answer moves the referral by the same state machine as staff moves.
 */
@Injectable()
export class RecipientLinksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsService,
    private readonly packets: ReferralPacketService,
    private readonly disclosures: DisclosuresService,
    private readonly clock: ClinicClock,
    private readonly limits: RecipientLinkLimits,
  ) {}

  /** A new link (any earlier one stops working); its token is returned once and kept only hashed. */
  async create(actor: Actor, referralId: string, origin: string): Promise<RecipientLinkCreated> {
    const referral = await this.referrals.findInScope(actor, referralId, 'referrals:write', true);
    if (!referral.shareInformation || !referral.consentId || !LINKABLE.includes(referral.status)) {
      throw new ConflictProblem(
        'referral-not-shared',
        'A recipient link is only for a sent referral that shares information under a consent.',
      );
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + RECIPIENT_LINK_DAYS * DAY);
    await this.revokeActive(actor, referralId);
    await this.txHost.tx.query(
      `INSERT INTO recipient_links (organization_id, referral_id, token_sha256, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.organizationId, referralId, tokenSha256(token), actor.userId, this.clock.now(), expiresAt],
    );
    await this.audit.record({
      action: 'recipient_link.create',
      entityType: 'referral',
      entityId: referralId,
      clientId: referral.clientId,
    });
    return { url: `${origin}/r/${token}`, expiresAt: expiresAt.toISOString() };
  }

  async revoke(actor: Actor, referralId: string): Promise<void> {
    const referral = await this.referrals.findInScope(actor, referralId, 'referrals:write', true);
    await this.revokeActive(actor, referralId);
    await this.audit.record({
      action: 'recipient_link.revoke',
      entityType: 'referral',
      entityId: referralId,
      clientId: referral.clientId,
    });
  }

  /** The latest link's state and openings, and the recipient's answers, for the peer's referral page. */
  async status(actor: Actor, referralId: string): Promise<RecipientLinkStatus> {
    const referral = await this.referrals.findInScope(actor, referralId, 'referrals:read');
    const tx = this.txHost.tx;
    const [link] = (await tx.query(
      `SELECT l.*, u.name AS created_by_name FROM recipient_links l JOIN users u ON u.id = l.created_by
        WHERE l.referral_id = $1 ORDER BY l.created_at DESC LIMIT 1`,
      [referralId],
    )) as (LinkRow & { created_by_name: string })[];
    const views = link
      ? ((await tx.query(`SELECT at FROM recipient_link_views WHERE link_id = $1 ORDER BY at`, [
          link.id,
        ])) as {
          at: Date;
        }[])
      : [];
    const answers = (await tx.query(
      `SELECT status, at, note FROM referral_events WHERE referral_id = $1 AND actor_kind = 'recipient' ORDER BY at, id`,
      [referralId],
    )) as { status: ReferralEvent['status']; at: Date; note: string | null }[];
    await this.audit.record({
      action: 'recipient_link.read',
      entityType: 'referral',
      entityId: referralId,
      clientId: referral.clientId,
    });
    const now = this.clock.now();
    return {
      link: link
        ? {
            createdAt: link.created_at.toISOString(),
            createdByName: link.created_by_name,
            expiresAt: link.expires_at.toISOString(),
            revokedAt: link.revoked_at?.toISOString() ?? null,
            state: link.revoked_at ? 'revoked' : link.expires_at <= now ? 'expired' : 'active',
            views: views.map((v) => v.at.toISOString()),
          }
        : null,
      answers: answers.map((a) => ({
        status: a.status,
        actorKind: 'recipient',
        actorId: null,
        actorName: 'Recipient',
        at: a.at.toISOString(),
        note: a.note,
      })),
    };
  }

  /** Opening the link: one disclosure (channel recipient_link), its audit event, and one view kept. */
  async open(token: string, ip: string): Promise<RecipientView> {
    return this.public(token, ip, async (link, referral) => {
      const { packet } = await this.packets.forReferral(referral);
      const disclosureId = await this.disclosures.record({
        organizationId: link.organization_id,
        clientId: referral.clientId,
        referralId: referral.id,
        consentId: referral.consentId as string,
        recipient: packet.recipient,
        recipientContact: null,
        purpose: packet.consent?.purpose ?? '',
        channel: 'recipient_link',
        elements: packet.elements,
        information: packet.consent?.information ?? '',
        disclosedBy: link.created_by,
      });
      await this.txHost.tx.query(
        `INSERT INTO recipient_link_views (organization_id, link_id, referral_id, disclosure_id, at)
         VALUES ($1, $2, $3, $4, $5)`,
        [link.organization_id, link.id, referral.id, disclosureId, this.clock.now()],
      );
      return {
        packet,
        status: referral.status,
        expectedOn: referral.expectedOn,
        expiresAt: link.expires_at.toISOString(),
        answers: recipientAnswersFrom(referral.status),
      };
    });
  }

  /** The recipient's answer moves the referral by the one state machine; an illegal move is 409. */
  async answer(token: string, ip: string, dto: RecipientAnswerDto): Promise<{ status: string }> {
    return this.public(token, ip, async (_link, referral) => {
      await this.referrals.applyMove(
        referral,
        { status: dto.status, note: dto.note ?? null, reason: dto.reason, expectedOn: dto.expectedOn },
        { kind: 'recipient' },
      );
      await this.audit.record({
        action: `referral.${dto.status}`,
        entityType: 'referral',
        entityId: referral.id,
        clientId: referral.clientId,
      });
      return { status: referral.status };
    });
  }

  /**
   * A public request: counted against the limits, then in one transaction pinned to the link's
   * organization (found by the token's hash alone), refused alike for any dead link.
   */
  private async public<T>(
    token: string,
    ip: string,
    work: (link: LinkRow, referral: ReferralEntity) => Promise<T>,
  ): Promise<T> {
    const hash = tokenSha256(token);
    await this.limits.consume(hash, ip);
    if (!TOKEN.test(token)) throw unknownLink();
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const [found] = (await tx.query(`SELECT link_id, organization_id FROM find_recipient_link($1)`, [
        hash,
      ])) as {
        link_id: string;
        organization_id: string;
      }[];
      if (!found) throw unknownLink();
      await pinOrganization(tx, found.organization_id);
      this.cls.set(RECIPIENT_ORG_KEY, found.organization_id);
      const [link] = (await tx.query(`SELECT * FROM recipient_links WHERE id = $1`, [
        found.link_id,
      ])) as LinkRow[];
      const referral = await tx
        .getRepository(ReferralEntity)
        .findOne({ where: { id: link.referral_id }, lock: { mode: 'pessimistic_write' } });
      const consent = referral?.consentId
        ? await tx.getRepository(ConsentEntity).findOne({ where: { id: referral.consentId } })
        : null;
      const [{ time_zone }] = (await tx.query(`SELECT time_zone FROM organizations WHERE id = $1`, [
        found.organization_id,
      ])) as { time_zone: string }[];
      const now = this.clock.now();
      const today = localDate(now, time_zone);
      if (
        !referral ||
        !consent ||
        link.revoked_at ||
        link.expires_at <= now ||
        !referral.shareInformation ||
        referral.status === 'draft' ||
        FINAL_REFERRAL_STATUSES.includes(referral.status) ||
        !consentInForce(consent, today)
      ) {
        throw goneLink();
      }
      return work(link, referral);
    });
  }

  private async revokeActive(actor: Actor, referralId: string): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE recipient_links SET revoked_at = $2, revoked_by = $3
        WHERE referral_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [referralId, this.clock.now(), actor.userId],
    );
  }
}
