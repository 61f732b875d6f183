import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GoalStatus, RecoveryDomain } from '@peerpath/contracts';

@Entity('goals')
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) domain!: RecoveryDomain;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'target_date', type: 'date', nullable: true }) targetDate!: string | null;
  @Column({ type: 'text' }) status!: GoalStatus;
  @Column({ name: 'achieved_at', type: 'timestamptz', nullable: true }) achievedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @VersionColumn() version!: number;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('assessments')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) instrument!: 'barc10';
  @Column({ type: 'smallint', array: true }) items!: number[];
  @Column({ type: 'smallint' }) total!: number;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt!: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
}
