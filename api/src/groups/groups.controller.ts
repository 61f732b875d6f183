import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Group, GroupMember, GroupRates, GroupSession, Page, RosterEntry } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { RatesService } from '../attendance/rates.service';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  AddToRosterDto,
  CreateGroupDto,
  CreateSessionDto,
  GroupListQuery,
  RosterQuery,
  SessionListQuery,
  UpdateGroupDto,
  WalkInQuery,
} from './groups.dto';
import { GroupsService } from './groups.service';
import { RosterService } from './roster.service';
import { GroupSessionsService } from './sessions.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly roster: RosterService,
    private readonly sessions: GroupSessionsService,
    private readonly rates: RatesService,
  ) {}

  @Get()
  @Allow('groups:read')
  list(@CurrentActor() actor: Actor, @Query() query: GroupListQuery): Promise<Page<Group>> {
    return this.groups.list(actor, query);
  }

  @Post()
  @Allow('groups:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGroupDto): Promise<Group> {
    return this.groups.create(actor, dto);
  }

  @Get(':id')
  @Allow('groups:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Group> {
    return this.groups.get(actor, id);
  }

  @Patch(':id')
  @Allow('groups:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<Group> {
    return this.groups.update(actor, id, dto);
  }

  @Get(':id/roster')
  @Allow('groups:read')
  listRoster(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: RosterQuery,
  ): Promise<RosterEntry[]> {
    return this.roster.roster(actor, id, query.includeRemoved === 'true');
  }

  @Post(':id/roster')
  @Allow('groups:write')
  addToRoster(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddToRosterDto,
  ): Promise<RosterEntry> {
    return this.roster.add(actor, id, dto.clientId);
  }

  @Delete(':id/roster/:clientId')
  @HttpCode(204)
  @Allow('groups:write')
  removeFromRoster(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Param('clientId', UuidParam) clientId: string,
  ): Promise<void> {
    return this.roster.remove(actor, id, clientId);
  }

  /** Active clients of the program to add at the door; a facilitator sees display names only. */
  @Get(':id/walk-ins')
  @Allow('attendance:write')
  walkIns(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: WalkInQuery,
  ): Promise<GroupMember[]> {
    return this.roster.walkIns(actor, id, query.q);
  }

  @Get(':id/sessions')
  @Allow('groups:read')
  listSessions(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: SessionListQuery,
  ): Promise<Page<GroupSession>> {
    return this.sessions.list(actor, id, query);
  }

  @Post(':id/sessions')
  @Allow('sessions:write')
  createSession(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<GroupSession> {
    return this.sessions.create(actor, id, dto);
  }

  @Get(':id/rates')
  @Allow('attendance:read')
  groupRates(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<GroupRates> {
    return this.rates.forGroup(actor, id);
  }
}
