import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Need, ResourceStatus } from '@peerpath/contracts';

@Entity('resources')
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'organization_name', type: 'text', nullable: true }) organizationName!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', array: true }) needs!: Need[];
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) hours!: string | null;
  @Column({ type: 'text', nullable: true }) eligibility!: string | null;
  @Column({ type: 'text', nullable: true }) fees!: string | null;
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ name: 'accepts_medicaid', type: 'boolean', nullable: true }) acceptsMedicaid!: boolean | null;
  @Column({ name: 'treating_provider', type: 'boolean' }) treatingProvider!: boolean;
  @Column({ type: 'text' }) status!: ResourceStatus;
  @Column({ name: 'last_verified_on', type: 'date', nullable: true }) lastVerifiedOn!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
