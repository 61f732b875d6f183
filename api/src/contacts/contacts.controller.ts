import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Contact } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { AddendumDto, SignContactDto, UpdateContactDto } from './contacts.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get(':id')
  @Allow('contacts:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Contact> {
    return this.contacts.get(actor, id);
  }

  @Patch(':id')
  @Allow('contacts:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateContactDto,
  ): Promise<Contact> {
    return this.contacts.update(actor, id, dto);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Allow('contacts:write')
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignContactDto,
  ): Promise<Contact> {
    return this.contacts.sign(actor, id, dto.version);
  }

  @Post(':id/addenda')
  @Allow('contacts:write')
  addendum(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddendumDto,
  ): Promise<Contact> {
    return this.contacts.addAddendum(actor, id, dto);
  }
}
