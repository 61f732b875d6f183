import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Consent, Disclosure } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateConsentDto, RevokeConsentDto } from './consents.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consents (42 CFR Part 2)')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('clients/:id/consents')
  @Allow('consents:read')
  list(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Consent[]> {
    return this.consents.list(actor, id);
  }

  @Post('clients/:id/consents')
  @Allow('consents:write')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateConsentDto,
  ): Promise<Consent> {
    return this.consents.create(actor, id, dto);
  }

  @Post('consents/:id/revoke')
  @Allow('consents:write')
  @HttpCode(200)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() _dto: RevokeConsentDto,
  ): Promise<Consent> {
    return this.consents.revoke(actor, id);
  }

  /** The client's accounting of disclosures: what left the clinic, to whom, when, under which consent. */
  @Get('clients/:id/disclosures')
  @Allow('disclosures:read')
  disclosures(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Disclosure[]> {
    return this.consents.disclosures(actor, id);
  }
}
