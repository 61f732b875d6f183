import { AuditEventEntity } from '../audit/audit-event.entity';
import { Organization } from '../organizations/organization.entity';
import { ProgramEntity, ProgramMembership } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [Organization, ProgramEntity, ProgramMembership, UserEntity, AuditEventEntity];
