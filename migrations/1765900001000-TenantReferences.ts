import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  convertToTenantReference,
  SINGLE_COLUMN_TENANT_REFERENCES_SQL,
  SingleColumnReference,
} from './tenant';

/**
 * Every reference between tenant tables becomes `(organization_id, x_id)`, found in the catalog so
 * tables added by earlier migrations are all covered; new migrations use tenantReference().
 */
export class TenantReferences1765900001000 implements MigrationInterface {
  name = 'TenantReferences1765900001000';

  async up(db: QueryRunner): Promise<void> {
    const refs = (await db.query(SINGLE_COLUMN_TENANT_REFERENCES_SQL)) as SingleColumnReference[];
    for (const ref of refs) await convertToTenantReference(db, ref);
  }

  async down(): Promise<void> {
    // The composite keys are strictly stronger; going back would only reopen the gap.
  }
}
