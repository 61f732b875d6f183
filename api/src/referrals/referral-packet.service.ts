import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  DisclosureElement,
  PART2_NOTICE_STATEMENT_1,
  ReferralPacket,
  REVOCATION_STATEMENT,
} from '@peerpath/contracts';
import { ClientEntity } from '../clients/client.entity';
import { ConsentEntity } from '../consents/consent.entity';
import { ConsentsService } from '../consents/consents.service';
import { ResourceEntity } from '../resources/resource.entity';
import { ReferralEntity } from './referral.entity';

/**
 * What a recipient receives with a referral, built in one place: the printable summary, the
 * disclosure recorded on sending, and a recipient's own view all show exactly this.
 * 42 CFR 2.13(a): only the elements the consent permits; 2.32(a)(1): Statement 1; 2.32(b): the
 * consent's scope. Callers check access first: this reads by id under row-level security only.
 */
@Injectable()
export class ReferralPacketService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly consents: ConsentsService,
  ) {}

  /** The packet of a stored referral, with the consent it was shared under (null when nothing is shared). */
  async forReferral(
    referral: ReferralEntity,
  ): Promise<{ packet: ReferralPacket; consent: ConsentEntity | null }> {
    const tx = this.txHost.tx;
    const consent = referral.consentId
      ? await tx.getRepository(ConsentEntity).findOne({ where: { id: referral.consentId } })
      : null;
    const resource = referral.resourceId
      ? await tx.getRepository(ResourceEntity).findOne({ where: { id: referral.resourceId } })
      : null;
    return { packet: await this.compose(referral, consent, resource), consent };
  }

  /** Builds the packet; the elements it lists are exactly those it carries. */
  async compose(
    referral: ReferralEntity,
    consent: ConsentEntity | null,
    resource: ResourceEntity | null,
  ): Promise<ReferralPacket> {
    const tx = this.txHost.tx;
    const [org] = (await tx.query(`SELECT name FROM organizations WHERE id = $1`, [
      referral.organizationId,
    ])) as {
      name: string;
    }[];
    const recipient = resource
      ? [resource.name, resource.organizationName].filter(Boolean).join(' — ')
      : (referral.outsideOrganization ?? '');
    const base = {
      referralId: referral.id,
      organization: { name: org?.name ?? '' },
      recipient,
      need: referral.need,
    };
    if (!referral.shareInformation || !consent) {
      return {
        ...base,
        client: null,
        urgency: referral.urgency,
        note: null,
        consent: null,
        elements: [],
        notice: null,
      };
    }
    const client = await tx.getRepository(ClientEntity).findOneOrFail({ where: { id: referral.clientId } });
    const allowed = new Set<DisclosureElement>(consent.elements);
    const sent: DisclosureElement[] = [];
    const take = <T>(element: DisclosureElement, value: T | null | undefined): T | undefined => {
      if (!allowed.has(element) || value === null || value === undefined || value === '') return undefined;
      sent.push(element);
      return value;
    };
    const packetClient: NonNullable<ReferralPacket['client']> = {};
    const name = take('name', `${client.firstName} ${client.lastName}`);
    if (name) packetClient.name = name;
    const dateOfBirth = take('dateOfBirth', client.dateOfBirth);
    if (dateOfBirth) packetClient.dateOfBirth = dateOfBirth;
    const phone = take('phone', client.phone);
    if (phone) packetClient.phone = phone;
    const email = take('email', client.email);
    if (email) packetClient.email = email;
    sent.push('need');
    const urgency = take('urgency', referral.urgency) ?? null;
    const note = take('note', referral.note) ?? null;
    return {
      ...base,
      client: packetClient,
      urgency,
      note,
      consent: {
        id: consent.id,
        disclosingParty: consent.disclosingParty,
        recipient: await this.consents.recipientWords(consent),
        purpose: consent.purpose,
        information: consent.information,
        elements: consent.elements,
        signedAt: consent.signedAt,
        signedBy: consent.signedBy,
        representativeName: consent.representativeName,
        expiresAt: consent.expiresAt,
        expiryEvent: consent.expiryEvent,
        recipientIsCoveredEntity: consent.recipientIsCoveredEntity,
        revocation: REVOCATION_STATEMENT,
      },
      elements: sent,
      notice: PART2_NOTICE_STATEMENT_1,
    };
  }
}
