import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API, Page, User } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('staff')
@Controller(API.users.slice(5))
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('users:read')
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery): Promise<Page<User>> {
    return this.users.list(actor, query);
  }

  @Post()
  @Allow('users:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(actor, dto);
  }

  @Get(':id')
  @Allow('users:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<User> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Allow('users:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(actor, id, dto);
  }
}
