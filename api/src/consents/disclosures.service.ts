import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Disclosure, DisclosureChannel, DisclosureElement } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { ResourcesService } from '../resources/resources.service';
import { ConsentRequired, ConsentsService, recipientOf } from './consents.service';
import { CreateDisclosureDto } from './consents.dto';

/** One disclosure as it is written: what left the clinic, to whom, how, why, under which consent. */
export interface DisclosureRecord {
  organizationId: string;
  clientId: string;
  referralId: string | null;
  consentId: string;
  recipient: string;
  recipientContact: string | null;
  purpose: string;
  channel: DisclosureChannel;
  /** The data elements actually sent, not what the consent would have allowed. */
  elements: readonly DisclosureElement[];
  /** The consent's scope as the recipient was told it (42 CFR 2.32(b)). */
  information: string;
  /** The staff member who sent it (for a recipient link: who made the link). */
  disclosedBy: string;
  /**
   * Written to the audit log in the same transaction through the request's actor (default). A
   * route without a signed-in actor (a recipient link) passes false and audits the event itself.
   */
  audit?: boolean;
}

/** The accounting of disclosures (42 CFR 2.24 / 45 CFR 164.528): every record is written by record(). */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly consents: ConsentsService,
    private readonly resources: ResourcesService,
  ) {}

  /**
   * Writes one disclosure and its audit event in the caller's transaction. A referral is disclosed
   * once when sent (a second attempt is ignored); a recipient link records every opening.
   */
  async record(d: DisclosureRecord): Promise<string | null> {
    const rows = (await this.txHost.tx.query(
      `INSERT INTO disclosures (organization_id, client_id, referral_id, consent_id, recipient, recipient_contact,
         purpose, channel, elements, information, disclosed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (referral_id) WHERE channel = 'referral' DO NOTHING
       RETURNING id`,
      [
        d.organizationId,
        d.clientId,
        d.referralId,
        d.consentId,
        d.recipient,
        d.recipientContact,
        d.purpose,
        d.channel,
        [...d.elements],
        d.information,
        d.disclosedBy,
      ],
    )) as { id: string }[];
    const id = rows[0]?.id ?? null;
    if (id && d.audit !== false) {
      await this.audit.record({
        action: 'disclosure.create',
        entityType: 'disclosure',
        entityId: id,
        clientId: d.clientId,
      });
    }
    return id;
  }

  /** A disclosure made outside a referral (phone, fax, paper), checked against consent like a referral. */
  async recordManual(actor: Actor, clientId: string, dto: CreateDisclosureDto): Promise<Disclosure> {
    const client = await this.clients.findInScope(actor, clientId, 'disclosures:write');
    const resource = dto.recipientResourceId
      ? await this.resources.find(actor, dto.recipientResourceId)
      : null;
    const recipient = recipientOf(resource, dto.recipient);
    const consent = await this.consents.covering(client.id, recipient, dto.elements);
    if (!consent) throw new ConsentRequired();
    const id = await this.record({
      organizationId: actor.organizationId,
      clientId: client.id,
      referralId: null,
      consentId: consent.id,
      recipient: dto.recipient.trim(),
      recipientContact: dto.recipientContact.trim(),
      purpose: dto.purpose.trim(),
      channel: dto.channel,
      elements: dto.elements,
      information: consent.information,
      disclosedBy: actor.userId,
    });
    const [created] = await this.read(clientId, id);
    return created;
  }

  async list(actor: Actor, clientId: string): Promise<Disclosure[]> {
    await this.clients.findInScope(actor, clientId, 'disclosures:read');
    const rows = await this.read(clientId);
    await this.audit.record({ action: 'disclosure.list', entityType: 'disclosure', clientId });
    return rows;
  }

  private async read(clientId: string, id: string | null = null): Promise<Disclosure[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT d.id, d.client_id, d.referral_id, d.consent_id, d.recipient, d.recipient_contact, d.purpose, d.channel,
              d.elements, d.disclosed_at, d.disclosed_by, u.name AS disclosed_by_name
         FROM disclosures d LEFT JOIN users u ON u.id = d.disclosed_by
        WHERE d.client_id = $1 AND ($2::uuid IS NULL OR d.id = $2)
        ORDER BY d.disclosed_at DESC, d.id`,
      [clientId, id],
    )) as {
      id: string;
      client_id: string;
      referral_id: string | null;
      consent_id: string;
      recipient: string;
      recipient_contact: string | null;
      purpose: string;
      channel: DisclosureChannel;
      elements: DisclosureElement[];
      disclosed_at: Date;
      disclosed_by: string;
      disclosed_by_name: string | null;
    }[];
    return rows.map((d) => ({
      id: d.id,
      clientId: d.client_id,
      referralId: d.referral_id,
      consentId: d.consent_id,
      recipient: d.recipient,
      recipientContact: d.recipient_contact,
      purpose: d.purpose,
      channel: d.channel,
      elements: d.elements,
      disclosedAt: d.disclosed_at.toISOString(),
      disclosedBy: d.disclosed_by,
      disclosedByName: d.disclosed_by_name,
    }));
  }
}
