import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Consent, Disclosure } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { invalid } from '../common/invalid';
import { ResourcesService } from '../resources/resources.service';
import { ClinicClock } from '../organizations/clinic-clock';
import { ConsentEntity, DisclosureEntity } from './consent.entity';
import { CreateConsentDto } from './consents.dto';

export interface Recipient {
  resourceId: string | null;
  /** Every name the recipient goes by: the outside organization, or a resource's and its provider's. */
  names: string[];
}

/** In force: signed, not revoked, not past its expiry date (an expiry event ends it by revocation). */
export function inForce(c: ConsentEntity, on: string): boolean {
  return c.signedAt <= on && !c.revokedAt && (!c.expiresAt || c.expiresAt >= on);
}

@Injectable()
export class ConsentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly resources: ResourcesService,
    private readonly clock: ClinicClock,
  ) {}

  async list(actor: Actor, clientId: string): Promise<Consent[]> {
    await this.clients.findInScope(actor, clientId, 'consents:read');
    const rows = await this.txHost.tx
      .getRepository(ConsentEntity)
      .find({ where: { clientId }, order: { signedAt: 'DESC', createdAt: 'DESC' } });
    await this.audit.record({ action: 'consent.list', entityType: 'consent', clientId });
    return rows.map((c) => toConsent(c, this.clock.today()));
  }

  async create(actor: Actor, clientId: string, dto: CreateConsentDto): Promise<Consent> {
    const client = await this.clients.findInScope(actor, clientId, 'consents:write');
    const recipients = [dto.recipientResourceId, dto.recipientOrganization, dto.generalDesignation].filter(
      Boolean,
    );
    if (recipients.length !== 1) {
      throw invalid(
        'recipient',
        'name exactly one recipient: recipientResourceId, recipientOrganization or generalDesignation',
      );
    }
    if (!dto.expiresAt && !dto.expiryEvent)
      throw invalid('expiresAt', 'give an expiry date or an expiry event');
    if (dto.expiresAt && dto.expiresAt < dto.signedAt)
      throw invalid('expiresAt', 'expiresAt must not be before signedAt');
    if (dto.recipientResourceId) await this.resources.find(actor, dto.recipientResourceId);
    const repo = this.txHost.tx.getRepository(ConsentEntity);
    const saved = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId: client.id,
        disclosingParty: dto.disclosingParty?.trim() || (await this.clinicName()),
        recipientResourceId: dto.recipientResourceId ?? null,
        recipientOrganization: dto.recipientOrganization?.trim() ?? null,
        generalDesignation: dto.generalDesignation?.trim() ?? null,
        purpose: dto.purpose.trim(),
        information: dto.information.trim(),
        signedAt: dto.signedAt,
        expiresAt: dto.expiresAt ?? null,
        expiryEvent: dto.expiryEvent?.trim() ?? null,
        representativeName: dto.representativeName?.trim() || null,
        createdBy: actor.userId,
      }),
    );
    await this.audit.record({
      action: 'consent.create',
      entityType: 'consent',
      entityId: saved.id,
      clientId,
    });
    return toConsent(saved, this.clock.today());
  }

  async revoke(actor: Actor, id: string): Promise<Consent> {
    const qb = this.txHost.tx
      .getRepository(ConsentEntity)
      .createQueryBuilder('k')
      .innerJoin(ClientEntity, 'c', 'c.id = k.clientId')
      .where('k.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['k']);
    const consent = await applyScope(qb, actor, 'consents:write', CLIENT_SCOPE, 'c').getOne();
    if (!consent) throw new NotFound('consent');
    if (consent.revokedAt) throw new ConflictProblem('already-revoked', 'This consent is already revoked.');
    Object.assign(consent, { revokedAt: new Date(), revokedBy: actor.userId });
    const saved = await this.txHost.tx.getRepository(ConsentEntity).save(consent);
    await this.audit.record({
      action: 'consent.revoke',
      entityType: 'consent',
      entityId: id,
      clientId: consent.clientId,
    });
    return toConsent(saved, this.clock.today());
  }

  /** The newest consent in force that covers the recipient, or null. */
  async covering(clientId: string, recipient: Recipient): Promise<ConsentEntity | null> {
    const rows = await this.txHost.tx
      .getRepository(ConsentEntity)
      .find({ where: { clientId }, order: { signedAt: 'DESC', createdAt: 'DESC' } });
    const names = recipient.names.map(normal);
    const today = this.clock.today();
    return (
      rows.find(
        (c) =>
          inForce(c, today) &&
          ((recipient.resourceId && c.recipientResourceId === recipient.resourceId) ||
            (c.recipientOrganization && names.includes(normal(c.recipientOrganization))) ||
            (recipient.resourceId && c.generalDesignation)),
      ) ?? null
    );
  }

  /** Records what left the clinic, to whom, under which consent: the accounting of disclosures. */
  async recordDisclosure(
    actor: Actor,
    d: Omit<DisclosureEntity, 'id' | 'organizationId' | 'disclosedAt' | 'disclosedBy'>,
  ) {
    await this.txHost.tx.query(
      `INSERT INTO disclosures (organization_id, client_id, referral_id, consent_id, recipient, information, disclosed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (referral_id) DO NOTHING`,
      [actor.organizationId, d.clientId, d.referralId, d.consentId, d.recipient, d.information, actor.userId],
    );
    await this.audit.record({
      action: 'disclosure.create',
      entityType: 'referral',
      entityId: d.referralId,
      clientId: d.clientId,
    });
  }

  async disclosures(actor: Actor, clientId: string): Promise<Disclosure[]> {
    await this.clients.findInScope(actor, clientId, 'disclosures:read');
    const rows = await this.txHost.tx
      .getRepository(DisclosureEntity)
      .find({ where: { clientId }, order: { disclosedAt: 'DESC' } });
    await this.audit.record({ action: 'disclosure.list', entityType: 'disclosure', clientId });
    return rows.map((d) => ({
      id: d.id,
      clientId: d.clientId,
      referralId: d.referralId,
      consentId: d.consentId,
      recipient: d.recipient,
      disclosedAt: d.disclosedAt.toISOString(),
      information: d.information,
      disclosedBy: d.disclosedBy,
    }));
  }

  private async clinicName(): Promise<string> {
    const [row] = (await this.txHost.tx.query(
      `SELECT name FROM organizations WHERE id = app_current_org()`,
    )) as {
      name: string;
    }[];
    return row?.name ?? 'The clinic';
  }
}

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function toConsent(c: ConsentEntity, today: string): Consent {
  return {
    id: c.id,
    clientId: c.clientId,
    disclosingParty: c.disclosingParty,
    recipientResourceId: c.recipientResourceId,
    recipientOrganization: c.recipientOrganization,
    generalDesignation: c.generalDesignation,
    purpose: c.purpose,
    information: c.information,
    signedAt: c.signedAt,
    expiresAt: c.expiresAt,
    expiryEvent: c.expiryEvent,
    representativeName: c.representativeName,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    inForce: inForce(c, today),
    createdAt: c.createdAt.toISOString(),
  };
}
