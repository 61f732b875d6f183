import type {
  ConsentSigner,
  DisclosureChannel,
  DisclosureElement,
  RevocationMethod,
} from '@peerpath/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'disclosing_party', type: 'text' }) disclosingParty!: string;
  @Column({ name: 'recipient_resource_id', type: 'uuid', nullable: true }) recipientResourceId!:
    string | null;
  @Column({ name: 'recipient_organization', type: 'text', nullable: true }) recipientOrganization!:
    string | null;
  @Column({ name: 'general_designation', type: 'text', nullable: true }) generalDesignation!: string | null;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'text' }) information!: string;
  @Column({ name: 'signed_at', type: 'date' }) signedAt!: string;
  @Column({ name: 'expires_at', type: 'date', nullable: true }) expiresAt!: string | null;
  @Column({ name: 'expiry_event', type: 'text', nullable: true }) expiryEvent!: string | null;
  @Column({ type: 'text', array: true }) elements!: DisclosureElement[];
  @Column({ name: 'signed_by', type: 'text' }) signedBy!: ConsentSigner;
  @Column({ name: 'representative_name', type: 'text', nullable: true }) representativeName!: string | null;
  @Column({ name: 'revocation_statement_acknowledged', type: 'boolean' })
  revocationStatementAcknowledged!: boolean;
  @Column({ name: 'recipient_is_covered_entity', type: 'boolean' }) recipientIsCoveredEntity!: boolean;
  @Column({ name: 'revocation_method', type: 'text', nullable: true })
  revocationMethod!: RevocationMethod | null;
  @Column({ name: 'revocation_note', type: 'text', nullable: true }) revocationNote!: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('disclosures')
export class DisclosureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ name: 'consent_id', type: 'uuid' }) consentId!: string;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ name: 'recipient_contact', type: 'text', nullable: true }) recipientContact!: string | null;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'text' }) channel!: DisclosureChannel;
  @Column({ type: 'text', array: true }) elements!: DisclosureElement[];
  /** The consent's scope at the time, kept as the recipient was told it (42 CFR 2.32(b)). */
  @Column({ type: 'text' }) information!: string;
  @Column({ name: 'disclosed_by', type: 'uuid' }) disclosedBy!: string;
  @Column({ name: 'disclosed_at', type: 'timestamptz', insert: false }) disclosedAt!: Date;
}
