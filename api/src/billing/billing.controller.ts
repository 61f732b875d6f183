import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CLAIM_LINE_CSV_COLUMNS, ClaimLine } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { csvFile } from '../common/csv';
import { ClaimLinesQueryDto } from './billing.dto';
import { BillingService } from './billing.service';

@ApiTags('billing')
@Controller('billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @Get('claim-lines')
  @Allow('billing:read')
  async claimLines(
    @CurrentActor() actor: Actor,
    @Query() query: ClaimLinesQueryDto,
  ): Promise<{ items: ClaimLine[] }> {
    return { items: await this.billing.claimLines(actor, query) };
  }

  @Get('claim-lines.csv')
  @Allow('billing:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="claim-lines.csv"')
  async claimLinesCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ClaimLinesQueryDto,
  ): Promise<StreamableFile> {
    return csvFile(CLAIM_LINE_CSV_COLUMNS, await this.billing.claimLines(actor, query));
  }
}
