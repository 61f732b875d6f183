import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Assessment, Goal } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateAssessmentDto, CreateGoalDto, UpdateGoalDto } from './recovery.dto';
import { RecoveryService } from './recovery.service';

@ApiTags('recovery goals and BARC-10')
@Controller()
export class RecoveryController {
  constructor(private readonly recovery: RecoveryService) {}

  @Get('clients/:id/goals')
  @Allow('goals:read')
  goals(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Goal[]> {
    return this.recovery.goals(actor, id);
  }

  @Post('clients/:id/goals')
  @Allow('goals:write')
  createGoal(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateGoalDto,
  ): Promise<Goal> {
    return this.recovery.createGoal(actor, id, dto);
  }

  @Patch('goals/:id')
  @Allow('goals:write')
  updateGoal(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateGoalDto,
  ): Promise<Goal> {
    return this.recovery.updateGoal(actor, id, dto);
  }

  @Get('clients/:id/assessments')
  @Allow('assessments:read')
  assessments(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Assessment[]> {
    return this.recovery.assessments(actor, id);
  }

  @Post('clients/:id/assessments')
  @Allow('assessments:write')
  createAssessment(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<Assessment> {
    return this.recovery.createAssessment(actor, id, dto);
  }
}
