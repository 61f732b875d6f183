import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, Resource } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateResourceDto, ResourceQuery, UpdateResourceDto } from './resources.dto';
import { ResourcesService } from './resources.service';

@ApiTags('resource directory')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @Allow('resources:read')
  search(@CurrentActor() actor: Actor, @Query() query: ResourceQuery): Promise<Page<Resource>> {
    return this.resources.search(actor, query);
  }

  @Post()
  @Allow('resources:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateResourceDto): Promise<Resource> {
    return this.resources.create(actor, dto);
  }

  @Get(':id')
  @Allow('resources:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Resource> {
    return this.resources.get(actor, id);
  }

  @Patch(':id')
  @Allow('resources:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateResourceDto,
  ): Promise<Resource> {
    return this.resources.update(actor, id, dto);
  }
}
