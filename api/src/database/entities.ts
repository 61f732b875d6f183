import { AuditEventEntity } from '../audit/audit-event.entity';
import { Organization } from '../organizations/organization.entity';
import { ProgramEntity, ProgramMembership } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { ClientAssignmentEntity, ClientEntity, ClientStatusEventEntity } from '../clients/client.entity';
import { ContactAddendumEntity, ContactEntity } from '../contacts/contact.entity';
import { CommunityMeetingEntity } from '../attendance/community-meeting.entity';
import {
  AttendanceEntity,
  GroupEntity,
  GroupFacilitatorEntity,
  GroupRosterEntity,
  GroupSessionEntity,
} from '../groups/group.entity';
import { ConsentEntity, DisclosureEntity } from '../consents/consent.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { HandoffEntity } from '../handoffs/handoff.entity';
import { ResourceEntity } from '../resources/resource.entity';
import { ClinicalNoteEntity } from '../clinical-notes/clinical-note.entity';
import { AssessmentEntity, GoalEntity } from '../recovery/recovery.entities';

export const ENTITIES = [
  Organization,
  ProgramEntity,
  ProgramMembership,
  UserEntity,
  AuditEventEntity,
  ClientEntity,
  ClientAssignmentEntity,
  ClientStatusEventEntity,
  ContactEntity,
  ContactAddendumEntity,
  GroupEntity,
  GroupFacilitatorEntity,
  GroupRosterEntity,
  GroupSessionEntity,
  AttendanceEntity,
  CommunityMeetingEntity,
  ResourceEntity,
  ReferralEntity,
  HandoffEntity,
  ConsentEntity,
  DisclosureEntity,
  ClinicalNoteEntity,
  GoalEntity,
  AssessmentEntity,
];
