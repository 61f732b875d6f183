import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DEFAULT_BILLING_PROFILE, OrganizationSettings } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { NotFound, StaleVersion } from '../common/errors';
import { Organization } from './organization.entity';
import { UpdateOrganizationDto } from './organizations.dto';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<OrganizationSettings> {
    return toSettings(await this.find(actor, false));
  }

  async update(actor: Actor, dto: UpdateOrganizationDto): Promise<OrganizationSettings> {
    const org = await this.find(actor, true);
    if (org.version !== dto.version) throw new StaleVersion();
    if (dto.name !== undefined) org.name = dto.name.trim();
    if (dto.timeZone !== undefined) org.timeZone = dto.timeZone;
    if (dto.billingProfile) org.billingProfile = { ...org.billingProfile, ...defined(dto.billingProfile) };
    const saved = await this.txHost.tx.getRepository(Organization).save(org);
    await this.audit.record({ action: 'organization.update', entityType: 'organization', entityId: org.id });
    return toSettings(saved);
  }

  private async find(actor: Actor, forUpdate: boolean): Promise<Organization> {
    const query = this.txHost.tx
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = :id', { id: actor.organizationId });
    const org = await (forUpdate ? query.setLock('pessimistic_write') : query).getOne();
    if (!org) throw new NotFound('organization');
    return org;
  }
}

/** The fields a partial update actually gives (validation DTOs carry the rest as undefined). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toSettings(o: Organization): OrganizationSettings {
  return {
    id: o.id,
    name: o.name,
    timeZone: o.timeZone,
    billingProfile: { ...DEFAULT_BILLING_PROFILE, ...o.billingProfile },
    version: o.version,
  };
}
