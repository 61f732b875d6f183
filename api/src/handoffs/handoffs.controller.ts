import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Handoff, HandoffTimes } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  CloseHandoffDto,
  ConvertHandoffDto,
  CreateHandoffDto,
  HandoffAttemptDto,
  HandoffListQuery,
  HandoffTargetDto,
  HandoffTimesQuery,
} from './handoffs.dto';
import { HandoffsService } from './handoffs.service';

@ApiTags('handoffs')
@Controller()
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  /** The incoming queue of the caller's programs: open handoffs, oldest first. */
  @Get('handoffs')
  @Allow('handoffs:read')
  list(@CurrentActor() actor: Actor, @Query() query: HandoffListQuery): Promise<{ items: Handoff[] }> {
    return this.handoffs.list(actor, query).then((items) => ({ items }));
  }

  @Get('handoffs/times')
  @Allow('handoffs:read')
  times(@CurrentActor() actor: Actor, @Query() query: HandoffTimesQuery): Promise<HandoffTimes> {
    return this.handoffs.times(actor, query);
  }

  @Post('handoffs')
  @Allow('handoffs:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateHandoffDto): Promise<Handoff> {
    return this.handoffs.create(actor, dto);
  }

  @Get('handoffs/:id')
  @Allow('handoffs:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Handoff> {
    return this.handoffs.get(actor, id);
  }

  @Post('handoffs/:id/claim')
  @Allow('handoffs:work')
  @HttpCode(200)
  claim(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Handoff> {
    return this.handoffs.claim(actor, id);
  }

  @Post('handoffs/:id/attempts')
  @Allow('handoffs:work')
  attempt(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: HandoffAttemptDto,
  ): Promise<Handoff> {
    return this.handoffs.attempt(actor, id, dto);
  }

  @Post('handoffs/:id/convert')
  @Allow('handoffs:work')
  convert(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ConvertHandoffDto,
  ): Promise<{ clientId: string }> {
    return this.handoffs.convert(actor, id, dto);
  }

  @Post('handoffs/:id/close')
  @Allow('handoffs:write')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CloseHandoffDto,
  ): Promise<Handoff> {
    return this.handoffs.close(actor, id, dto);
  }

  /** The program's target for first contact, in hours (24 unless the manager sets another). */
  @Put('programs/:id/handoff-target')
  @Allow('handoffs:target')
  setTarget(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: HandoffTargetDto,
  ): Promise<{ programId: string; hours: number }> {
    return this.handoffs.setTarget(actor, id, dto.hours);
  }
}
