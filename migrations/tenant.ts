import type { QueryRunner } from 'typeorm';

/** The restricted role the API signs in as; schema changes run as the owner. */
export const APP_ROLE = 'peerpath_app';

/**
 * History: rows that record what happened and never change afterwards (HIPAA §164.312(b) audit
 * controls, 42 CFR §2.24 accounting of disclosures). Each entry names the columns the app may still
 * fill exactly once, while the first of them is empty (closing an assignment, reviewing a grant);
 * every other column, and the row itself, is fixed once written.
 */
export const HISTORY_TABLES: Readonly<Record<string, readonly string[]>> = {
  audit_events: [],
  client_status_events: [],
  client_assignments: ['ended_at'],
  referral_events: [],
  disclosures: [],
  contact_addenda: [],
  clinical_note_addenda: [],
  contact_reviews: [],
  goal_progress_notes: [],
  emergency_access: ['reviewed_at', 'reviewed_by', 'review_comment'],
};

/** A table named like this is history unless listed above; the catalog test holds new ones to it. */
export const HISTORY_NAME = /(_events|_history|_addenda|^addenda|disclosures|_attempts|_views|_log)$/;

export function isHistoryTable(table: string): boolean {
  return table in HISTORY_TABLES || HISTORY_NAME.test(table);
}

/** Row-level security by organization: the app role sees and writes only the pinned organization's rows. */
export async function enableTenantRls(db: QueryRunner, table: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(
    `CREATE POLICY ${table}_tenant ON ${table} USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org())`,
  );
}

/**
 * A reference from one tenant table to another that includes the organization. PostgreSQL checks
 * foreign keys without row-level security, so a single-column key would let an organization-A row
 * point at an organization-B row; `(organization_id, column)` cannot.
 */
export async function tenantReference(
  db: QueryRunner,
  table: string,
  column: string,
  parent: string,
  options: { onDelete?: 'CASCADE' | 'RESTRICT' } = {},
): Promise<void> {
  await ensureTenantKey(db, parent, 'id');
  const onDelete = options.onDelete ? ` ON DELETE ${options.onDelete}` : '';
  await db.query(
    `ALTER TABLE ${table} ADD CONSTRAINT ${constraintName(table, column)}
       FOREIGN KEY (organization_id, ${column}) REFERENCES ${parent} (organization_id, id)${onDelete}`,
  );
}

/** `UNIQUE (organization_id, key)` on a parent table, so children can reference both together. */
export async function ensureTenantKey(db: QueryRunner, table: string, key: string): Promise<void> {
  const name = `${table}_org_${key}_key`.slice(0, 63);
  await db.query(
    `DO $$ BEGIN
       IF NOT EXISTS (
         SELECT 1 FROM pg_constraint c
          WHERE c.conrelid = '${table}'::regclass AND c.contype IN ('u', 'p')
            AND c.conkey::int2[] = ARRAY[
              (SELECT attnum FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = 'organization_id'),
              (SELECT attnum FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = '${key}')]::int2[])
       THEN ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE (organization_id, ${key});
       END IF;
     END $$`,
  );
}

function constraintName(table: string, column: string): string {
  return `${table}_${column}_fkey`.slice(0, 63);
}

/**
 * History for the app role: no UPDATE, DELETE or TRUNCATE grant, and triggers that refuse them
 * anyway (a later GRANT cannot reopen it). `closable` columns may be filled once, as one step.
 * The table's owner (migrations, maintenance) is not bound by the triggers.
 */
export async function makeAppendOnly(
  db: QueryRunner,
  table: string,
  closable: readonly string[] = [],
): Promise<void> {
  await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${APP_ROLE}`);
  if (closable.length) await db.query(`GRANT UPDATE (${closable.join(', ')}) ON ${table} TO ${APP_ROLE}`);
  const args = closable.map((c) => `'${c}'`).join(', ');
  await db.query(`DROP TRIGGER IF EXISTS ${table}_history_rows ON ${table}`);
  await db.query(`DROP TRIGGER IF EXISTS ${table}_history_truncate ON ${table}`);
  await db.query(
    `CREATE TRIGGER ${table}_history_rows BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION history_append_only(${args})`,
  );
  await db.query(
    `CREATE TRIGGER ${table}_history_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()`,
  );
}

/** The trigger function behind makeAppendOnly; created once, by the migration that introduces it. */
export const HISTORY_FUNCTION_SQL = `
  CREATE OR REPLACE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    owner_role oid := (SELECT relowner FROM pg_class WHERE oid = TG_RELID);
  BEGIN
    IF pg_has_role(current_user, owner_role, 'USAGE') THEN
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_NARGS > 0
       AND to_jsonb(OLD) ->> TG_ARGV[0] IS NULL
       AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is history: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
  END $$`;

/**
 * Every single-column foreign key from a tenant table (one with organization_id) to another tenant
 * table: the references row-level security cannot guard. Read by the migration that converts them
 * and by the catalog test that keeps the list empty.
 */
export const SINGLE_COLUMN_TENANT_REFERENCES_SQL = `
  SELECT c.conname, c.conrelid::regclass::text AS child, a.attname AS column,
         c.confrelid::regclass::text AS parent, pa.attname AS parent_column,
         c.confdeltype AS on_delete, c.condeferrable AS deferrable, c.condeferred AS deferred
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
   WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
     AND c.connamespace = 'public'::regnamespace
     AND a.attname <> 'organization_id'
     AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = c.conrelid AND o.attname = 'organization_id' AND NOT o.attisdropped)
     AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = c.confrelid AND o.attname = 'organization_id' AND NOT o.attisdropped)
   ORDER BY 2, 3`;

export interface SingleColumnReference {
  conname: string;
  child: string;
  column: string;
  parent: string;
  parent_column: string;
  on_delete: string;
  deferrable: boolean;
  deferred: boolean;
}

/** Replaces one single-column tenant reference by `(organization_id, column)`, keeping its name and actions. */
export async function convertToTenantReference(db: QueryRunner, ref: SingleColumnReference): Promise<void> {
  await ensureTenantKey(db, ref.parent, ref.parent_column);
  const onDelete =
    {
      a: '',
      r: ' ON DELETE RESTRICT',
      c: ' ON DELETE CASCADE',
      n: ` ON DELETE SET NULL (${ref.column})`,
      d: ` ON DELETE SET DEFAULT (${ref.column})`,
    }[ref.on_delete] ?? '';
  const timing = ref.deferrable ? ` DEFERRABLE INITIALLY ${ref.deferred ? 'DEFERRED' : 'IMMEDIATE'}` : '';
  await db.query(
    `ALTER TABLE ${ref.child} DROP CONSTRAINT ${ref.conname},
       ADD CONSTRAINT ${ref.conname} FOREIGN KEY (organization_id, ${ref.column})
       REFERENCES ${ref.parent} (organization_id, ${ref.parent_column})${onDelete}${timing}`,
  );
}
