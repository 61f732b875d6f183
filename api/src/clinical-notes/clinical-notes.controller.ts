import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClinicalNote } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  ClinicalAddendumDto,
  CreateClinicalNoteDto,
  SignClinicalNoteDto,
  UpdateClinicalNoteDto,
} from './clinical-notes.dto';
import { ClinicalNotesService } from './clinical-notes.service';

@ApiTags('clinical notes')
@Controller()
export class ClinicalNotesController {
  constructor(private readonly notes: ClinicalNotesService) {}

  @Get('clients/:id/clinical-notes')
  @Allow('clinicalNotes:read')
  list(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ClinicalNote[]> {
    return this.notes.list(actor, id);
  }

  @Post('clients/:id/clinical-notes')
  @Allow('clinicalNotes:write')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateClinicalNoteDto,
  ): Promise<ClinicalNote> {
    return this.notes.create(actor, id, dto);
  }

  @Get('clinical-notes/:id')
  @Allow('clinicalNotes:read')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ClinicalNote> {
    return this.notes.get(actor, id);
  }

  @Patch('clinical-notes/:id')
  @Allow('clinicalNotes:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateClinicalNoteDto,
  ): Promise<ClinicalNote> {
    return this.notes.update(actor, id, dto);
  }

  @Post('clinical-notes/:id/sign')
  @Allow('clinicalNotes:write')
  @HttpCode(200)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignClinicalNoteDto,
  ): Promise<ClinicalNote> {
    return this.notes.sign(actor, id, dto.version);
  }

  @Post('clinical-notes/:id/addenda')
  @Allow('clinicalNotes:write')
  addendum(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ClinicalAddendumDto,
  ): Promise<ClinicalNote> {
    return this.notes.addAddendum(actor, id, dto);
  }
}
