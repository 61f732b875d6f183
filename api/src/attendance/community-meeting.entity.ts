import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommunityMeetingType, MeetingVerification } from '@peerpath/contracts';

@Entity('community_meetings')
export class CommunityMeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'contact_id', type: 'uuid', nullable: true }) contactId!: string | null;
  @Column({ name: 'meeting_type', type: 'text' }) meetingType!: CommunityMeetingType;
  @Column({ type: 'date', transformer: { from: (v: string) => v, to: (v: string) => v } }) date!: string;
  @Column({ name: 'name_or_place', type: 'text', nullable: true }) nameOrPlace!: string | null;
  @Column({ type: 'text' }) verification!: MeetingVerification;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
