import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Page, Referral, ReferralPacket } from '@peerpath/contracts';
import { toCsv } from '../common/csv';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { Idempotency } from '../common/idempotency';
import { UuidParam } from '../common/uuid-param';
import { CreateReferralDto, MoveReferralDto, ReferralListQuery } from './referrals.dto';
import { ReferralsService } from './referrals.service';

const CSV_COLUMNS = [
  'id',
  'clientId',
  'clientName',
  'need',
  'urgency',
  'resourceName',
  'outsideOrganization',
  'status',
  'followUpOn',
  'overdue',
  'shareInformation',
  'createdAt',
] as const;

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly idempotency: Idempotency,
  ) {}

  /** Referrals across the caller's scope (caseload or program), newest first, with filters. */
  @Get('referrals')
  @Allow('referrals:read')
  list(@CurrentActor() actor: Actor, @Query() query: ReferralListQuery): Promise<Page<Referral>> {
    return this.referrals.list(actor, query);
  }

  @Get('referrals/export.csv')
  @Allow('referrals:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="referrals.csv"')
  async export(@CurrentActor() actor: Actor, @Query() query: ReferralListQuery): Promise<StreamableFile> {
    const rows = await this.referrals.exportRows(actor, query);
    const csv = toCsv(CSV_COLUMNS, rows);
    return new StreamableFile(Buffer.from(csv, 'utf8'));
  }

  @Get('referrals/:id')
  @Allow('referrals:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Referral> {
    return this.referrals.get(actor, id);
  }

  /** What the recipient receives: the minimum information, the consent's scope and the 42 CFR 2.32 notice. */
  @Get('referrals/:id/packet')
  @Allow('referrals:read')
  packet(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ReferralPacket> {
    return this.referrals.packet(actor, id);
  }

  @Post('referrals/:id/status')
  @Allow('referrals:status')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: MoveReferralDto,
  ): Promise<Referral> {
    return this.referrals.move(actor, id, dto);
  }

  @Get('clients/:id/referrals')
  @Allow('referrals:read')
  listForClient(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Referral[]> {
    return this.referrals.listForClient(actor, id);
  }

  @Post('clients/:id/referrals')
  @Allow('referrals:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateReferralDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<Referral> {
    return this.idempotency.once(
      actor,
      key,
      `POST /api/clients/${id}/referrals`,
      () => this.referrals.create(actor, id, dto),
      (referral) => this.referrals.get(actor, referral.id),
    );
  }
}
