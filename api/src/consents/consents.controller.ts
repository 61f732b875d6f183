import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Consent, Disclosure } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateConsentDto, CreateDisclosureDto, RevokeConsentDto } from './consents.dto';
import { ConsentsService } from './consents.service';
import { DisclosuresService } from './disclosures.service';

@ApiTags('consents (42 CFR Part 2)')
@Controller()
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly disclosuresService: DisclosuresService,
  ) {}

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
    @Body() dto: RevokeConsentDto,
  ): Promise<Consent> {
    return this.consents.revoke(actor, id, dto);
  }

  /** The client's accounting of disclosures: what left the clinic, to whom, when, under which consent. */
  @Get('clients/:id/disclosures')
  @Allow('disclosures:read')
  disclosures(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Disclosure[]> {
    return this.disclosuresService.list(actor, id);
  }

  /** A disclosure made outside a referral (phone, fax, paper): refused (409) without a covering consent. */
  @Post('clients/:id/disclosures')
  @Allow('disclosures:write')
  recordDisclosure(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateDisclosureDto,
  ): Promise<Disclosure> {
    return this.disclosuresService.recordManual(actor, id, dto);
  }
}
