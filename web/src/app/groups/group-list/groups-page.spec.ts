import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Group, Role } from '@peerpath/contracts';
import { PEER_ID, PROGRAM_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { GroupsPage } from './groups-page';

const groups: Group[] = [
  {
    id: '70000000-0000-4000-8000-000000000001',
    programId: PROGRAM_ID,
    name: 'Peer Circle Thursday Noon',
    type: 'peer_led',
    facilitatorId: 'f2',
    facilitatorIds: ['f2'],
    facilitators: [{ id: 'f2', name: 'Second Peer' }],
    schedule: 'Thursdays 12:00–13:00',
    location: null,
    videoLink: 'https://meet.example.test/circle',
    capacity: null,
    active: true,
    rosterCount: 8,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: '70000000-0000-4000-8000-000000000002',
    programId: PROGRAM_ID,
    name: 'SMART Recovery Tuesday Evening',
    type: 'smart',
    facilitatorId: PEER_ID,
    facilitatorIds: [PEER_ID, 'f3'],
    facilitators: [
      { id: PEER_ID, name: 'Demo peer' },
      { id: 'f3', name: 'Co Lead' },
    ],
    schedule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=18;BYMINUTE=0',
    location: 'Community room B',
    videoLink: null,
    capacity: 12,
    active: true,
    rosterCount: 9,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
  },
];

async function render(role: Role) {
  const user = role === 'peer' ? sessionUser('peer', { id: PEER_ID }) : sessionUser(role);
  TestBed.configureTestingModule({
    imports: [GroupsPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(GroupsPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne((r) => r.url === '/api/groups').flush({ items: groups, nextCursor: null });
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const cards = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="group-card"]'));
  const controls = () => Array.from(element.querySelectorAll('a, button')).map((b) => accessibleText(b));
  return { element, backend, cards, controls };
}

describe('GroupsPage', () => {
  it('shows each group as a card: name, type, schedule, facilitators, place or link', async () => {
    const { cards } = await render('peer');
    expect(cards()).toHaveLength(2);
    const [circle, smart] = cards().map((c) => c.textContent ?? '');
    expect(circle).toContain('Peer-led');
    expect(circle).toContain('Thursdays 12:00–13:00');
    expect(circle).toContain('Second Peer');
    expect(circle).toContain('Join online');
    expect(circle).toContain('8 members');
    expect(smart).toContain('SMART Recovery');
    expect(smart).toContain('Weekly on Tuesday at 18:00');
    expect(smart).toContain('Demo peer, Co Lead');
    expect(smart).toContain('Community room B');
    expect(smart).toContain('You facilitate');
    expect(smart).toContain('9 members of 12');
    expect(cards()[1].querySelector('a')?.getAttribute('href')).toBe(`/groups/${groups[1].id}`);
  });

  it('offers "New group" to managers only', async () => {
    expect((await render('manager')).controls()).toContain('New group');
    TestBed.resetTestingModule();
    expect((await render('peer')).controls()).not.toContain('New group');
  });

  it('asks the server for the peer’s own groups when "Only groups I facilitate" is on', async () => {
    const { element, backend } = await render('peer');
    element.querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    await settle();
    const request = backend.expectOne((r) => r.url === '/api/groups');
    expect(request.request.params.get('mine')).toBe('true');
    request.flush({ items: [groups[1]], nextCursor: null });
  });
});
