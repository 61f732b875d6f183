import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** Only what scoping needs: the service reads and writes handoffs with plain SQL. */
@Entity('handoffs')
export class HandoffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId!: string;
  @VersionColumn() version!: number;
}
