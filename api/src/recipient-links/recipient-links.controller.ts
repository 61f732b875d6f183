import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RecipientLinkCreated, RecipientLinkStatus, RecipientView } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow, Public } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { RecipientAnswerDto } from './recipient-links.dto';
import { RecipientLinksService } from './recipient-links.service';

@ApiTags('recipient links')
@Controller()
export class RecipientLinksController {
  constructor(private readonly links: RecipientLinksService) {}

  /** Peer of the caseload or clinician of the program; only for a sent referral that shares information. */
  @Post('referrals/:id/recipient-link')
  @Allow('referrals:write')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Req() req: Request,
  ): Promise<RecipientLinkCreated> {
    return this.links.create(actor, id, `${req.protocol}://${req.get('host')}`);
  }

  @Delete('referrals/:id/recipient-link')
  @Allow('referrals:write')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<void> {
    return this.links.revoke(actor, id);
  }

  @Get('referrals/:id/recipient-link')
  @Allow('referrals:read')
  status(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<RecipientLinkStatus> {
    return this.links.status(actor, id);
  }

  /** No session: the token is the credential. Each successful opening is a recorded disclosure. */
  @Get('recipient/:token')
  @Public()
  open(@Param('token') token: string, @Req() req: Request): Promise<RecipientView> {
    return this.links.open(token, req.ip ?? 'unknown');
  }

  @Post('recipient/:token/answer')
  @Public()
  @HttpCode(200)
  answer(
    @Param('token') token: string,
    @Body() dto: RecipientAnswerDto,
    @Req() req: Request,
  ): Promise<{ status: string }> {
    return this.links.answer(token, req.ip ?? 'unknown', dto);
  }
}
