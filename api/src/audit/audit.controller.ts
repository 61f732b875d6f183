import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API, AuditEvent, AuditHighlight, Page } from '@peerpath/contracts';
import { toCsv } from '../common/csv';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { AuditQuery } from './audit.dto';
import { AuditLogService } from './audit-log.service';

const CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'clientId',
  'outcome',
  'emergency',
  'ip',
  // Added after the original columns so files read by position keep their meaning.
  'actorName',
  'clientName',
] as const;

@ApiTags('audit')
@Controller(API.auditEvents.slice(5))
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @Allow('audit:read')
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<Page<AuditEvent>> {
    return this.log.list(actor, q);
  }

  @Get('highlights')
  @Allow('audit:read')
  highlights(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<AuditHighlight[]> {
    return this.log.highlights(actor, q);
  }

  /** The same events as the list, as CSV. Every export is itself audited. */
  @Get('export.csv')
  @Allow('audit:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-events.csv"')
  async export(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<StreamableFile> {
    const rows = await this.log.export(actor, q);
    const csv = toCsv(CSV_COLUMNS, rows);
    return new StreamableFile(Buffer.from(csv, 'utf8'));
  }
}
