import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CommunityMeeting, Page } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { ConflictProblem } from '../common/errors';
import { decodeCursor, DEFAULT_LIMIT, PageQuery, toPage } from '../common/pagination';
import { invalid } from '../common/invalid';
import { CreateCommunityMeetingDto } from './attendance.dto';
import { CommunityMeetingEntity } from './community-meeting.entity';

/** Mutual-aid meetings in the community (AA, NA, …): engagement a peer records, never billed. */
@Injectable()
export class CommunityMeetingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async list(actor: Actor, clientId: string, query: PageQuery): Promise<Page<CommunityMeeting>> {
    await this.clients.findInScope(actor, clientId, 'communityMeetings:read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const qb = this.txHost.tx
      .getRepository(CommunityMeetingEntity)
      .createQueryBuilder('m')
      .where('m.clientId = :clientId', { clientId })
      .orderBy('m.date', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit + 1);
    if (after)
      qb.andWhere('(m.date, m.id) < (CAST(:at AS date), :id)', { at: after.at.slice(0, 10), id: after.id });
    const rows = await qb.getMany();
    await this.audit.record({ action: 'community_meeting.list', entityType: 'community_meeting', clientId });
    return toPage(rows, limit, (m) => ({ at: m.date, id: m.id }), toMeeting);
  }

  async create(actor: Actor, clientId: string, dto: CreateCommunityMeetingDto): Promise<CommunityMeeting> {
    const client = await this.clients.findInScope(actor, clientId, 'communityMeetings:write');
    if (client.status !== 'active')
      throw new ConflictProblem('client-discharged', 'The client is discharged; readmit them first.');
    if (dto.contactId) {
      const rows = (await this.txHost.tx.query(`SELECT 1 FROM contacts WHERE id = $1 AND client_id = $2`, [
        dto.contactId,
        clientId,
      ])) as unknown[];
      if (!rows.length) throw invalid('contactId', 'contactId must be a contact with this client');
    }
    const repo = this.txHost.tx.getRepository(CommunityMeetingEntity);
    const meeting = await repo.save(
      repo.create({
        organizationId: actor.organizationId,
        clientId,
        contactId: dto.contactId ?? null,
        meetingType: dto.meetingType,
        date: dto.date,
        nameOrPlace: dto.nameOrPlace?.trim() || null,
        verification: dto.verification ?? 'self_reported',
        recordedBy: actor.userId,
      }),
    );
    await this.audit.record({
      action: 'community_meeting.create',
      entityType: 'community_meeting',
      entityId: meeting.id,
      clientId,
    });
    return toMeeting(meeting);
  }
}

export function toMeeting(m: CommunityMeetingEntity): CommunityMeeting {
  return {
    id: m.id,
    clientId: m.clientId,
    contactId: m.contactId,
    meetingType: m.meetingType,
    date: m.date,
    nameOrPlace: m.nameOrPlace,
    verification: m.verification,
    recordedBy: m.recordedBy,
    createdAt: m.createdAt.toISOString(),
    billingUnits: 0,
  };
}
