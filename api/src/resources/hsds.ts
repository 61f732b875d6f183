import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromCsv, toCsv } from '../common/csv';
import { isEmail, isURL } from 'class-validator';
import { Need, NEEDS, ResourceStatus } from '@peerpath/contracts';
import { EntityManager } from 'typeorm';

/**
 * Open Referral HSDS 3.0 tabular data packages: one resource per HSDS service, keyed by the
 * service id so a re-import updates instead of duplicating. Needs travel as taxonomy terms whose
 * code is a PeerPath need. A treating-provider relationship (42 CFR 2.31(a)(4)) travels the same way:
 * an attribute linking the service to the term whose code is `treating_provider` (taxonomy
 * `peerpath-relationship`).
 */
export const TREATING_PROVIDER_TERM = {
  id: 'relationship-treating-provider',
  code: 'treating_provider',
  name: 'Treating provider',
  taxonomy: 'peerpath-relationship',
} as const;
type Row = Record<string, string>;

export interface Rejected {
  file: string;
  id: string;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  rejected: Rejected[];
}

const STATUS: Record<string, ResourceStatus> = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'inactive',
  'temporarily closed': 'temporarily_closed',
  temporarily_closed: 'temporarily_closed',
};

function read(folder: string, file: string): Row[] {
  const path = join(folder, file);
  if (!existsSync(path)) return [];
  return fromCsv(readFileSync(path, 'utf8'));
}

const byKey = (rows: Row[], key: string) => {
  const map = new Map<string, Row[]>();
  for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return map;
};

export async function importHsds(
  em: EntityManager,
  organizationId: string,
  folder: string,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, rejected: [] };
  const services = read(folder, 'services.csv');
  if (!services.length) throw new Error(`no services.csv with rows in ${folder}`);
  const orgs = new Map(read(folder, 'organizations.csv').map((o) => [o.id, o]));
  const phones = byKey(read(folder, 'phones.csv'), 'service_id');
  const languages = byKey(read(folder, 'languages.csv'), 'service_id');
  const schedules = byKey(read(folder, 'schedules.csv'), 'service_id');
  const { needs, treating } = serviceAttributes(folder, report);
  const addresses = serviceAddresses(folder);

  for (const s of services) {
    const reason = rejectService(s, orgs);
    if (reason) {
      report.rejected.push({ file: 'services.csv', id: s.id || '(no id)', reason });
      continue;
    }
    const values = [
      organizationId,
      s.id,
      s.name,
      orgs.get(s.organization_id)?.name ?? null,
      s.description || null,
      needs.get(s.id) ?? [],
      phones.get(s.id)?.[0]?.number || null,
      s.email || null,
      s.url || null,
      addresses.get(s.id) ?? null,
      (schedules.get(s.id) ?? [])
        .map((x) => x.description)
        .filter(Boolean)
        .join('; ') || null,
      s.eligibility_description || null,
      s.fees_description || null,
      (languages.get(s.id) ?? []).map((l) => l.name).filter(Boolean),
      STATUS[(s.status || 'active').toLowerCase()],
      /^\d{4}-\d{2}-\d{2}$/.test(s.assured_date ?? '') ? s.assured_date : null,
      treating.has(s.id),
    ];
    const [row] = (await em.query(
      `INSERT INTO resources (organization_id, external_id, name, organization_name, description, needs, phone, email,
         website, address, hours, eligibility, fees, languages, status, last_verified_on, treating_provider)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (organization_id, external_id) DO UPDATE SET
         name = EXCLUDED.name, organization_name = EXCLUDED.organization_name, description = EXCLUDED.description,
         needs = EXCLUDED.needs, phone = EXCLUDED.phone, email = EXCLUDED.email, website = EXCLUDED.website,
         address = EXCLUDED.address, hours = EXCLUDED.hours, eligibility = EXCLUDED.eligibility, fees = EXCLUDED.fees,
         languages = EXCLUDED.languages, status = EXCLUDED.status, last_verified_on = EXCLUDED.last_verified_on,
         treating_provider = EXCLUDED.treating_provider,
         version = resources.version + 1, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      values,
    )) as { created: boolean }[];
    report[row.created ? 'created' : 'updated'] += 1;
  }
  return report;
}

function rejectService(s: Row, orgs: Map<string, Row>): string | null {
  if (!s.id) return 'id is missing';
  if (!s.name) return 'name is missing';
  if (!orgs.has(s.organization_id))
    return `organization_id ${s.organization_id || '(empty)'} is not in organizations.csv`;
  if (!STATUS[(s.status || 'active').toLowerCase()])
    return `status "${s.status}" is not an HSDS service status`;
  if (s.url && !isURL(s.url, { require_protocol: true, protocols: ['http', 'https'] }))
    return `url "${s.url}" is not a web address`;
  if (s.email && !isEmail(s.email)) return `email "${s.email}" is not an email address`;
  return null;
}

function serviceAttributes(
  folder: string,
  report: ImportReport,
): { needs: Map<string, Need[]>; treating: Set<string> } {
  const terms = new Map(read(folder, 'taxonomy_terms.csv').map((t) => [t.id, t.code]));
  const needs = new Map<string, Need[]>();
  const treating = new Set<string>();
  for (const a of read(folder, 'attributes.csv')) {
    if (a.link_type && a.link_type !== 'service') continue;
    const code = terms.get(a.taxonomy_term_id);
    if (code === TREATING_PROVIDER_TERM.code) {
      treating.add(a.link_id);
      continue;
    }
    if (!code || !(NEEDS as readonly string[]).includes(code)) {
      report.rejected.push({
        file: 'attributes.csv',
        id: a.id,
        reason: `taxonomy term ${code ?? a.taxonomy_term_id} is not a PeerPath need`,
      });
      continue;
    }
    const list = needs.get(a.link_id) ?? [];
    if (!list.includes(code as Need)) needs.set(a.link_id, [...list, code as Need]);
  }
  return { needs, treating };
}

function serviceAddresses(folder: string): Map<string, string> {
  const byLocation = new Map(
    read(folder, 'addresses.csv').map((a) => [
      a.location_id,
      [a.address_1, a.address_2, a.city, a.state_province, a.postal_code].filter(Boolean).join(', '),
    ]),
  );
  const out = new Map<string, string>();
  for (const link of read(folder, 'service_at_location.csv')) {
    const address = byLocation.get(link.location_id);
    if (address && !out.has(link.service_id)) out.set(link.service_id, address);
  }
  return out;
}

interface ResourceRow {
  id: string;
  external_id: string | null;
  name: string;
  organization_name: string | null;
  description: string | null;
  needs: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  hours: string | null;
  eligibility: string | null;
  fees: string | null;
  languages: string[];
  status: ResourceStatus;
  last_verified_on: string | null;
  treating_provider: boolean;
}

/**
 * Writes the organization's directory as an HSDS tabular package that importHsds reads back. The
 * explicit organization filter matters: the owner that runs this may bypass row-level security.
 */
export async function exportHsds(em: EntityManager, folder: string): Promise<number> {
  const rows = (await em.query(
    `SELECT id, external_id, name, organization_name, description, needs, phone, email, website, address, hours,
            eligibility, fees, languages, status, to_char(last_verified_on, 'YYYY-MM-DD') AS last_verified_on,
            treating_provider
       FROM resources WHERE organization_id = app_current_org() ORDER BY name, id`,
  )) as ResourceRow[];
  mkdirSync(folder, { recursive: true });
  const serviceId = (r: ResourceRow) => r.external_id ?? r.id;
  const orgNames = [...new Set(rows.map((r) => r.organization_name ?? r.name))];
  const orgId = (r: ResourceRow) => `org-${orgNames.indexOf(r.organization_name ?? r.name) + 1}`;
  const write = (file: string, columns: string[], data: (string | null)[][]) =>
    writeFileSync(join(folder, file), toCsv(columns, data));
  write(
    'organizations.csv',
    ['id', 'name', 'description'],
    orgNames.map((n, i) => [`org-${i + 1}`, n, null]),
  );
  write(
    'services.csv',
    [
      'id',
      'organization_id',
      'name',
      'description',
      'url',
      'email',
      'status',
      'fees_description',
      'eligibility_description',
      'assured_date',
    ],
    rows.map((r) => [
      serviceId(r),
      orgId(r),
      r.name,
      r.description,
      r.website,
      r.email,
      r.status === 'temporarily_closed' ? 'temporarily closed' : r.status,
      r.fees,
      r.eligibility,
      r.last_verified_on,
    ]),
  );
  const located = rows.filter((r) => r.address);
  write(
    'locations.csv',
    ['id', 'organization_id', 'name'],
    located.map((r) => [`loc-${serviceId(r)}`, orgId(r), r.name]),
  );
  write(
    'addresses.csv',
    ['id', 'location_id', 'address_1', 'address_type'],
    located.map((r) => [`addr-${serviceId(r)}`, `loc-${serviceId(r)}`, r.address, 'physical']),
  );
  write(
    'service_at_location.csv',
    ['id', 'service_id', 'location_id'],
    located.map((r) => [`sal-${serviceId(r)}`, serviceId(r), `loc-${serviceId(r)}`]),
  );
  write(
    'phones.csv',
    ['id', 'service_id', 'number', 'type'],
    rows.filter((r) => r.phone).map((r) => [`ph-${serviceId(r)}`, serviceId(r), r.phone, 'voice']),
  );
  write(
    'schedules.csv',
    ['id', 'service_id', 'description'],
    rows.filter((r) => r.hours).map((r) => [`sch-${serviceId(r)}`, serviceId(r), r.hours]),
  );
  write(
    'languages.csv',
    ['id', 'service_id', 'name'],
    rows.flatMap((r) => r.languages.map((l, i) => [`lang-${serviceId(r)}-${i}`, serviceId(r), l])),
  );
  write(
    'taxonomy_terms.csv',
    ['id', 'code', 'name', 'taxonomy'],
    [
      ...NEEDS.map((n) => [`need-${n}`, n, n, 'peerpath-needs']),
      [
        TREATING_PROVIDER_TERM.id,
        TREATING_PROVIDER_TERM.code,
        TREATING_PROVIDER_TERM.name,
        TREATING_PROVIDER_TERM.taxonomy,
      ],
    ],
  );
  write(
    'attributes.csv',
    ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity'],
    rows.flatMap((r) => [
      ...r.needs.map((n) => [`attr-${serviceId(r)}-${n}`, serviceId(r), `need-${n}`, 'service', 'service']),
      ...(r.treating_provider
        ? [[`attr-${serviceId(r)}-treating`, serviceId(r), TREATING_PROVIDER_TERM.id, 'service', 'service']]
        : []),
    ]),
  );
  return rows.length;
}
