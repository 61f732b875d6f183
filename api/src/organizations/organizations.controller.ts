import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ORGANIZATION_API, OrganizationSettings } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UpdateOrganizationDto } from './organizations.dto';
import { OrganizationsService } from './organizations.service';

/** The caller's own clinic: its name, clock and billing profile. */
@ApiTags('organization')
@Controller(ORGANIZATION_API.slice(5))
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Allow('organization:read')
  get(@CurrentActor() actor: Actor): Promise<OrganizationSettings> {
    return this.organizations.get(actor);
  }

  @Patch()
  @Allow('organization:write')
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateOrganizationDto): Promise<OrganizationSettings> {
    return this.organizations.update(actor, dto);
  }
}
