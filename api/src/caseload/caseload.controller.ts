import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseloadEntry, Client, Page } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CaseloadQuery, CaseloadTransferDto } from '../clients/clients.dto';
import { ClientsService } from '../clients/clients.service';
import { CurrentActor } from '../common/current-actor.decorator';
import { CaseloadService } from './caseload.service';

@ApiTags('caseload')
@Controller()
export class CaseloadController {
  constructor(
    private readonly caseloads: CaseloadService,
    private readonly clients: ClientsService,
  ) {}

  /** The caller's caseload (a manager's: the program's, optionally one peer's), overdue first. */
  @Get('caseload')
  @Allow('caseload:read')
  caseload(@CurrentActor() actor: Actor, @Query() query: CaseloadQuery): Promise<Page<CaseloadEntry>> {
    return this.caseloads.caseload(actor, query.peerId);
  }

  /** Moves several clients to one peer at once, e.g. when a peer leaves; all or nothing. */
  @Post('caseload-transfers')
  @Allow('clients:assign')
  @HttpCode(200)
  async transfer(
    @CurrentActor() actor: Actor,
    @Body() dto: CaseloadTransferDto,
  ): Promise<{ items: Client[] }> {
    return { items: await this.clients.assign(actor, dto.clientIds, dto.peerId, dto.reason?.trim() || null) };
  }
}
