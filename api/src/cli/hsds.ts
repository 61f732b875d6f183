import { DataSource, EntityManager } from 'typeorm';
import { pinOrganization } from '../database/organization';
import { exportHsds, importHsds, ImportReport } from '../resources/hsds';

/** Runs `work` as the owner inside one transaction pinned to the named organization. */
async function inOrganization<T>(
  ownerUrl: string,
  organization: string,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const db = new DataSource({ type: 'postgres', url: ownerUrl });
  await db.initialize();
  try {
    return await db.transaction(async (em) => {
      const orgs = (await em.query('SELECT id FROM organizations WHERE name = $1', [organization])) as {
        id: string;
      }[];
      if (orgs.length !== 1) throw new Error(`no organization named "${organization}"`);
      await pinOrganization(em, orgs[0].id);
      return work(em);
    });
  } finally {
    await db.destroy();
  }
}

export function importDirectory(
  ownerUrl: string,
  organization: string,
  folder: string,
): Promise<ImportReport> {
  return inOrganization(ownerUrl, organization, async (em) => {
    const [{ id }] = (await em.query('SELECT app_current_org() AS id')) as { id: string }[];
    const report = await importHsds(em, id, folder);
    await em.query(
      `INSERT INTO audit_events (organization_id, action, entity_type, outcome) VALUES ($1, 'resource.import', 'resource', 'success')`,
      [id],
    );
    return report;
  });
}

export function exportDirectory(ownerUrl: string, organization: string, folder: string): Promise<number> {
  return inOrganization(ownerUrl, organization, (em) => exportHsds(em, folder));
}
