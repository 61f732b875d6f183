import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Page, Resource } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { applyScope, ScopePolicy } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import { NotFound, StaleVersion } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, toPage } from '../common/pagination';
import { ResourceEntity } from './resource.entity';
import { CreateResourceDto, ResourceQuery, UpdateResourceDto } from './resources.dto';

/** The directory belongs to the whole organization. */
const DIRECTORY_SCOPE: ScopePolicy = { org: () => ({ sql: 'true' }) };

@Injectable()
export class ResourcesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  async find(actor: Actor, id: string): Promise<ResourceEntity> {
    const qb = this.txHost.tx
      .getRepository(ResourceEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id });
    const resource = await applyScope(qb, actor, 'resources:read', DIRECTORY_SCOPE).getOne();
    if (!resource) throw new NotFound('resource');
    return resource;
  }

  /** Text search ranks by relevance (name over organization over description); otherwise by name. */
  async search(actor: Actor, query: ResourceQuery): Promise<Page<Resource>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const q = query.q?.trim();
    const after = decodeCursor(query.cursor, 'text');
    const qb = applyScope(
      this.txHost.tx.getRepository(ResourceEntity).createQueryBuilder('r'),
      actor,
      'resources:read',
      DIRECTORY_SCOPE,
    ).take(limit + 1);
    if (query.need) qb.andWhere(':need = ANY(r.needs)', { need: query.need });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (q) {
      const rank = `lpad(round(ts_rank(r.search, websearch_to_tsquery('english', :q)) * 1000000)::text, 12, '0')`;
      const key = `(${rank} || '|' || lower(r.name))`;
      qb.andWhere(`(r.search @@ websearch_to_tsquery('english', :q) OR r.name ILIKE :like)`, {
        q,
        like: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`,
      })
        .addSelect(key, 'sort_key')
        .orderBy('sort_key', 'DESC')
        .addOrderBy('r.id', 'ASC');
      if (after) qb.andWhere(`(${key} < :at OR (${key} = :at AND r.id > :id))`, after);
      const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
      const keys = new Map(entities.map((e, i) => [e.id, raw[i]?.sort_key ?? '']));
      return toPage(entities, limit, (r) => ({ at: keys.get(r.id) ?? '', id: r.id }), toResource);
    }
    qb.orderBy('lower(r.name)', 'ASC').addOrderBy('r.id', 'ASC');
    if (after) qb.andWhere('(lower(r.name), r.id) > (:at, :id)', after);
    return toPage(await qb.getMany(), limit, (r) => ({ at: r.name.toLowerCase(), id: r.id }), toResource);
  }

  async get(actor: Actor, id: string): Promise<Resource> {
    return toResource(await this.find(actor, id));
  }

  async create(actor: Actor, dto: CreateResourceDto): Promise<Resource> {
    const repo = this.txHost.tx.getRepository(ResourceEntity);
    const saved = await repo.save(
      repo.create({ ...defaults(), ...clean(dto), organizationId: actor.organizationId }),
    );
    await this.audit.record({ action: 'resource.create', entityType: 'resource', entityId: saved.id });
    return toResource(saved);
  }

  async update(actor: Actor, id: string, dto: UpdateResourceDto): Promise<Resource> {
    const qb = this.txHost.tx
      .getRepository(ResourceEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id });
    const resource = await applyScope(qb, actor, 'resources:write', DIRECTORY_SCOPE)
      .setLock('pessimistic_write')
      .getOne();
    if (!resource) throw new NotFound('resource');
    if (resource.version !== dto.version) throw new StaleVersion();
    const { version: _version, ...changes } = dto;
    Object.assign(resource, clean(changes));
    const saved = await this.txHost.tx.getRepository(ResourceEntity).save(resource);
    await this.audit.record({ action: 'resource.update', entityType: 'resource', entityId: id });
    return toResource(saved);
  }
}

function defaults(): Partial<ResourceEntity> {
  return { needs: [], languages: [], status: 'active', treatingProvider: false };
}

/** Drops absent fields and turns blank text into null. */
function clean<T extends object>(dto: T): Partial<ResourceEntity> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  return out as Partial<ResourceEntity>;
}

export function toResource(r: ResourceEntity): Resource {
  return {
    id: r.id,
    name: r.name,
    organizationName: r.organizationName,
    description: r.description,
    needs: r.needs,
    phone: r.phone,
    email: r.email,
    website: r.website,
    address: r.address,
    hours: r.hours,
    eligibility: r.eligibility,
    fees: r.fees,
    languages: r.languages,
    acceptsMedicaid: r.acceptsMedicaid,
    treatingProvider: r.treatingProvider,
    status: r.status,
    lastVerifiedOn: r.lastVerifiedOn,
    version: r.version,
  };
}
