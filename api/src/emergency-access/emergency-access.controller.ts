import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EmergencyAccessGrant } from '@peerpath/contracts';
import type { Request } from 'express';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  EmergencyAccessQuery,
  RequestEmergencyAccessDto,
  ReviewEmergencyAccessDto,
} from './emergency-access.dto';
import { EmergencyAccessService } from './emergency-access.service';

@ApiTags('emergency access')
@Controller()
export class EmergencyAccessController {
  constructor(private readonly emergency: EmergencyAccessService) {}

  @Post('clients/:id/emergency-access')
  @Allow('emergencyAccess:request')
  request(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: RequestEmergencyAccessDto,
    @Req() req: Request,
  ): Promise<EmergencyAccessGrant> {
    return this.emergency.request(actor, id, dto, req.ip ?? 'unknown');
  }

  @Get('emergency-access/mine')
  @Allow('emergencyAccess:request')
  mine(@CurrentActor() actor: Actor): Promise<EmergencyAccessGrant[]> {
    return this.emergency.mine(actor);
  }

  @Get('emergency-access')
  @Allow('emergencyAccess:review')
  list(@CurrentActor() actor: Actor, @Query() query: EmergencyAccessQuery): Promise<EmergencyAccessGrant[]> {
    return this.emergency.list(actor, query);
  }

  @Post('emergency-access/:id/review')
  @Allow('emergencyAccess:review')
  @HttpCode(200)
  review(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReviewEmergencyAccessDto,
  ): Promise<EmergencyAccessGrant> {
    return this.emergency.review(actor, id, dto.comment);
  }
}
