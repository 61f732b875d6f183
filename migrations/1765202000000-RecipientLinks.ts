import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, HISTORY_FUNCTION_SQL, makeAppendOnly, tenantReference } from './tenant';

/**
 * A link the recipient of a shared referral opens without an account (PRODUCT.md §5). The token
 * is stored only as its SHA-256; each opening is kept, since each one is a disclosure.
 */
export class RecipientLinks1765202000000 implements MigrationInterface {
  name = 'RecipientLinks1765202000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recipient_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        referral_id uuid NOT NULL,
        token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        revoked_by uuid
      )`);
    await db.query(`CREATE INDEX recipient_links_referral ON recipient_links (referral_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE recipient_link_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        link_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        disclosure_id uuid,
        at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX recipient_link_views_link ON recipient_link_views (link_id, at)`);
    await tenantReference(db, 'recipient_links', 'referral_id', 'referrals');
    await tenantReference(db, 'recipient_links', 'created_by', 'users');
    await tenantReference(db, 'recipient_links', 'revoked_by', 'users');
    await tenantReference(db, 'recipient_link_views', 'link_id', 'recipient_links');
    await tenantReference(db, 'recipient_link_views', 'referral_id', 'referrals');
    await tenantReference(db, 'recipient_link_views', 'disclosure_id', 'disclosures');
    await db.query(HISTORY_FUNCTION_SQL);
    await makeAppendOnly(db, 'recipient_link_views');
    for (const table of ['recipient_links', 'recipient_link_views']) await enableTenantRls(db, table);

    // A public request knows only the token: this function alone finds its link across
    // organizations, by exact hash, and returns just enough to pin the organization.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY recipient_links_lookup ON recipient_links FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await db.query(`
      CREATE FUNCTION find_recipient_link(p_sha256 text)
      RETURNS TABLE (link_id uuid, organization_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT id, organization_id FROM recipient_links WHERE token_sha256 = p_sha256 $$`);
    await db.query(`REVOKE ALL ON FUNCTION find_recipient_link(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION find_recipient_link(text) TO peerpath_app`);

    // Counters for the public routes' limits (per token hash and per address), like sign-in's.
    await db.query(`
      CREATE TABLE recipient_link_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS recipient_link_limits`);
    await db.query(`DROP FUNCTION IF EXISTS find_recipient_link(text)`);
    await db.query(`DROP TABLE IF EXISTS recipient_link_views`);
    await db.query(`DROP TABLE IF EXISTS recipient_links`);
  }
}
