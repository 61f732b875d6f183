import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AttendanceStatus, GroupType } from '@peerpath/contracts';

const date = {
  type: 'date' as const,
  transformer: { from: (v: string | null) => v, to: (v: string | null) => v },
};

@Entity('groups')
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: GroupType;
  @Column({ type: 'text' }) schedule!: string;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'video_link', type: 'text', nullable: true }) videoLink!: string | null;
  @Column({ type: 'integer', nullable: true }) capacity!: number | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('group_facilitators')
export class GroupFacilitatorEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'smallint' }) position!: number;
}

@Entity('group_roster')
export class GroupRosterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'added_at', type: 'timestamptz', insert: false }) addedAt!: Date;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy!: string | null;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ name: 'removed_by', type: 'uuid', nullable: true }) removedBy!: string | null;
}

@Entity('group_sessions')
export class GroupSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ ...date }) date!: string;
  /** HH:MM:SS as PostgreSQL answers a `time`. */
  @Column({ name: 'start_time', type: 'time' }) startTime!: string;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes!: number;
  @Column({ type: 'text' }) topic!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  /** The one facilitator the session's group claims credit (PRODUCT.md §5). */
  @Column({ name: 'facilitator_id', type: 'uuid', nullable: true }) facilitatorId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) status!: AttendanceStatus;
  @Column({ name: 'minutes_attended', type: 'integer', nullable: true }) minutesAttended!: number | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false }) recordedAt!: Date;
}
