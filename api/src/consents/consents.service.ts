import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  Consent,
  consentInForce,
  ConsentRecipient,
  coveringConsent,
  DEFAULT_CONSENT_ELEMENTS,
  DisclosureElement,
} from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { CLIENT_SCOPE } from '../clients/client-scope';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem, NotFound } from '../common/errors';
import { invalid } from '../common/invalid';
import { ResourceEntity } from '../resources/resource.entity';
import { ResourcesService } from '../resources/resources.service';
import { ClinicClock } from '../organizations/clinic-clock';
import { ConsentEntity } from './consent.entity';
import { CreateConsentDto, RevokeConsentDto } from './consents.dto';

/** The 409 every disclosure without a covering consent answers; the interceptor audits it as a refusal. */
export class ConsentRequired extends ConflictProblem {
  constructor() {
    super(
      'consent-required',
      'Sharing client information with this recipient needs a signed consent in force that names them (42 CFR 2.31(a)(4)).',
    );
  }
}

/** The recipient as the consent rule sees it: a directory resource, or an organization known by name. */
export function recipientOf(resource: ResourceEntity | null, name: string | null): ConsentRecipient {
  return resource
    ? {
        resourceId: resource.id,
        names: [resource.name, resource.organizationName].filter((n): n is string => !!n),
        treatingProvider: resource.treatingProvider,
      }
    : { resourceId: null, names: name?.trim() ? [name.trim()] : [], treatingProvider: false };
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
    const signedBy = dto.signedBy ?? (dto.representativeName?.trim() ? 'representative' : 'client');
    if (signedBy === 'representative' && !dto.representativeName?.trim())
      throw invalid('representativeName', 'name the representative who signed');
    if (signedBy === 'client' && dto.representativeName?.trim())
      throw invalid('representativeName', 'a representative is named only when a representative signed');
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
        elements: dto.elements ?? [...DEFAULT_CONSENT_ELEMENTS],
        signedBy,
        representativeName: dto.representativeName?.trim() || null,
        revocationStatementAcknowledged: dto.revocationStatementAcknowledged,
        recipientIsCoveredEntity: dto.recipientIsCoveredEntity ?? false,
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

  async revoke(actor: Actor, id: string, dto: RevokeConsentDto): Promise<Consent> {
    const qb = this.txHost.tx
      .getRepository(ConsentEntity)
      .createQueryBuilder('k')
      .innerJoin(ClientEntity, 'c', 'c.id = k.clientId')
      .where('k.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['k']);
    const consent = await applyScope(qb, actor, 'consents:write', CLIENT_SCOPE, 'c').getOne();
    if (!consent) throw new NotFound('consent');
    if (consent.revokedAt) throw new ConflictProblem('already-revoked', 'This consent is already revoked.');
    Object.assign(consent, {
      revokedAt: new Date(),
      revokedBy: actor.userId,
      revocationMethod: dto.method,
      revocationNote: dto.note?.trim() || null,
    });
    const saved = await this.txHost.tx.getRepository(ConsentEntity).save(consent);
    await this.audit.record({
      action: 'consent.revoke',
      entityType: 'consent',
      entityId: id,
      clientId: consent.clientId,
    });
    return toConsent(saved, this.clock.today());
  }

  /**
   * The newest consent in force today that covers the recipient (42 CFR 2.31(a)(4), one rule in
   * contracts) and permits every element to be sent, or null.
   */
  async covering(
    clientId: string,
    recipient: ConsentRecipient,
    elements: readonly DisclosureElement[] = [],
  ): Promise<ConsentEntity | null> {
    const rows = await this.txHost.tx.getRepository(ConsentEntity).find({ where: { clientId } });
    return coveringConsent(rows, recipient, this.clock.today(), elements);
  }

  /** The recipient a consent names, in words, for the packet and the accounting of disclosures. */
  async recipientWords(consent: ConsentEntity): Promise<string> {
    if (consent.recipientResourceId) {
      const resource = await this.txHost.tx
        .getRepository(ResourceEntity)
        .findOne({ where: { id: consent.recipientResourceId } });
      return (
        [resource?.name, resource?.organizationName].filter(Boolean).join(' — ') || 'A directory resource'
      );
    }
    return consent.recipientOrganization ?? consent.generalDesignation ?? '';
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
    elements: c.elements,
    signedBy: c.signedBy,
    representativeName: c.representativeName,
    revocationStatementAcknowledged: c.revocationStatementAcknowledged,
    recipientIsCoveredEntity: c.recipientIsCoveredEntity,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationMethod: c.revocationMethod,
    revocationNote: c.revocationNote,
    inForce: consentInForce(c, today),
    createdAt: c.createdAt.toISOString(),
  };
}
