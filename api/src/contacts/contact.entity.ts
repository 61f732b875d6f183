import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ContactType, Modality, RecoveryDomain } from '@peerpath/contracts';

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes!: number;
  @Column({ type: 'text' }) modality!: Modality;
  @Column({ name: 'contact_type', type: 'text' }) contactType!: ContactType;
  @Column({ type: 'boolean' }) successful!: boolean;
  @Column({ type: 'boolean' }) billable!: boolean;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ type: 'text', array: true }) topics!: RecoveryDomain[];
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'billing_units', type: 'integer' }) billingUnits!: number;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('contact_addenda')
export class ContactAddendumEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false }) createdAt!: Date;
}
