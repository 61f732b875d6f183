import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Group, RosterEntry, SessionAttendance, SessionUser } from '@peerpath/contracts';
import { PEER_ID, PROGRAM_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { AttendanceDraftStore } from '../attendance-draft-store';
import { Outbox } from '../../outbox/outbox';
import { OUTBOX_ATTENDANCE_MESSAGE, TakeAttendancePage } from './take-attendance-page';

const SESSION_ID = '60000000-0000-4000-8000-000000000001';
const GROUP_ID = '70000000-0000-4000-8000-000000000001';
const OWN = '40000000-0000-4000-8000-000000000011';
const OTHER = '40000000-0000-4000-8000-000000000012';
const WALK_IN = '40000000-0000-4000-8000-000000000013';
const peer = sessionUser('peer', { id: PEER_ID });
const attendanceUrl = `/api/sessions/${SESSION_ID}/attendance`;

const group: Group = {
  id: GROUP_ID,
  programId: PROGRAM_ID,
  name: 'SMART Recovery Tuesday Evening',
  type: 'smart',
  facilitatorId: PEER_ID,
  facilitatorIds: [PEER_ID],
  facilitators: [{ id: PEER_ID, name: 'Demo peer' }],
  schedule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=18;BYMINUTE=0',
  location: 'Community room B',
  videoLink: null,
  capacity: 12,
  active: true,
  rosterCount: 2,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
};

const roster: RosterEntry[] = [
  {
    clientId: OWN,
    displayName: 'Avery E.',
    firstName: 'Avery',
    lastName: 'Example',
    preferredName: 'Ave',
    groupId: GROUP_ID,
    addedAt: '2026-01-01T00:00:00Z',
    removedAt: null,
  },
  // Another peer's client: the facilitator sees the display name and nothing else.
  {
    clientId: OTHER,
    displayName: 'Quill Z.',
    groupId: GROUP_ID,
    addedAt: '2026-01-01T00:00:00Z',
    removedAt: null,
  },
];

function taken(items: SessionAttendance['items'] = [], attended = 0): SessionAttendance {
  return {
    session: {
      id: SESSION_ID,
      groupId: GROUP_ID,
      date: '2026-03-03',
      startTime: '18:00',
      durationMinutes: 90,
      topic: 'Urge surfing',
      createdBy: PEER_ID,
      facilitatorId: null,
      createdAt: '2026-03-01T00:00:00Z',
      recorded: items.length,
      attended,
      billingUnits: attended * 6,
    },
    billingCode: 'H0038-HQ',
    unitsPerClient: 6,
    items,
  };
}

async function render(user: SessionUser = peer, facilitators = [PEER_ID], type: Group['type'] = 'smart') {
  TestBed.configureTestingModule({
    imports: [TakeAttendancePage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(TakeAttendancePage);
  fixture.componentRef.setInput('id', SESSION_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  backend.expectOne(attendanceUrl).flush(taken());
  await settle();
  backend.expectOne(`/api/groups/${GROUP_ID}`).flush({ ...group, type, facilitatorIds: facilitators });
  backend.expectOne(`/api/groups/${GROUP_ID}/roster`).flush(roster);
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const rows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="attendance-row"]'));
  const rowButton = (name: string) => {
    const found = rows()
      .map((r) => r.querySelector<HTMLButtonElement>('.row-button'))
      .find((b) => b?.textContent?.includes(name));
    if (!found) throw new Error(`No row ${name}`);
    return found;
  };
  const statusOf = (name: string) => {
    const status = rowButton(name).querySelector('.status');
    return status ? accessibleText(status) : undefined;
  };
  const tap = async (name: string) => {
    rowButton(name).click();
    await refresh();
  };
  const button = (name: string) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => accessibleText(b) === name);
    if (!found) throw new Error(`No button ${name}`);
    return found;
  };
  const save = async () => {
    button('Save attendance').click();
    await refresh();
  };
  return { fixture, element, backend, rows, rowButton, statusOf, tap, button, save, refresh };
}

const draftKey = `peerpath.attendance-draft.${PEER_ID}.${SESSION_ID}`;

describe('TakeAttendancePage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the roster as large rows, each with its status in words', async () => {
    const { element, rows, statusOf } = await render();
    expect(element.querySelector('h1')?.textContent).toContain('Take attendance');
    expect(rows()).toHaveLength(2);
    expect(statusOf('Ave Example')).toBe('Not marked');
    expect(statusOf('Quill Z.')).toBe('Not marked');
    expect(element.textContent).toContain('SMART Recovery Tuesday Evening');
  });

  it('cycles present → late → excused → absent → present with one tap each', async () => {
    const { statusOf, tap, rowButton } = await render();
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      await tap('Ave Example');
      seen.push(statusOf('Ave Example'));
    }
    expect(seen).toEqual(['Present', 'Late', 'Excused', 'Absent', 'Present']);
    expect(rowButton('Ave Example').getAttribute('aria-label')).toBe('Ave Example: Present');
    expect(rowButton('Ave Example').closest('li')?.getAttribute('data-status')).toBe('present');
  });

  it('shows a client outside the caseload by display name only, with no last name or link', async () => {
    const { element, rowButton } = await render();
    expect(rowButton('Quill Z.').querySelector('.row-name')?.textContent?.trim()).toBe('Quill Z.');
    expect(rowButton('Quill Z.').getAttribute('aria-label')).toBe('Quill Z.: Not marked');
    expect(element.textContent).not.toMatch(/Zzyzx/);
    expect(element.querySelector(`a[href*="${OTHER}"]`)).toBeNull();
  });

  it('saves every row in one PUT array (untapped as absent) and shows the H0038-HQ units', async () => {
    const { backend, tap, save, button, refresh } = await render();
    button('Mark all present').click();
    await refresh();
    await tap('Quill Z.');
    await save();
    const request = backend.expectOne(attendanceUrl);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual([
      { clientId: OWN, status: 'present' },
      { clientId: OTHER, status: 'late' },
    ]);
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[\w\-:.]{1,200}$/);
    request.flush(
      taken(
        [
          { ...roster[0], sessionId: SESSION_ID, status: 'present', minutesAttended: null, billingUnits: 6 },
          {
            clientId: OTHER,
            displayName: 'Quill Z.',
            sessionId: SESSION_ID,
            status: 'late',
            minutesAttended: null,
            billingUnits: 6,
          },
        ],
        2,
      ),
    );
    await refresh();
    expect(document.body.textContent).toContain('Attendance saved: 2 attended · 12 H0038-HQ units');
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it('asks a late arrival for the minutes attended, counts their own units and sends them', async () => {
    const { element, backend, tap, save, button, refresh, rowButton } = await render();
    button('Mark all present').click();
    await refresh();
    await tap('Quill Z.');
    const row = rowButton('Quill Z.').closest('li') as HTMLElement;
    const minutes = row.querySelector<HTMLInputElement>('input[aria-label="Minutes Quill Z. attended"]');
    expect(minutes).not.toBeNull();
    expect(row.textContent).toContain('of 90 — needed to bill');
    expect(element.querySelector('.units')?.textContent).toContain('12 units');

    (minutes as HTMLInputElement).value = '30';
    minutes?.dispatchEvent(new Event('input'));
    await refresh();
    expect(element.querySelector('.units')?.textContent).toContain('8 units');
    expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}').rows).toContainEqual({
      clientId: OTHER,
      status: 'late',
      minutesAttended: 30,
    });

    (minutes as HTMLInputElement).value = '95';
    minutes?.dispatchEvent(new Event('input'));
    await refresh();
    expect(row.textContent).toContain('1 to 90 minutes');
    await save();
    backend.expectNone(attendanceUrl);
    expect(element.textContent).toContain('Minutes attended are 1 to 90: check Quill Z..');

    (minutes as HTMLInputElement).value = '30';
    minutes?.dispatchEvent(new Event('input'));
    await refresh();
    await save();
    const request = backend.expectOne(attendanceUrl);
    expect(request.request.body).toEqual([
      { clientId: OWN, status: 'present' },
      { clientId: OTHER, status: 'late', minutesAttended: 30 },
    ]);
    request.flush(taken());
    await settle();
  });

  it('drops the minutes when a late arrival is tapped on to excused', async () => {
    const { rowButton, tap } = await render();
    await tap('Quill Z.');
    await tap('Quill Z.');
    const row = rowButton('Quill Z.').closest('li') as HTMLElement;
    const minutes = row.querySelector<HTMLInputElement>('input') as HTMLInputElement;
    minutes.value = '45';
    minutes.dispatchEvent(new Event('input'));
    await tap('Quill Z.');
    expect(row.querySelector('input')).toBeNull();
    expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}').rows).toContainEqual({
      clientId: OTHER,
      status: 'excused',
      minutesAttended: null,
    });
  });

  it('says a community fellowship meeting will not bill, as the claim lines decide', async () => {
    const { element, button, refresh, tap } = await render(peer, [PEER_ID], 'na');
    button('Mark all present').click();
    await refresh();
    expect(element.querySelector('.units')?.textContent?.trim()).toBe(
      "Won't bill: NA is a community meeting",
    );
    await tap('Quill Z.');
    expect(element.querySelector('input[aria-label="Minutes Quill Z. attended"]')).toBeNull();
  });

  it('sends an untapped row as absent', async () => {
    const { backend, tap, save } = await render();
    await tap('Ave Example');
    await save();
    const request = backend.expectOne(attendanceUrl);
    expect(request.request.body).toEqual([
      { clientId: OWN, status: 'present' },
      { clientId: OTHER, status: 'absent' },
    ]);
    request.flush(taken());
    await settle();
  });

  it('puts attendance that could not be sent into the outbox and sends it once with the same key', async () => {
    const { backend, tap, save } = await render();
    await tap('Ave Example');
    await save();
    const first = backend.expectOne(attendanceUrl);
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle();
    await settle();

    expect(document.body.textContent).toContain(OUTBOX_ATTENDANCE_MESSAGE);
    const outbox = TestBed.inject(Outbox);
    expect(outbox.items()).toEqual([expect.objectContaining({ key, kind: 'attendance', method: 'PUT' })]);
    expect(JSON.stringify(outbox.items())).not.toContain('Example');
    expect(localStorage.getItem(draftKey)).toBeNull();

    const sending = outbox.flush();
    await settle();
    const retry = backend.expectOne(attendanceUrl);
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    expect(retry.request.body).toEqual(first.request.body);
    retry.flush(
      taken(
        [{ ...roster[0], sessionId: SESSION_ID, status: 'present', minutesAttended: null, billingUnits: 6 }],
        1,
      ),
    );
    await sending;
    expect(outbox.count()).toBe(0);
  });

  it('restores unsent attendance and its key when the screen opens again', async () => {
    new AttendanceDraftStore().save(PEER_ID, SESSION_ID, {
      idempotencyKey: 'kept-key-1',
      rows: [
        { clientId: OWN, status: 'excused' },
        { clientId: OTHER, status: 'absent' },
        { clientId: WALK_IN, status: 'present' },
      ],
      walkIns: [{ clientId: WALK_IN, displayName: 'Wes A.' }],
      savedAt: new Date().toISOString(),
    });
    const { element, backend, statusOf, save } = await render();
    expect(element.textContent).toContain('Your unsent attendance was kept on this device.');
    expect(statusOf('Ave Example')).toBe('Excused');
    expect(statusOf('Wes A.')).toBe('Present');
    await save();
    const request = backend.expectOne(attendanceUrl);
    expect(request.request.headers.get('Idempotency-Key')).toBe('kept-key-1');
    expect(request.request.body).toEqual([
      { clientId: OWN, status: 'excused' },
      { clientId: OTHER, status: 'absent' },
      { clientId: WALK_IN, status: 'present' },
    ]);
    request.flush(taken());
    await settle();
  });

  it('adds a walk-in found by first name as present, and sends them with the rest', async () => {
    const { element, backend, button, save, refresh, statusOf } = await render();
    const input = element.querySelector<HTMLInputElement>('.walk-ins input');
    if (!input) throw new Error('no walk-in search');
    input.value = 'wes';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const search = backend.expectOne((r) => r.url === `/api/groups/${GROUP_ID}/walk-ins`);
    expect(search.request.params.get('q')).toBe('wes');
    search.flush([{ clientId: WALK_IN, displayName: 'Wes A.' }]);
    await refresh();
    button('Add Wes A.').click();
    await refresh();
    expect(statusOf('Wes A.')).toBe('Present');
    await save();
    const request = backend.expectOne(attendanceUrl);
    expect(request.request.body).toEqual([
      { clientId: OWN, status: 'absent' },
      { clientId: OTHER, status: 'absent' },
      { clientId: WALK_IN, status: 'present' },
    ]);
    request.flush(taken());
    await settle();
  });

  it('is read-only for a peer who does not facilitate the group', async () => {
    const { element } = await render(peer, ['00000000-0000-4000-8000-0000000000ff']);
    expect(element.querySelector('h1')?.textContent).toContain('Attendance');
    expect(element.querySelectorAll('button.row-button')).toHaveLength(0);
    expect(element.textContent).not.toContain('Save attendance');
    expect(element.textContent).not.toContain('Mark all present');
  });
});
