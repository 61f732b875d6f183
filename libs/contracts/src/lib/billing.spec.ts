import {
  billingPreview,
  buildClaimLines,
  ClaimAttendance,
  ClaimContact,
  ClaimInput,
  contactVerdict,
  isValidNpi,
  noteRequired,
  unitsForMinutes,
} from './billing';
import { DEFAULT_BILLING_PROFILE } from './organization';

const profile = DEFAULT_BILLING_PROFILE;
const NY = 'America/New_York';

function contact(over: Partial<ClaimContact> = {}): ClaimContact {
  return {
    id: `k${Math.random()}`,
    clientId: 'c1',
    authorId: 'p1',
    occurredAt: '2026-03-02T15:00:00Z',
    durationMinutes: 10,
    modality: 'in_person',
    contactType: 'check_in',
    successful: true,
    billable: true,
    note: 'Talked about housing.',
    signedAt: '2026-03-02T16:00:00Z',
    ...over,
  };
}

function session(over: Partial<ClaimAttendance> = {}): ClaimAttendance {
  return {
    sessionId: 's1',
    clientId: 'c1',
    date: '2026-03-02',
    groupType: 'peer_led',
    sessionMinutes: 90,
    facilitatorId: 'p1',
    status: 'present',
    minutesAttended: null,
    ...over,
  };
}

function lines(contacts: ClaimContact[], attendance: ClaimAttendance[] = [], over: Partial<ClaimInput> = {}) {
  return buildClaimLines({
    contacts,
    attendance,
    profile,
    timeZone: NY,
    peers: new Map([
      ['p1', { name: 'Pat Peer', credential: { type: 'CPRS', number: 'X1', expiresOn: '2027-01-01' } }],
      ['p2', { name: 'Sam Second', credential: { type: 'CPRS', number: 'X2', expiresOn: '2027-01-01' } }],
    ]),
    clients: new Map([['c1', { name: 'Casey Client', medicaidId: 'ZZ0000001' }]]),
    ...over,
  });
}

describe('H0038 units on the day total (CMS 8-minute rule)', () => {
  it.each([
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [60, 4],
  ])('%i minutes earn %i units', (m, u) => expect(unitsForMinutes(m)).toBe(u));

  it('two 10-minute contacts in one day bill 1 unit, not 2', () => {
    const [line] = lines([contact(), contact({ occurredAt: '2026-03-02T20:00:00Z' })]);
    expect(line).toMatchObject({
      minutes: 20,
      units: 1,
      ready: true,
      problems: [],
      serviceDate: '2026-03-02',
    });
    expect(line.contactIds).toHaveLength(2);
  });

  it('20 + 20 + 20 minutes bill 4 units', () => {
    const all = lines(
      [20, 20, 20].map((m, i) => contact({ durationMinutes: m, occurredAt: `2026-03-02T1${i}:00:00Z` })),
    );
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ minutes: 60, units: 4 });
  });

  it('seven 60-minute contacts are capped at 16 units and name the problem', () => {
    const all = lines(
      Array.from({ length: 7 }, (_, i) =>
        contact({ durationMinutes: 60, occurredAt: `2026-03-02T1${i}:00:00Z` }),
      ),
    );
    expect(all[0]).toMatchObject({ minutes: 420, units: 16, ready: false, problems: ['daily-cap'] });
  });

  it('the cap holds across peers for one client and date', () => {
    const all = lines([
      contact({ durationMinutes: 240, occurredAt: '2026-03-02T13:00:00Z' }),
      contact({ durationMinutes: 60, authorId: 'p2', occurredAt: '2026-03-02T19:00:00Z' }),
    ]);
    expect(all.map((l) => [l.renderingPeerId, l.units, l.problems])).toEqual([
      ['p1', 16, []],
      ['p2', 0, ['daily-cap']],
    ]);
  });

  it('group (HQ) and individual H0038 on one date share the cap', () => {
    const all = lines(
      [contact({ durationMinutes: 120, occurredAt: '2026-03-02T20:00:00Z' })],
      [session({ sessionMinutes: 180 })],
    );
    expect(all.map((l) => [l.modifiers, l.units, l.problems])).toEqual([
      [[], 4, ['daily-cap']],
      [['HQ'], 12, []],
    ]);
  });
});

describe('what bills', () => {
  it('a text contact and an unsigned draft bill nothing', () => {
    expect(
      lines([
        contact({ modality: 'text', durationMinutes: 30 }),
        contact({ signedAt: null, durationMinutes: 30 }),
      ]),
    ).toEqual([]);
    expect(contactVerdict(contact({ modality: 'text' }), profile)).toEqual({
      bills: false,
      reason: 'text message',
    });
  });

  it('a non-billable modality never bills whatever the flag says; unsuccessful or unflagged neither', () => {
    expect(contactVerdict(contact({ modality: 'email', billable: true }), profile).bills).toBe(false);
    expect(contactVerdict(contact({ successful: false }), profile).reason).toBe('did not reach the client');
    expect(contactVerdict(contact({ billable: false }), profile).reason).toBe('marked not billable');
    expect(lines([contact({ successful: false, durationMinutes: 30 })])).toEqual([]);
  });

  it('a video contact carries its modifier and place of service', () => {
    const [line] = lines([contact({ modality: 'video', durationMinutes: 30 })]);
    expect(line).toMatchObject({ modifiers: ['95'], placeOfService: '10', units: 2 });
    const [inPerson] = lines([contact({ durationMinutes: 30 })]);
    expect(inPerson).toMatchObject({ modifiers: [], placeOfService: '11' });
  });

  it('names a missing note, an expired credential and a missing Medicaid id', () => {
    const [line] = lines(
      [contact({ note: ' ', durationMinutes: 30, occurredAt: '2026-03-02T15:00:00Z' })],
      [],
      {
        peers: new Map([
          ['p1', { name: 'Pat', credential: { type: 'CPRS', number: 'X', expiresOn: '2026-03-01' } }],
        ]),
        clients: new Map([['c1', { name: 'Casey', medicaidId: null }]]),
      },
    );
    expect(line.problems).toEqual(['note', 'credential', 'medicaid-id']);
    expect(line.ready).toBe(false);
    const [onExpiry] = lines([contact({ durationMinutes: 30 })], [], {
      peers: new Map([
        ['p1', { name: 'Pat', credential: { type: 'CPRS', number: 'X', expiresOn: '2026-03-02' } }],
      ]),
    });
    expect(onExpiry.problems).toEqual([]);
  });
});

describe('group H0038-HQ', () => {
  it('a late arrival for 30 of a 90-minute session bills 2 HQ units', () => {
    const [line] = lines([], [session({ status: 'late', minutesAttended: 30 })]);
    expect(line).toMatchObject({ modifiers: ['HQ'], minutes: 30, units: 2, sessionId: 's1', ready: true });
  });

  it('late without minutes attended is not ready', () => {
    const [line] = lines([], [session({ status: 'late' })]);
    expect(line).toMatchObject({ minutes: 90, units: 6, problems: ['minutes-attended'], ready: false });
  });

  it('an AA session bills nothing; absent and excused neither', () => {
    expect(
      lines(
        [],
        [
          session({ groupType: 'aa' }),
          session({ groupType: 'na' }),
          session({ status: 'absent' }),
          session({ status: 'excused' }),
        ],
      ),
    ).toEqual([]);
  });

  it('a session with two facilitators credits its one facilitator, once', () => {
    const all = lines([], [session({ facilitatorId: 'p2' })]);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ renderingPeerId: 'p2', renderingPeerName: 'Sam Second', units: 6 });
  });
});

describe('date of service is the clinic local date', () => {
  it('UTC-5 (New York in winter): 04:30Z is the day before, 05:30Z the day', () => {
    const all = lines([
      contact({ occurredAt: '2026-01-16T04:30:00Z', durationMinutes: 15 }),
      contact({ occurredAt: '2026-01-16T05:30:00Z', durationMinutes: 15 }),
    ]);
    expect(all.map((l) => [l.serviceDate, l.units])).toEqual([
      ['2026-01-15', 1],
      ['2026-01-16', 1],
    ]);
  });

  it('UTC+13 (Auckland in summer): 10:30Z is the next day, 11:30Z the one after', () => {
    const all = lines(
      [
        contact({ occurredAt: '2026-01-15T10:30:00Z', durationMinutes: 15 }),
        contact({ occurredAt: '2026-01-15T11:30:00Z', durationMinutes: 15 }),
      ],
      [],
      { timeZone: 'Pacific/Auckland' },
    );
    expect(all.map((l) => l.serviceDate)).toEqual(['2026-01-15', '2026-01-16']);
  });
});

describe('signing and the phone preview', () => {
  it('a billable contact needs a note; a text does not', () => {
    expect(noteRequired(contact({ note: '' }), profile)).toBe(true);
    expect(noteRequired(contact({ note: '', modality: 'text' }), profile)).toBe(false);
  });

  it('says in plain words whether it bills', () => {
    expect(billingPreview(contact({ modality: 'text', durationMinutes: 5 }), profile)).toBe(
      "Won't bill: text message",
    );
    expect(billingPreview(contact({ durationMinutes: 30 }), profile)).toMatch(
      /^Will bill: about 2 H0038 units/,
    );
  });
});

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it.each([
    ['1234567893', true],
    ['1234567890', false],
    ['123456789', false],
    ['12345678a3', false],
  ])('%s → %s', (npi, ok) => expect(isValidNpi(npi)).toBe(ok));
});
