import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent scope and the accounting of disclosures (PRODUCT.md §5): treating-provider resources,
 * who signed a consent and what it permits, how it was revoked, and what each disclosure actually
 * sent, to whom, how and why. A disclosure may now be made outside a referral.
 */
export class ConsentScope1765100000000 implements MigrationInterface {
  name = 'ConsentScope1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE resources ADD COLUMN treating_provider boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE consents
        ADD COLUMN signed_by text NOT NULL DEFAULT 'client' CHECK (signed_by IN ('client', 'representative')),
        ADD COLUMN revocation_statement_acknowledged boolean NOT NULL DEFAULT true,
        ADD COLUMN recipient_is_covered_entity boolean NOT NULL DEFAULT false,
        ADD COLUMN elements text[] NOT NULL DEFAULT '{name,phone,need,urgency,note}',
        ADD COLUMN revocation_method text CHECK (revocation_method IN ('written', 'verbal')),
        ADD COLUMN revocation_note text CHECK (length(revocation_note) <= 2000)`);
    await db.query(
      `UPDATE consents SET signed_by = 'representative' WHERE nullif(trim(representative_name), '') IS NOT NULL`,
    );
    await db.query(`
      ALTER TABLE consents
        ADD CONSTRAINT consents_representative_named
          CHECK (signed_by = 'client' OR nullif(trim(representative_name), '') IS NOT NULL),
        ADD CONSTRAINT consents_revocation_acknowledged CHECK (revocation_statement_acknowledged)`);
    await db.query(`
      ALTER TABLE disclosures
        ALTER COLUMN referral_id DROP NOT NULL,
        ADD COLUMN channel text NOT NULL DEFAULT 'referral'
          CHECK (channel IN ('referral', 'phone', 'fax', 'print', 'recipient_link')),
        ADD COLUMN purpose text,
        ADD COLUMN recipient_contact text,
        ADD COLUMN elements text[] NOT NULL DEFAULT '{}'`);
    // Disclosures recorded before this migration kept only the consent's scope; say so rather than guess.
    await db.query(`
      UPDATE disclosures d SET purpose = k.purpose
        FROM consents k WHERE k.id = d.consent_id AND d.purpose IS NULL`);
    await db.query(`ALTER TABLE disclosures ALTER COLUMN purpose SET NOT NULL`);
    await db.query(`ALTER TABLE disclosures ALTER COLUMN channel DROP DEFAULT`);
    await db.query(`
      ALTER TABLE disclosures ADD CONSTRAINT disclosures_referral_channel
        CHECK ((channel IN ('referral', 'recipient_link')) = (referral_id IS NOT NULL))`);
    // Sending a referral discloses once; a recipient link may be opened (and so disclose) again.
    await db.query(`DROP INDEX disclosures_once`);
    await db.query(
      `CREATE UNIQUE INDEX disclosures_once ON disclosures (referral_id) WHERE channel = 'referral'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM disclosures WHERE referral_id IS NULL OR channel <> 'referral'`);
    await db.query(`DROP INDEX disclosures_once`);
    await db.query(`CREATE UNIQUE INDEX disclosures_once ON disclosures (referral_id)`);
    await db.query(`ALTER TABLE disclosures DROP CONSTRAINT disclosures_referral_channel`);
    await db.query(`
      ALTER TABLE disclosures
        ALTER COLUMN referral_id SET NOT NULL,
        DROP COLUMN elements, DROP COLUMN recipient_contact, DROP COLUMN purpose, DROP COLUMN channel`);
    await db.query(`
      ALTER TABLE consents
        DROP CONSTRAINT consents_revocation_acknowledged, DROP CONSTRAINT consents_representative_named,
        DROP COLUMN revocation_note, DROP COLUMN revocation_method, DROP COLUMN elements,
        DROP COLUMN recipient_is_covered_entity, DROP COLUMN revocation_statement_acknowledged,
        DROP COLUMN signed_by`);
    await db.query(`ALTER TABLE resources DROP COLUMN treating_provider`);
  }
}
