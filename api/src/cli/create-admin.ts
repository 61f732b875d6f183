import { DataSource } from 'typeorm';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { pinOrganization } from '../database/organization';

export interface NewOrganization {
  organization: string;
  email: string;
  name: string;
  password: string;
}

/** Creates an organization with its first administrator, as the database owner, in one transaction. */
export async function createOrganizationAdmin(ownerUrl: string, input: NewOrganization): Promise<string> {
  const weakness = passwordProblem(input.password, [input.email, input.name, input.organization]);
  if (weakness) throw new Error(weakness);
  const db = new DataSource({ type: 'postgres', url: ownerUrl });
  await db.initialize();
  try {
    return await db.transaction(async (em) => {
      const taken = (await em.query('SELECT 1 FROM find_sign_in($1)', [input.email])) as unknown[];
      if (taken.length) throw new Error('A staff account with this email already exists.');
      const [{ id }] = (await em.query('INSERT INTO organizations (name) VALUES ($1) RETURNING id', [
        input.organization,
      ])) as { id: string }[];
      await pinOrganization(em, id);
      const hash = await hashPassword(input.password);
      await em.query(
        `INSERT INTO users (organization_id, email, name, role, password_hash) VALUES ($1, lower($2), $3, 'admin', $4)`,
        [id, input.email.trim(), input.name, hash],
      );
      await em.query(
        `INSERT INTO audit_events (organization_id, action, entity_type, entity_id, outcome)
         VALUES ($1, 'organization.create', 'organization', $1, 'success')`,
        [id],
      );
      return id;
    });
  } finally {
    await db.destroy();
  }
}
