import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { AssignmentEntry, Client, Contact, Page, TimelineEntry } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { Idempotency } from '../common/idempotency';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { CreateContactDto } from '../contacts/contacts.dto';
import { ContactsService } from '../contacts/contacts.service';
import {
  AssignPeerDto,
  ClientListQuery,
  CreateClientDto,
  DischargeDto,
  ReadmitDto,
  UpdateClientDto,
} from './clients.dto';
import { ClientsService } from './clients.service';
import { TimelineService } from './timeline.service';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
    private readonly timeline: TimelineService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get()
  @Allow('clients:read')
  list(@CurrentActor() actor: Actor, @Query() query: ClientListQuery): Promise<Page<Client>> {
    return this.clients.list(actor, query);
  }

  @Post()
  @Allow('clients:create')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateClientDto): Promise<Client> {
    return this.clients.create(actor, dto);
  }

  @Get(':id')
  @Allow('clients:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Client> {
    return this.clients.get(actor, id);
  }

  @Patch(':id')
  @Allow('clients:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateClientDto,
  ): Promise<Client> {
    return this.clients.update(actor, id, dto);
  }

  @Post(':id/discharge')
  @HttpCode(200)
  @Allow('clients:discharge')
  discharge(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: DischargeDto,
  ): Promise<Client> {
    return this.clients.discharge(actor, id, dto);
  }

  @Post(':id/readmit')
  @HttpCode(200)
  @Allow('clients:discharge')
  readmit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReadmitDto,
  ): Promise<Client> {
    return this.clients.readmit(actor, id, dto);
  }

  @Put(':id/primary-peer')
  @Allow('clients:assign')
  async assign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AssignPeerDto,
  ): Promise<Client> {
    const [client] = await this.clients.assign(actor, [id], dto.peerId, dto.reason?.trim() || null);
    return client;
  }

  @Get(':id/assignments')
  @Allow('clients:read')
  assignments(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<AssignmentEntry[]> {
    return this.clients.assignments(actor, id);
  }

  @Get(':id/timeline')
  @Allow('contacts:read')
  history(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.timeline(actor, id, query);
  }

  @Get(':id/contacts')
  @Allow('contacts:read')
  listContacts(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<Contact>> {
    return this.contacts.list(actor, id, query);
  }

  @Post(':id/contacts')
  @Allow('contacts:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  logContact(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateContactDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<Contact> {
    return this.idempotency.once(
      actor,
      key,
      `POST /api/clients/${id}/contacts`,
      () => this.contacts.create(actor, id, dto),
      (contact) => this.contacts.get(actor, contact.id),
    );
  }
}
