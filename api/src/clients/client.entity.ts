import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ClientStatus, ContactMethod } from '@peerpath/contracts';

const date = {
  type: 'date' as const,
  transformer: { from: (v: string | null) => v, to: (v: string | null) => v },
};

@Entity('clients')
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId!: string;
  @Column({ name: 'primary_peer_id', type: 'uuid', nullable: true }) primaryPeerId!: string | null;
  @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Column({ name: 'preferred_name', type: 'text', nullable: true }) preferredName!: string | null;
  @Column({ type: 'text', nullable: true }) pronouns!: string | null;
  @Column({ name: 'date_of_birth', ...date }) dateOfBirth!: string;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'external_record_number', type: 'text', nullable: true }) externalRecordNumber!:
    string | null;
  @Column({ name: 'medicaid_id', type: 'text', nullable: true }) medicaidId!: string | null;
  @Column({ name: 'recovery_start_date', ...date, nullable: true }) recoveryStartDate!: string | null;
  @Column({ name: 'preferred_contact_method', type: 'text', nullable: true })
  preferredContactMethod!: ContactMethod | null;
  @Column({ name: 'name_key', type: 'text' }) nameKey!: string;
  @Column({ type: 'text' }) status!: ClientStatus;
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt!: Date | null;
  @Column({ name: 'discharge_reason', type: 'text', nullable: true }) dischargeReason!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('client_assignments')
export class ClientAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'peer_id', type: 'uuid' }) peerId!: string;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', insert: false }) startedAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}

@Entity('client_status_events')
export class ClientStatusEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) status!: 'admitted' | 'discharged' | 'readmitted';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'timestamptz', insert: false }) at!: Date;
}
