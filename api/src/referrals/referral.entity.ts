import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { DeclinedBy, DeclineReason, Need, ReferralStatus, Urgency } from '@peerpath/contracts';

@Entity('referrals')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'resource_id', type: 'uuid', nullable: true }) resourceId!: string | null;
  @Column({ name: 'outside_organization', type: 'text', nullable: true }) outsideOrganization!: string | null;
  @Column({ type: 'text' }) need!: Need;
  @Column({ type: 'text' }) urgency!: Urgency;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'share_information', type: 'boolean' }) shareInformation!: boolean;
  @Column({ name: 'consent_id', type: 'uuid', nullable: true }) consentId!: string | null;
  @Column({ type: 'text' }) status!: ReferralStatus;
  @Column({ name: 'declined_by', type: 'text', nullable: true }) declinedBy!: DeclinedBy | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: DeclineReason | null;
  @Column({ name: 'expected_on', type: 'date', nullable: true }) expectedOn!: string | null;
  @Column({ name: 'follow_up_on', type: 'date', nullable: true }) followUpOn!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
