import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  addDays,
  type Group,
  type GroupRates,
  type GroupSession,
  type Role,
  type RosterEntry,
} from '@peerpath/contracts';
import { PEER_ID, PROGRAM_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { localToday } from '../../clients/client-display';
import { AuthService } from '../../core/auth.service';
import { GroupPage } from './group-page';

const GROUP_ID = '70000000-0000-4000-8000-000000000001';
const OWN = '40000000-0000-4000-8000-000000000011';
const OTHER = '40000000-0000-4000-8000-000000000012';

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

const full = {
  clientId: OWN,
  displayName: 'Avery E.',
  firstName: 'Avery',
  lastName: 'Example',
  preferredName: null,
};
const hidden = { clientId: OTHER, displayName: 'Quill Z.' };
const roster: RosterEntry[] = [
  { ...full, groupId: GROUP_ID, addedAt: '2026-01-01T00:00:00Z', removedAt: null },
  { ...hidden, groupId: GROUP_ID, addedAt: '2026-01-01T00:00:00Z', removedAt: null },
];

const session = (n: number, date: string, recorded: number): GroupSession => ({
  id: `60000000-0000-4000-8000-00000000000${n}`,
  groupId: GROUP_ID,
  date,
  startTime: '18:00',
  durationMinutes: 90,
  topic: `Topic ${n}`,
  createdBy: PEER_ID,
  facilitatorId: null,
  createdAt: '2026-01-01T00:00:00Z',
  recorded,
  attended: recorded ? recorded - 1 : 0,
  billingUnits: recorded ? (recorded - 1) * 6 : 0,
});

const windowOf = (rate: number | null, attended: number, sessions: number) => ({ rate, attended, sessions });
const rates: GroupRates = {
  groupId: GROUP_ID,
  last4Weeks: { ...windowOf(0.75, 6, 8), groupSessions: 4, billingUnits: 36 },
  last12Weeks: { ...windowOf(0.8, 16, 20), groupSessions: 10, billingUnits: 96 },
  clients: [
    {
      ...full,
      last4Weeks: windowOf(0.5, 2, 4),
      last12Weeks: windowOf(0.7, 7, 10),
      consecutiveAbsences: 2,
      missedLastTwoSessions: true,
    },
    {
      ...hidden,
      last4Weeks: windowOf(1, 4, 4),
      last12Weeks: windowOf(1, 10, 10),
      consecutiveAbsences: 0,
      missedLastTwoSessions: false,
    },
  ],
};

/** The page for `role` with the group itself answered; its roster, sessions and rates still pending. */
async function openGroup(role: Role) {
  const user = role === 'peer' ? sessionUser('peer', { id: PEER_ID }) : sessionUser(role);
  TestBed.configureTestingModule({
    imports: [GroupPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(GroupPage);
  fixture.componentRef.setInput('id', GROUP_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne(`/api/groups/${GROUP_ID}`).flush(group);
  await settle();
  return { fixture, backend };
}

async function render(role: Role) {
  const { fixture, backend } = await openGroup(role);
  backend.expectOne(`/api/groups/${GROUP_ID}/roster`).flush(roster);
  backend
    .expectOne((r) => r.url === `/api/groups/${GROUP_ID}/sessions`)
    .flush({
      items: [session(3, '2999-01-01', 0), session(2, '2026-03-03', 8), session(1, '2026-02-24', 0)],
      nextCursor: null,
    });
  backend.expectOne(`/api/groups/${GROUP_ID}/rates`).flush(rates);
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const controls = () => Array.from(element.querySelectorAll('a, button')).map((b) => accessibleText(b));
  return { element, backend, controls, fixture };
}

describe('GroupPage', () => {
  it('opens "New session" once the sessions are in, so its default date skips a slot already taken', async () => {
    const { fixture, backend } = await openGroup('peer');
    await fixture.whenStable();
    const button = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (b) => accessibleText(b) === 'New session',
    );
    button?.click();
    await settle();
    expect(document.querySelector('mat-dialog-container')).toBeNull();

    const today = localToday();
    backend.expectOne(`/api/groups/${GROUP_ID}/roster`).flush(roster);
    backend.expectOne(`/api/groups/${GROUP_ID}/rates`).flush(rates);
    backend
      .expectOne((r) => r.url === `/api/groups/${GROUP_ID}/sessions`)
      .flush({ items: [session(4, today, 0)], nextCursor: null });
    await settle();
    await fixture.whenStable();
    const date = document.querySelector<HTMLInputElement>('mat-dialog-container input[type="date"]');
    expect(date?.value).toBe(addDays(today, 1));
  });

  it('shows the facilitator sessions, the roster and rates, with other caseloads by display name only', async () => {
    const { element, controls } = await render('peer');
    expect(element.querySelector('h1')?.textContent).toContain('SMART Recovery Tuesday Evening');
    expect(element.textContent).toContain('Weekly on Tuesday at 18:00');
    expect(controls()).toContain('New session');
    expect(controls()).not.toContain('Edit group');
    const rosterItems = Array.from(element.querySelectorAll('[data-testid="roster-entry"]'));
    expect(rosterItems.map((li) => li.textContent?.trim())).toEqual(['Avery Example', 'Quill Z.']);
    expect(rosterItems[0].querySelector('a')?.getAttribute('href')).toBe(`/clients/${OWN}`);
    expect(rosterItems[1].querySelector('a')).toBeNull();
    expect(element.querySelector(`a[href="/clients/${OTHER}"]`)).toBeNull();
    expect(element.textContent).toContain('75%');
    expect(element.textContent).toContain('50% (2 of 4)');
    expect(element.textContent).toContain('7 of 8 attended · H0038-HQ: 42 units');
  });

  it('splits upcoming from past sessions and offers attendance only from the session day', async () => {
    const { element } = await render('peer');
    const upcoming = element.querySelector('[aria-label="Upcoming sessions"]');
    const past = element.querySelector('[aria-label="Past sessions"]');
    expect(upcoming?.textContent).toContain('Topic 3');
    expect(upcoming?.textContent).not.toContain('Take attendance');
    expect(past?.textContent).toContain('Topic 2');
    expect(past?.textContent).toContain('Edit attendance');
    expect(past?.textContent).toContain('Attendance not taken');
  });

  it('lets a manager edit the group and remove roster members; a clinician only reads', async () => {
    const manager = await render('manager');
    expect(manager.controls()).toEqual(
      expect.arrayContaining(['New session', 'Edit group', 'Remove Avery Example from the roster']),
    );
    TestBed.resetTestingModule();
    const clinician = await render('clinician');
    expect(clinician.controls()).not.toContain('New session');
    expect(clinician.controls().some((c) => c.startsWith('Remove'))).toBe(false);
    expect(clinician.controls()).toContain('View attendance');
  });

  it('removes a client from the roster with DELETE and reloads it', async () => {
    const { element, backend, fixture } = await render('manager');
    const remove = Array.from(element.querySelectorAll('button')).find(
      (b) => accessibleText(b) === 'Remove Avery Example from the roster',
    );
    remove?.click();
    await settle();
    const request = backend.expectOne(`/api/groups/${GROUP_ID}/roster/${OWN}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    backend.expectOne(`/api/groups/${GROUP_ID}/roster`).flush([roster[1]]);
    await settle();
    backend.expectOne(`/api/groups/${GROUP_ID}/rates`).flush(rates);
    await settle();
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="roster-entry"]')).toHaveLength(1);
  });
});
