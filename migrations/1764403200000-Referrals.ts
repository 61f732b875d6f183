import { MigrationInterface, QueryRunner } from 'typeorm';

/** The resource directory (HSDS-shaped), referrals with their status history, Part 2 consents, disclosures. */
export class Referrals1764403200000 implements MigrationInterface {
  name = 'Referrals1764403200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        external_id text,
        name text NOT NULL,
        organization_name text,
        description text,
        needs text[] NOT NULL DEFAULT '{}',
        phone text,
        email text,
        website text,
        address text,
        hours text,
        eligibility text,
        fees text,
        languages text[] NOT NULL DEFAULT '{}',
        accepts_medicaid boolean,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'temporarily_closed')),
        last_verified_on date,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(organization_name, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
          setweight(to_tsvector('english', coalesce(eligibility, '')), 'D')
        ) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX resources_external ON resources (organization_id, external_id)`);
    await db.query(`CREATE INDEX resources_search ON resources USING gin (search)`);
    await db.query(`CREATE INDEX resources_needs ON resources USING gin (needs)`);

    await db.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        disclosing_party text NOT NULL,
        recipient_resource_id uuid REFERENCES resources(id),
        recipient_organization text,
        general_designation text,
        purpose text NOT NULL,
        information text NOT NULL,
        signed_at date NOT NULL,
        expires_at date,
        expiry_event text,
        representative_name text,
        revoked_at timestamptz(3),
        revoked_by uuid REFERENCES users(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(recipient_resource_id, recipient_organization, general_designation) = 1),
        CHECK (expires_at IS NOT NULL OR expiry_event IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX consents_client ON consents (client_id)`);

    await db.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        resource_id uuid REFERENCES resources(id),
        outside_organization text,
        need text NOT NULL,
        urgency text NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'soon', 'urgent')),
        note text CHECK (length(note) <= 10000),
        share_information boolean NOT NULL DEFAULT false,
        consent_id uuid REFERENCES consents(id),
        status text NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'completed', 'declined', 'no_show', 'cancelled')),
        follow_up_on date,
        created_by uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(resource_id, outside_organization) = 1)
      )`);
    await db.query(`CREATE INDEX referrals_client ON referrals (client_id, created_at DESC)`);
    await db.query(`CREATE INDEX referrals_open ON referrals (organization_id, status, follow_up_on)`);
    await db.query(`
      CREATE TABLE referral_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        referral_id uuid NOT NULL REFERENCES referrals(id),
        status text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id),
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        note text
      )`);
    await db.query(`CREATE INDEX referral_events_referral ON referral_events (referral_id, at)`);
    await db.query(`
      CREATE TABLE disclosures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        referral_id uuid NOT NULL REFERENCES referrals(id),
        consent_id uuid NOT NULL REFERENCES consents(id),
        recipient text NOT NULL,
        information text NOT NULL,
        disclosed_by uuid NOT NULL REFERENCES users(id),
        disclosed_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One disclosure per shared referral, whatever races may try.
    await db.query(`CREATE UNIQUE INDEX disclosures_once ON disclosures (referral_id)`);
    await db.query(`CREATE INDEX disclosures_client ON disclosures (client_id, disclosed_at DESC)`);

    for (const table of ['resources', 'consents', 'referrals', 'referral_events', 'disclosures']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['disclosures', 'referral_events', 'referrals', 'consents', 'resources']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
