// npm run seed:scale: a network-sized, obviously fake organization (plus a small second one) for
// benchmarks. Migrates an empty database (DATABASE_URL or the embedded one), then bulk-loads with COPY.
// Usage: npm run seed:scale -- [--seed 1] [--scale 1]
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import argon2 from 'argon2';
import { build, loadApi, openDatabase } from './lib/runtime.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SEED = Number(arg('seed', '1'));
const SCALE = Number(arg('scale', '1'));
if (!(SCALE > 0 && SCALE <= 4) || !Number.isInteger(SEED)) {
  console.error('usage: seed-scale [--seed <integer>] [--scale <0..4>]');
  process.exit(2);
}
const DAY = 86_400_000;
// Anchored to today's UTC midnight: the same seed gives the same rows relative to the day it runs.
const NOW = Math.floor(Date.now() / DAY) * DAY;
const YEARS3 = 3 * 365 * DAY;

// sfc32: small, fast and seedable, so `--seed` repeats the data exactly.
function rng(seed) {
  let a = 0x9e3779b9 ^ seed,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = 1;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}
const next = rng(SEED);
const rand = () => next() / 4294967296;
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
const hex8 = () => next().toString(16).padStart(8, '0');
function uuid() {
  const a = hex8(),
    b = hex8(),
    c = hex8(),
    d = hex8();
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[next() & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
const ts = (ms) => new Date(ms).toISOString();
const pad = (n) => String(n).padStart(2, '0');
/** Calendar days of the fake data are UTC days: no clinic's clock is involved in making them. */
const day = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const N = '\\N';

const FIRST = [
  'Avery',
  'Blake',
  'Cameron',
  'Dakota',
  'Emerson',
  'Finley',
  'Harper',
  'Jordan',
  'Kendall',
  'Logan',
  'Morgan',
  'Parker',
  'Quinn',
  'Reese',
  'Riley',
  'Rowan',
  'Sawyer',
  'Skyler',
  'Taylor',
  'Jamie',
];
const LAST = [
  'Testa',
  'Fakely',
  'Sample',
  'Placeholder',
  'Dummy',
  'Mockson',
  'Fixture',
  'Example',
  'Specimen',
  'Notreal',
  'Pretend',
  'Imaginary',
  'Scaleton',
  'Benchley',
  'Loadwell',
  'Synthetic',
];
const MODALITIES = ['in_person', 'in_person', 'phone', 'phone', 'video', 'text'];
const TYPES = [
  'check_in',
  'check_in',
  'recovery_planning',
  'crisis_support',
  'advocacy',
  'transportation',
  'group_follow_up',
  'outreach_attempt',
  'other',
];
const NEEDS = [
  'housing',
  'food',
  'employment',
  'transportation',
  'mental_health',
  'medical',
  'legal',
  'recovery_support',
];
const DOMAINS = ['housing', 'employment', 'health', 'relationships', 'recovery', 'education'];
const GROUP_TYPES = ['peer_led', 'peer_led', 'smart', 'family', 'aa', 'na', 'other'];

/** Rows are built as COPY text lines and streamed in 1 MB pieces. */
class Table {
  constructor(name, columns) {
    this.name = name;
    this.columns = columns;
    this.chunks = [];
    this.buffer = '';
    this.count = 0;
  }
  add(values) {
    this.buffer += values.map((v) => (v === null || v === undefined ? N : String(v))).join('\t') + '\n';
    this.count++;
    if (this.buffer.length > 1 << 20) {
      this.chunks.push(this.buffer);
      this.buffer = '';
    }
  }
  async load(client) {
    if (this.buffer) this.chunks.push(this.buffer);
    this.buffer = '';
    const started = performance.now();
    const sql = `COPY ${this.name} (${this.columns.join(', ')}) FROM STDIN`;
    await pipeline(Readable.from(this.chunks), client.query(copyStreams.from(sql)));
    this.chunks = [];
    console.log(
      `  ${this.name}: ${this.count} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

const T = {
  organizations: new Table('organizations', ['id', 'name', 'time_zone']),
  programs: new Table('programs', ['id', 'organization_id', 'name', 'description', 'caseload_limit']),
  users: new Table('users', [
    'id',
    'organization_id',
    'email',
    'name',
    'role',
    'password_hash',
    'created_at',
  ]),
  program_memberships: new Table('program_memberships', ['organization_id', 'program_id', 'user_id']),
  clients: new Table('clients', [
    'id',
    'organization_id',
    'program_id',
    'primary_peer_id',
    'first_name',
    'last_name',
    'date_of_birth',
    'recovery_start_date',
    'preferred_contact_method',
    'name_key',
    'status',
    'discharged_at',
    'discharge_reason',
    'created_at',
    'updated_at',
    'last_contact_at',
  ]),
  client_assignments: new Table('client_assignments', [
    'id',
    'organization_id',
    'client_id',
    'peer_id',
    'assigned_by',
    'started_at',
    'ended_at',
    'reason',
  ]),
  client_status_events: new Table('client_status_events', [
    'id',
    'organization_id',
    'client_id',
    'status',
    'reason',
    'actor_id',
    'at',
  ]),
  contacts: new Table('contacts', [
    'id',
    'organization_id',
    'client_id',
    'author_id',
    'occurred_at',
    'duration_minutes',
    'modality',
    'contact_type',
    'successful',
    'billable',
    'note',
    'billing_units',
    'signed_at',
    'created_at',
    'updated_at',
  ]),
  resources: new Table('resources', ['id', 'organization_id', 'external_id', 'name', 'needs', 'status']),
  consents: new Table('consents', [
    'id',
    'organization_id',
    'client_id',
    'disclosing_party',
    'general_designation',
    'purpose',
    'information',
    'signed_at',
    'expires_at',
    'created_by',
    'created_at',
  ]),
  referrals: new Table('referrals', [
    'id',
    'organization_id',
    'client_id',
    'resource_id',
    'need',
    'urgency',
    'status',
    'follow_up_on',
    'created_by',
    'created_at',
    'updated_at',
  ]),
  referral_events: new Table('referral_events', [
    'id',
    'organization_id',
    'referral_id',
    'status',
    'actor_id',
    'at',
  ]),
  groups: new Table('groups', [
    'id',
    'organization_id',
    'program_id',
    'name',
    'type',
    'schedule',
    'created_at',
  ]),
  group_facilitators: new Table('group_facilitators', ['organization_id', 'group_id', 'user_id']),
  group_roster: new Table('group_roster', [
    'id',
    'organization_id',
    'group_id',
    'client_id',
    'added_at',
    'added_by',
    'removed_at',
    'removed_by',
  ]),
  group_sessions: new Table('group_sessions', [
    'id',
    'organization_id',
    'group_id',
    'date',
    'start_time',
    'duration_minutes',
    'topic',
    'created_by',
    'created_at',
  ]),
  attendance: new Table('attendance', [
    'organization_id',
    'session_id',
    'client_id',
    'status',
    'recorded_by',
    'recorded_at',
    'session_date',
  ]),
  goals: new Table('goals', [
    'id',
    'organization_id',
    'client_id',
    'domain',
    'description',
    'target_date',
    'status',
    'achieved_at',
    'created_by',
    'created_at',
    'updated_at',
  ]),
  assessments: new Table('assessments', [
    'id',
    'organization_id',
    'client_id',
    'instrument',
    'items',
    'total',
    'taken_at',
    'recorded_by',
    'created_at',
  ]),
  audit_events: new Table('audit_events', [
    'id',
    'organization_id',
    'at',
    'actor_id',
    'actor_role',
    'action',
    'entity_type',
    'entity_id',
    'client_id',
    'outcome',
    'ip',
    'request_id',
  ]),
};

/**
 * One organization. `size.clients` clients over `size.programs` programs; the first program is the
 * largest (a fifth of the peers and clients), with the well-known sign-ins.
 */
function organization(o, hash) {
  const orgId = uuid();
  T.organizations.add([orgId, o.name, 'America/Chicago']);
  const programs = [];
  const peersPer = [];
  for (let p = 0; p < o.programs; p++) {
    const id = uuid();
    programs.push(id);
    T.programs.add([id, orgId, `${o.label} Program ${p + 1} (fake)`, 'Synthetic scale data', 200]);
    peersPer.push(p === 0 ? Math.round(o.peers / 5) : 0);
  }
  const rest = o.peers - peersPer[0];
  for (let p = 1; p < o.programs; p++)
    peersPer[p] = Math.floor(rest / (o.programs - 1)) + (p <= rest % (o.programs - 1) ? 1 : 0);
  if (o.programs === 1) peersPer[0] = o.peers;

  const staff = [];
  const addUser = (email, name, role, programIds) => {
    const id = uuid();
    T.users.add([id, orgId, email, name, role, hash, ts(NOW - YEARS3 - 30 * DAY)]);
    for (const pid of programIds) T.program_memberships.add([orgId, pid, id]);
    staff.push({ id, role });
    return id;
  };
  const peersByProgram = programs.map(() => []);
  let peerNo = 0;
  for (let p = 0; p < o.programs; p++)
    for (let i = 0; i < peersPer[p]; i++, peerNo++) {
      const email = peerNo === 0 ? `peer@${o.domain}` : `peer${peerNo}@${o.domain}`;
      peersByProgram[p].push(addUser(email, `Peer ${peerNo} (fake)`, 'peer', [programs[p]]));
    }
  const managers = [];
  for (let i = 0; i < o.managers; i++) {
    const p = i % o.programs;
    managers.push(
      addUser(i === 0 ? `manager@${o.domain}` : `manager${i}@${o.domain}`, `Manager ${i} (fake)`, 'manager', [
        programs[p],
      ]),
    );
  }
  if (o.director) addUser(`director@${o.domain}`, 'Director (fake)', 'manager', programs);
  for (let i = 0; i < o.clinicians; i++)
    addUser(
      i === 0 ? `clinician@${o.domain}` : `clinician${i}@${o.domain}`,
      `Clinician ${i} (fake)`,
      'clinician',
      [programs[i % o.programs]],
    );
  for (let i = 0; i < o.admins; i++)
    addUser(i === 0 ? `admin@${o.domain}` : `admin${i}@${o.domain}`, `Admin ${i} (fake)`, 'admin', programs);

  // Resources for referrals.
  const resources = [];
  for (let i = 0; i < 500; i++) {
    const id = uuid();
    resources.push(id);
    T.resources.add([id, orgId, `scale-${i}`, `Fake Resource ${i}`, `{${pick(NEEDS)}}`, 'active']);
  }

  // Clients: the first peer carries exactly 150 active clients with years of history.
  const clients = [];
  const peerShare = peersPer.map((n) => n / o.peers);
  for (let p = 0; p < o.programs; p++) {
    const count = Math.round(o.clients * peerShare[p]);
    const peers = peersByProgram[p];
    for (let i = 0; i < count; i++) {
      const star = p === 0 && i < 150 && o.star;
      const peer = star ? peers[0] : peers.length > 1 ? peers[1 + int(peers.length - 1)] : peers[0];
      const start = star ? NOW - YEARS3 + rand() * 2 * 365 * DAY : NOW - YEARS3 + rand() * (YEARS3 - 7 * DAY);
      const discharged =
        !star && rand() < 0.25 ? start + 30 * DAY + rand() * Math.max(NOW - start - 31 * DAY, DAY) : null;
      clients.push({ id: uuid(), program: programs[p], peer, start, end: discharged ?? NOW, discharged, p });
    }
  }
  let totalWeeks = 0;
  for (const c of clients) totalWeeks += (c.end - c.start) / (7 * DAY);
  const contactRate = o.contacts / totalWeeks;

  const manager0 = managers[0];
  for (const c of clients) {
    const first = pick(FIRST);
    const last = `${pick(LAST)}${int(1000)}`;
    // Added after the contacts, with the last successful one (what the contacts trigger keeps).
    const clientRow = [
      c.id,
      orgId,
      c.program,
      c.peer,
      first,
      last,
      day(NOW - (20 + int(45)) * 365 * DAY - int(365) * DAY),
      rand() < 0.8 ? day(c.start - int(200) * DAY) : null,
      pick(['phone', 'text', 'email', 'in_person']),
      `${first} ${last}`.toLowerCase(),
      c.discharged ? 'discharged' : 'active',
      c.discharged ? ts(c.discharged) : null,
      c.discharged ? 'Completed program (fake)' : null,
      ts(c.start),
      ts(c.discharged ?? c.start),
    ];
    // Caseload history: a fifth changed peer once.
    const moved = rand() < 0.2 && c.end - c.start > 60 * DAY;
    const handover = c.start + (c.end - c.start) / 2;
    if (moved) {
      T.client_assignments.add([
        uuid(),
        orgId,
        c.id,
        pick(peersByProgram[c.p]),
        manager0,
        ts(c.start),
        ts(handover),
        'Caseload balancing (fake)',
      ]);
    }
    T.client_assignments.add([
      uuid(),
      orgId,
      c.id,
      c.peer,
      manager0,
      ts(moved ? handover : c.start),
      c.discharged ? ts(c.discharged) : null,
      moved ? 'Caseload balancing (fake)' : null,
    ]);
    T.client_status_events.add([uuid(), orgId, c.id, 'admitted', null, manager0, ts(c.start)]);
    if (c.discharged)
      T.client_status_events.add([
        uuid(),
        orgId,
        c.id,
        'discharged',
        'Completed program (fake)',
        c.peer,
        ts(c.discharged),
      ]);

    const weeks = (c.end - c.start) / (7 * DAY);
    const n = Math.floor(weeks * contactRate + rand());
    let lastContact = null;
    for (let k = 0; k < n; k++) {
      const at = c.start + rand() * (c.end - c.start);
      const minutes = 5 + int(12) * 5;
      const successful = rand() < 0.82;
      if (successful && !(lastContact > at)) lastContact = at;
      const draft = at > NOW - 7 * DAY && rand() < 0.3;
      T.contacts.add([
        uuid(),
        orgId,
        c.id,
        c.peer,
        ts(at),
        minutes,
        pick(MODALITIES),
        pick(TYPES),
        successful ? 't' : 'f',
        't',
        'Fake scale contact note.',
        minutes >= 8 ? Math.floor((minutes + 7) / 15) : 0,
        draft ? N : ts(at + 3600_000),
        ts(at),
        ts(at),
      ]);
    }
    T.clients.add([...clientRow, lastContact === null ? null : ts(lastContact)]);
    // One consent; referrals, goals and assessments in proportion to the stay.
    T.consents.add([
      uuid(),
      orgId,
      c.id,
      `${o.label} (fake)`,
      'Our treating providers',
      'Care coordination',
      'Referral details',
      day(c.start),
      day(c.start + 365 * DAY),
      c.peer,
      ts(c.start),
    ]);
    const referrals = Math.floor((o.referrals / clients.length) * (0.5 + rand()));
    for (let r = 0; r < referrals; r++) {
      const id = uuid();
      const at = c.start + rand() * (c.end - c.start);
      const roll = rand();
      const status =
        roll < 0.05
          ? 'draft'
          : roll < 0.2
            ? 'sent'
            : roll < 0.3
              ? 'accepted'
              : roll < 0.7
                ? 'completed'
                : pick(['declined', 'no_show', 'cancelled']);
      const updated = status === 'draft' ? at : Math.min(at + (1 + int(40)) * DAY, NOW - DAY);
      T.referrals.add([
        id,
        orgId,
        c.id,
        pick(resources),
        pick(NEEDS),
        pick(['routine', 'routine', 'soon', 'urgent']),
        status,
        status === 'sent' || status === 'accepted' ? day(at + 14 * DAY) : null,
        c.peer,
        ts(at),
        ts(updated),
      ]);
      T.referral_events.add([uuid(), orgId, id, 'draft', c.peer, ts(at)]);
      if (status !== 'draft') T.referral_events.add([uuid(), orgId, id, 'sent', c.peer, ts(at + 3600_000)]);
      if (status !== 'draft' && status !== 'sent')
        T.referral_events.add([uuid(), orgId, id, status, c.peer, ts(updated)]);
    }
    const goals = 1 + int(5);
    for (let g = 0; g < goals; g++) {
      const at = c.start + rand() * (c.end - c.start);
      const achieved = rand() < 0.4 ? Math.min(at + (10 + int(120)) * DAY, NOW - DAY) : null;
      T.goals.add([
        uuid(),
        orgId,
        c.id,
        pick(DOMAINS),
        'Fake recovery goal',
        day(at + 90 * DAY),
        achieved ? 'achieved' : pick(['active', 'active', 'paused', 'dropped']),
        achieved ? ts(achieved) : null,
        c.peer,
        ts(at),
        ts(achieved ?? at),
      ]);
    }
    const assessments = 1 + int(5);
    for (let a = 0; a < assessments; a++) {
      const items = Array.from({ length: 10 }, () => 1 + int(6));
      const at = c.start + (a / assessments) * (c.end - c.start) + rand() * DAY;
      T.assessments.add([
        uuid(),
        orgId,
        c.id,
        'barc10',
        `{${items.join(',')}}`,
        items.reduce((s, x) => s + x, 0),
        ts(at),
        c.peer,
        ts(at),
      ]);
    }
  }

  // Groups meet weekly for three years; about two in five clients join one for their stay.
  const groupsPerProgram = peersPer.map((n) => Math.max(1, Math.round((o.groups * n) / o.peers)));
  const groupsByProgram = programs.map(() => []);
  for (let p = 0; p < o.programs; p++)
    for (let g = 0; g < groupsPerProgram[p]; g++) {
      const id = uuid();
      const weekday = int(7);
      const facilitator = g === 0 && p === 0 && o.star ? peersByProgram[p][0] : pick(peersByProgram[p]);
      T.groups.add([
        id,
        orgId,
        programs[p],
        `Fake Group ${p + 1}.${g + 1}`,
        pick(GROUP_TYPES),
        'Weekly (fake)',
        ts(NOW - YEARS3 - 7 * DAY),
      ]);
      T.group_facilitators.add([orgId, id, facilitator]);
      groupsByProgram[p].push({ id, weekday, facilitator, members: [] });
    }
  for (const c of clients) {
    const star = c.peer === peersByProgram[0][0] && o.star;
    if (!star && rand() > 0.4) continue;
    const group = star
      ? groupsByProgram[0][int(Math.min(3, groupsByProgram[0].length))]
      : pick(groupsByProgram[c.p]);
    group.members.push(c);
    T.group_roster.add([
      uuid(),
      orgId,
      group.id,
      c.id,
      ts(c.start),
      c.peer,
      c.discharged ? ts(c.discharged) : null,
      c.discharged ? c.peer : null,
    ]);
  }
  let memberWeeks = 0;
  for (const c of clients) memberWeeks += (c.end - c.start) / (7 * DAY);
  const attendProbability = Math.min(1, o.attendance / (memberWeeks * 0.4 * 0.9));
  for (const gs of groupsByProgram)
    for (const g of gs) {
      const firstDay = Math.floor((NOW - YEARS3) / DAY) + g.weekday;
      for (let d = firstDay; d * DAY < NOW; d += 7) {
        const at = d * DAY + 18 * 3600_000;
        const sessionId = uuid();
        T.group_sessions.add([
          sessionId,
          orgId,
          g.id,
          day(d * DAY),
          '18:00:00',
          60 + 30 * int(2),
          'Fake topic',
          g.facilitator,
          ts(at),
        ]);
        const taken = ts(at + 2 * 3600_000);
        for (const c of g.members) {
          if (c.start > at || c.end < at || rand() > attendProbability) continue;
          const roll = rand();
          const status = roll < 0.7 ? 'present' : roll < 0.78 ? 'late' : roll < 0.85 ? 'excused' : 'absent';
          T.attendance.add([orgId, sessionId, c.id, status, g.facilitator, taken, day(d * DAY)]);
        }
      }
    }

  const actions = [
    'client.read',
    'timeline.read',
    'caseload.read',
    'contact.create',
    'referral.read',
    'report.caseloads',
  ];
  for (let i = 0; i < o.audit; i++) {
    const c = pick(clients);
    const actor = pick(staff);
    T.audit_events.add([
      uuid(),
      orgId,
      ts(NOW - rand() * YEARS3),
      actor.id,
      actor.role,
      pick(actions),
      'client',
      c.id,
      c.id,
      'success',
      '127.0.0.1',
      `scale-${i}`,
    ]);
  }
  return clients.length;
}

const ALL = Object.values(T);

async function main() {
  if (process.env.SKIP_BUILD !== 'true') build(['api']);
  const api = loadApi();
  const db = await openDatabase(api);
  const started = performance.now();
  try {
    const config = api.loadConfig(db.url);
    await api.migrate(db.url, config.appRolePassword);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM organizations')).rows;
      if (count > 0) throw new Error('seed:scale loads only into an empty database (no organizations yet).');
      const hash = await argon2.hash(api.demoPassword(), {
        type: argon2.argon2id,
        memoryCost: 19 * 1024,
        timeCost: 2,
        parallelism: 1,
      });
      const s = (n) => Math.max(1, Math.round(n * SCALE));
      organization(
        {
          name: 'Scale Recovery Network (fake)',
          label: 'Network',
          domain: 'scale.test',
          programs: 10,
          peers: 250,
          managers: 10,
          clinicians: 25,
          admins: 14,
          director: true,
          star: true,
          clients: s(50_000),
          contacts: s(2_500_000),
          referrals: s(250_000),
          attendance: s(1_000_000),
          audit: s(500_000),
          groups: 400,
        },
        hash,
      );
      organization(
        {
          name: 'Scale Other Clinic (fake)',
          label: 'Other',
          domain: 'other-scale.test',
          programs: 1,
          peers: 25,
          managers: 1,
          clinicians: 2,
          admins: 1,
          director: false,
          star: false,
          clients: s(5_000),
          contacts: s(250_000),
          referrals: s(25_000),
          attendance: s(100_000),
          audit: s(50_000),
          groups: 40,
        },
        hash,
      );
      console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s; loading`);
      await client.query('BEGIN');
      // Bulk load: foreign-key triggers off (the generator keeps references whole), secondary
      // indexes built once at the end instead of row by row.
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      const names = ALL.map((t) => t.name);
      const { rows: indexes } = await client.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
        [names],
      );
      for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
      for (const t of ALL) await t.load(client);
      const indexing = performance.now();
      for (const i of indexes) await client.query(i.indexdef);
      console.log(`  ${indexes.length} indexes in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
      await client.query('COMMIT');
      await client.query('VACUUM ANALYZE');
    } finally {
      await client.end();
    }
    console.log(
      `seed:scale done in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED}, scale ${SCALE})`,
    );
  } finally {
    await db.stop();
  }
}

await main();
