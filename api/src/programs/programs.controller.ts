import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API, Page, Program } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { PageQuery } from '../common/pagination';
import { CreateProgramDto } from './programs.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@Controller(API.programs.slice(5))
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @Allow('programs:read')
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<Program>> {
    return this.programs.list(actor, query);
  }

  @Post()
  @Allow('programs:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgramDto): Promise<Program> {
    return this.programs.create(actor, dto);
  }
}
