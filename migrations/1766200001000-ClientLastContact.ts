import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each client carries the time of their last successful contact, kept by a trigger on contacts in
 * the same transaction as the contact: my caseload and the caseload report read it with the client
 * instead of probing the contacts index once per client (7,500 probes for a 10,000-client program's
 * report at network size). A new contact can only move it later; an edited draft recomputes it.
 *
 * The successful-contacts index also carries what the claim lines filter and sum (signed, billable,
 * modality, type, minutes, author), so a period's billed units are read from the index alone
 * instead of one heap visit per contact.
 */
export class ClientLastContact1766200001000 implements MigrationInterface {
  name = 'ClientLastContact1766200001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clients ADD COLUMN last_contact_at timestamptz(3)`);
    await db.query(`
      UPDATE clients c SET last_contact_at = k.at
        FROM (SELECT client_id, max(occurred_at) AS at FROM contacts WHERE successful GROUP BY client_id) k
       WHERE k.client_id = c.id`);
    await db.query(`
      CREATE FUNCTION client_last_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.successful THEN
            UPDATE clients SET last_contact_at = NEW.occurred_at
             WHERE id = NEW.client_id AND (last_contact_at IS NULL OR last_contact_at < NEW.occurred_at);
          END IF;
          RETURN NULL;
        END IF;
        UPDATE clients c SET last_contact_at = k.at
          FROM (SELECT max(occurred_at) AS at FROM contacts WHERE client_id = OLD.client_id AND successful) k
         WHERE c.id = OLD.client_id AND c.last_contact_at IS DISTINCT FROM k.at;
        IF TG_OP = 'UPDATE' AND NEW.client_id <> OLD.client_id THEN
          UPDATE clients c SET last_contact_at = k.at
            FROM (SELECT max(occurred_at) AS at FROM contacts WHERE client_id = NEW.client_id AND successful) k
           WHERE c.id = NEW.client_id AND c.last_contact_at IS DISTINCT FROM k.at;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER client_last_contact AFTER INSERT OR DELETE OR UPDATE OF occurred_at, successful, client_id
        ON contacts FOR EACH ROW EXECUTE FUNCTION client_last_contact()`);
    await db.query(`DROP INDEX contacts_successful`);
    await db.query(`
      CREATE INDEX contacts_successful ON contacts (client_id, occurred_at DESC)
        INCLUDE (organization_id, id, author_id, signed_at, billable, modality, contact_type, duration_minutes)
        WHERE successful`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX contacts_successful`);
    await db.query(
      `CREATE INDEX contacts_successful ON contacts (client_id, occurred_at DESC) INCLUDE (organization_id) WHERE successful`,
    );
    await db.query(`DROP TRIGGER client_last_contact ON contacts`);
    await db.query(`DROP FUNCTION client_last_contact()`);
    await db.query(`ALTER TABLE clients DROP COLUMN last_contact_at`);
  }
}
