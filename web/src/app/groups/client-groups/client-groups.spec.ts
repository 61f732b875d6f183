import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  ClientAttendanceEntry,
  ClientAttendanceRates,
  CommunityMeeting,
  Role,
} from '@peerpath/contracts';
import { CLIENT_ID, PEER_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { ClientGroups } from './client-groups';

const rates: ClientAttendanceRates = {
  clientId: CLIENT_ID,
  last4Weeks: { sessions: 4, attended: 2, rate: 0.5 },
  last12Weeks: { sessions: 10, attended: 7, rate: 0.7 },
  consecutiveAbsences: 2,
  missedLastTwoSessions: true,
};
const meeting: CommunityMeeting = {
  id: 'm1',
  clientId: CLIENT_ID,
  contactId: null,
  meetingType: 'aa',
  date: '2026-03-01',
  nameOrPlace: 'Early Birds, Community center',
  verification: 'verified',
  recordedBy: PEER_ID,
  createdAt: '2026-03-02T00:00:00Z',
  billingUnits: 0,
};
const history: ClientAttendanceEntry[] = [
  {
    kind: 'group_session',
    id: 's1',
    date: '2026-03-03',
    sessionId: 's1',
    groupId: 'g1',
    groupName: 'SMART Recovery Tuesday Evening',
    groupType: 'smart',
    startTime: '18:00',
    durationMinutes: 90,
    topic: 'Urge surfing',
    status: 'absent',
    billingUnits: 0,
  },
  { kind: 'community_meeting', id: 'm1', date: '2026-03-01', meeting, billingUnits: 0 },
];

async function render(role: Role) {
  const user = role === 'peer' ? sessionUser('peer', { id: PEER_ID }) : sessionUser(role);
  TestBed.configureTestingModule({
    imports: [ClientGroups],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(ClientGroups);
  fixture.componentRef.setInput('clientId', CLIENT_ID);
  fixture.componentRef.setInput('clientName', 'Ave Example');
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  if (role !== 'admin') {
    backend.expectOne(`/api/clients/${CLIENT_ID}/attendance-rates`).flush(rates);
    backend
      .expectOne((r) => r.url === `/api/clients/${CLIENT_ID}/attendance`)
      .flush({ items: history, nextCursor: null });
    backend
      .expectOne((r) => r.url === `/api/clients/${CLIENT_ID}/community-meetings`)
      .flush({ items: [meeting], nextCursor: null });
  }
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const controls = () => Array.from(element.querySelectorAll('button')).map((b) => accessibleText(b));
  return { element, backend, controls };
}

describe('ClientGroups', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the 4- and 12-week rates, the run of absences and the missed-groups flag', async () => {
    const { element } = await render('peer');
    const tile = (id: string) => element.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    expect(tile('rate-4-weeks')).toContain('50%');
    expect(tile('rate-4-weeks')).toContain('2 of 4 sessions');
    expect(tile('rate-12-weeks')).toContain('70%');
    expect(tile('consecutive-absences')).toContain('2');
    expect(tile('consecutive-absences')).toContain('Missed last 2 groups');
  });

  it('lists group sessions and community meetings apart, since the timeline holds contacts only', async () => {
    const { element } = await render('clinician');
    const sessions = element.querySelector('[aria-label="Recent group sessions"]')?.textContent ?? '';
    const meetings = element.querySelector('[aria-label="Community meetings"]')?.textContent ?? '';
    expect(sessions).toContain('SMART Recovery Tuesday Evening');
    expect(sessions).toContain('Absent');
    expect(sessions).not.toContain('Early Birds');
    expect(meetings).toContain('AA');
    expect(meetings).toContain('Early Birds, Community center');
    expect(meetings).toContain('Verified');
  });

  it('offers "Record community meeting" to the peer only', async () => {
    expect((await render('peer')).controls()).toContain('Record community meeting');
    TestBed.resetTestingModule();
    expect((await render('manager')).controls()).not.toContain('Record community meeting');
  });

  it('shows nothing and asks for nothing for an administrator', async () => {
    const { element } = await render('admin');
    expect(element.textContent?.trim()).toBe('');
  });
});
