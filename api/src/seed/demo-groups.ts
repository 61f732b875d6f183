import { DEFAULT_TIME_ZONE, localDate } from '@peerpath/contracts';
import { EntityManager } from 'typeorm';
import { AttendanceStatus } from '@peerpath/contracts';

const DAY = 86_400_000;

interface DemoGroup {
  name: string;
  type: 'smart' | 'peer_led' | 'na';
  facilitator: string;
  weekday: number;
  time: string;
  minutes: number;
  schedule: string;
  location: string | null;
  videoLink: string | null;
  topics: string[];
}

const GROUPS: DemoGroup[] = [
  {
    name: 'SMART Recovery Tuesday Evening (demo)',
    type: 'smart',
    facilitator: 'peer@demo.test',
    weekday: 2,
    time: '18:00',
    minutes: 90,
    schedule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=18;BYMINUTE=0',
    location: 'Community room B (demo)',
    videoLink: null,
    topics: [
      'Cost-benefit analysis',
      'Urge surfing',
      'ABCs of REBT',
      'Building motivation',
      'Coping with urges',
    ],
  },
  {
    name: 'Peer Circle Thursday Noon (demo)',
    type: 'peer_led',
    facilitator: 'peer2@demo.test',
    weekday: 4,
    time: '12:00',
    minutes: 60,
    schedule: 'Thursdays 12:00–13:00',
    location: null,
    videoLink: 'https://meet.example.test/peer-circle-demo',
    topics: [
      'Check-in and gratitude',
      'Boundaries',
      'Family and holidays',
      'Finding work',
      'Sleep and stress',
    ],
  },
  // An open community meeting the clinic hosts: attendance is kept, but a fellowship meeting never bills.
  {
    name: 'Open NA Meeting Friday Night (demo)',
    type: 'na',
    facilitator: 'peer2@demo.test',
    weekday: 5,
    time: '19:00',
    minutes: 60,
    schedule: 'Fridays 19:00–20:00',
    location: 'Community room A (demo)',
    videoLink: null,
    topics: ['Just for today', 'Living clean', 'Step one', 'Sponsorship', 'Gratitude'],
  },
];

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Two weekly groups of the demo clinic and the open NA meeting it hosts (which never bills), with
 * rosters drawn from both peers' caseloads, ten weeks of sessions with attendance up to this week,
 * the next session planned, and community meetings. Two clients have missed their last two
 * sessions, so "my caseload" shows the flag; late arrivals have their minutes attended.
 */
export async function seedGroups(em: EntityManager, org: { id: string; programId: string }): Promise<void> {
  const staff = (await em.query(
    `SELECT id, email FROM users WHERE organization_id = $1 AND email IN ('peer@demo.test', 'peer2@demo.test')`,
    [org.id],
  )) as { id: string; email: string }[];
  if (staff.length < 2) return;
  const peerOf = new Map(staff.map((s) => [s.email, s.id]));
  const caseload = async (peerId: string) =>
    (
      (await em.query(
        `SELECT id FROM clients WHERE primary_peer_id = $1 AND status = 'active' ORDER BY name_key, id`,
        [peerId],
      )) as { id: string }[]
    ).map((r) => r.id);
  const first = await caseload(peerOf.get('peer@demo.test') as string);
  const second = await caseload(peerOf.get('peer2@demo.test') as string);
  const rosters = [
    [...first.slice(0, 5), ...second.slice(0, 3)],
    [...second.slice(3, 8), ...first.slice(5, 8)],
    [...first.slice(8, 11), ...second.slice(8, 10)],
  ];
  for (const [g, spec] of GROUPS.entries()) {
    const facilitator = peerOf.get(spec.facilitator) as string;
    await seedGroup(em, org, spec, facilitator, rosters[g], random(31 + g * 17));
  }
  await seedCommunityMeetings(em, org.id, [...first.slice(0, 4), ...second.slice(0, 3)], peerOf);
}

async function seedGroup(
  em: EntityManager,
  org: { id: string; programId: string },
  spec: DemoGroup,
  facilitator: string,
  roster: string[],
  rnd: () => number,
): Promise<void> {
  const [{ id: groupId }] = (await em.query(
    `INSERT INTO groups (organization_id, program_id, name, type, schedule, location, video_link, capacity, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 12, now() - interval '90 days') RETURNING id`,
    [org.id, org.programId, spec.name, spec.type, spec.schedule, spec.location, spec.videoLink],
  )) as { id: string }[];
  await em.query(
    `INSERT INTO group_facilitators (organization_id, group_id, user_id, position) VALUES ($1, $2, $3, 0)`,
    [org.id, groupId, facilitator],
  );
  const latest = lastWeekday(spec.weekday);
  const weeks = 10;
  const startOf = (k: number) => new Date(`${isoDate(latest - k * 7 * DAY)}T${spec.time}:00Z`);
  for (const clientId of roster) {
    await em.query(
      `INSERT INTO group_roster (organization_id, group_id, client_id, added_at, added_by) VALUES ($1, $2, $3, $4, $5)`,
      [org.id, groupId, clientId, new Date(startOf(weeks).getTime() - 7 * DAY), facilitator],
    );
  }
  const newestRecorded = startOf(0).getTime() > Date.now() ? 1 : 0;
  // The next meeting is planned ahead, without attendance yet.
  for (let k = -1; k < weeks; k++) {
    const start = startOf(k);
    const [{ id: sessionId }] = (await em.query(
      `INSERT INTO group_sessions (organization_id, group_id, date, start_time, duration_minutes, topic, created_by, created_at, facilitator_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7) RETURNING id`,
      [
        org.id,
        groupId,
        isoDate(start.getTime()),
        spec.time,
        spec.minutes,
        spec.topics[(k + spec.topics.length) % spec.topics.length],
        facilitator,
        new Date(Math.min(start.getTime(), Date.now()) - 2 * DAY),
      ],
    )) as { id: string }[];
    if (start.getTime() > Date.now()) continue;
    const recordedAt = new Date(start.getTime() + spec.minutes * 60_000);
    for (const [i, clientId] of roster.entries()) {
      // The first rostered client of each clinic group has missed the two latest sessions; the
      // open meeting draws only present or late, so it adds no one to "missed sessions".
      let status: AttendanceStatus;
      if (spec.type === 'na') status = rnd() < 0.85 ? 'present' : 'late';
      else status = i === 0 && k < newestRecorded + 2 ? 'absent' : pickStatus(rnd());
      // A late arrival's minutes are what the claim bills: 15 or 30 minutes short of the session.
      const minutesAttended = status === 'late' ? spec.minutes - (k % 2 ? 15 : 30) : null;
      await em.query(
        `INSERT INTO attendance (organization_id, session_id, client_id, status, recorded_by, recorded_at, minutes_attended)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [org.id, sessionId, clientId, status, facilitator, recordedAt, minutesAttended],
      );
    }
  }
}

function pickStatus(x: number): AttendanceStatus {
  if (x < 0.66) return 'present';
  if (x < 0.76) return 'late';
  if (x < 0.86) return 'excused';
  return 'absent';
}

async function seedCommunityMeetings(
  em: EntityManager,
  orgId: string,
  clientIds: string[],
  peerOf: Map<string, string>,
): Promise<void> {
  const places: [string, string][] = [
    ['aa', 'Tuesday Night Big Book, St. Example Hall (demo)'],
    ['na', 'Clean and Serene, Library annex (demo)'],
    ['smart', 'SMART online meeting (demo)'],
    ['celebrate_recovery', 'Celebrate Recovery, Example Fellowship (demo)'],
    ['aa', 'Early Birds, Community center (demo)'],
  ];
  for (const [i, clientId] of clientIds.entries()) {
    const [{ primary_peer_id: peerId }] = (await em.query(
      `SELECT primary_peer_id FROM clients WHERE id = $1`,
      [clientId],
    )) as { primary_peer_id: string }[];
    for (let n = 0; n < 2 + (i % 4); n++) {
      const [type, place] = places[(i + n) % places.length];
      await em.query(
        `INSERT INTO community_meetings (organization_id, client_id, meeting_type, date, name_or_place, verification, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          orgId,
          clientId,
          type,
          isoDate(Date.now() - (3 + n * 9 + i) * DAY),
          place,
          n % 3 === 2 ? 'verified' : 'self_reported',
          peerId ?? peerOf.get('peer@demo.test'),
          new Date(Date.now() - (2 + n * 9 + i) * DAY),
        ],
      );
    }
  }
}

/** Midnight UTC of the latest `weekday` (0 = Sunday) on or before today. */
function lastWeekday(weekday: number): number {
  const today = new Date(isoDate(Date.now()) + 'T00:00:00Z');
  return today.getTime() - ((today.getUTCDay() - weekday + 7) % 7) * DAY;
}

function isoDate(ms: number): string {
  return localDate(ms, DEFAULT_TIME_ZONE);
}
