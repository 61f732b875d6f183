import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Handoff, Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { clockMinutes, clockTone, formatClock } from './handoff-display';
import { HandoffQueue } from './handoff-queue';

const PROGRAM = '20000000-0000-4000-8000-000000000001';
const OTHER_PROGRAM = '20000000-0000-4000-8000-000000000002';
const HOUR = 3_600_000;

function handoff(over: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h0000000-0000-4000-8000-000000000001',
    programId: PROGRAM,
    source: 'emergency_department',
    referrerName: 'ED charge nurse (demo)',
    referrerContact: '555-0110',
    receivedAt: new Date(Date.now() - 3 * HOUR - 5 * 60_000).toISOString(),
    firstName: 'Sample',
    lastName: 'Handoffone',
    phone: '555-0150',
    dateOfBirth: null,
    need: 'moud',
    note: null,
    claimedBy: null,
    claimedByName: null,
    claimedAt: null,
    firstAttemptAt: null,
    firstContactAt: null,
    clientId: null,
    closedReason: null,
    closedAt: null,
    status: 'new',
    minutesSinceReceipt: 185,
    attempts: [],
    version: 1,
    ...over,
  };
}

async function render(role: Role, items: Handoff[], programs: { id: string; name: string }[] = []) {
  const user = sessionUser(role, { programIds: [PROGRAM, OTHER_PROGRAM] });
  TestBed.configureTestingModule({
    imports: [HandoffQueue],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(HandoffQueue);
  fixture.detectChanges();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  backend.expectOne((r) => r.url === '/api/programs').flush({ items: programs, nextCursor: null });
  const list = backend.expectOne((r) => r.url === '/api/handoffs');
  list.flush({ items });
  backend
    .expectOne((r) => r.url === '/api/handoffs/times')
    .flush({ programId: null, from: '', to: '', targetHours: 24, sources: [] });
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const buttons = (text: string) =>
    Array.from(element.querySelectorAll<HTMLElement>('button, a')).filter((b) =>
      b.textContent?.includes(text),
    );
  return { fixture, backend, element, refresh, user, list, buttons };
}

describe('HandoffQueue', () => {
  it('asks for the open queue and shows each handoff’s source, referrer, reach, need and clock', async () => {
    const { element, list } = await render('peer', [handoff()]);
    expect(list.request.params.get('status')).toBe('open');
    const card = element.querySelector('li.handoff') as HTMLElement;
    const text = card.textContent ?? '';
    expect(text).toContain('Sample Handoffone');
    expect(text).toContain('Emergency department: ED charge nurse (demo)');
    expect(text).toContain('555-0110');
    expect(card.querySelector('a[href="tel:555-0150"]')).not.toBeNull();
    expect(text).toContain('MOUD');
    expect(text).toMatch(/3 h 0[45] min since receipt/);
  });

  it('marks a handoff past the program’s target', async () => {
    const { element } = await render('peer', [
      handoff({ receivedAt: new Date(Date.now() - 30 * HOUR).toISOString() }),
    ]);
    const card = element.querySelector('li.handoff') as HTMLElement;
    expect(card.classList).toContain('tone-over');
    expect(card.textContent).toContain('past the 24 h target');
  });

  it('claims for a peer and then offers the attempt, the intake and closing', async () => {
    const { backend, element, refresh, user, buttons } = await render('peer', [handoff()]);
    buttons('Claim')[0].click();
    const claim = backend.expectOne((r) => r.url.endsWith('/claim'));
    expect(claim.request.method).toBe('POST');
    claim.flush(handoff({ status: 'claimed', claimedBy: user.id, claimedByName: user.name }));
    await refresh();
    expect(buttons('Claim')).toHaveLength(0);
    expect(buttons('Log attempt')).toHaveLength(1);
    const intake = buttons('Start intake')[0] as HTMLAnchorElement;
    expect(intake.getAttribute('href')).toBe(`/clients/new?handoff=${handoff().id}`);
    expect(buttons('Close')).toHaveLength(1);
    expect(element.textContent).toContain('Claimed by');
  });

  it('says plainly when another peer claimed it first', async () => {
    const { backend, element, refresh, buttons } = await render('peer', [handoff()]);
    buttons('Claim')[0].click();
    backend
      .expectOne((r) => r.url.endsWith('/claim'))
      .flush(
        {
          type: 'https://peerpath.example/problems/already-claimed',
          title: 'Conflict',
          status: 409,
          detail: 'Another peer has already claimed this handoff.',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await refresh();
    backend
      .expectOne((r) => r.url === `/api/handoffs/${handoff().id}`)
      .flush(handoff({ status: 'claimed', claimedBy: 'someone-else', claimedByName: 'Jordan Peer' }));
    await refresh();
    const alert = element.querySelector('li.handoff [role="alert"]');
    expect(alert?.textContent).toContain('Jordan Peer claimed this handoff first');
    expect(buttons('Claim')).toHaveLength(0);
    expect(buttons('Start intake')).toHaveLength(0);
  });

  it('lets a manager record and close handoffs but not claim them', async () => {
    const { buttons } = await render('manager', [handoff()]);
    expect(buttons('Record a handoff')).toHaveLength(1);
    expect(buttons('Claim')).toHaveLength(0);
    expect(buttons('Close')).toHaveLength(1);
  });

  it('reloads for another status and links a converted handoff to its client', async () => {
    const { backend, fixture, refresh, element } = await render('peer', []);
    expect(element.textContent).toContain('No handoffs here');
    (fixture.componentInstance as unknown as { setStatus(s: string): void }).setStatus('converted');
    const request = backend.expectOne((r) => r.url === '/api/handoffs');
    expect(request.request.params.get('status')).toBe('converted');
    request.flush({
      items: [
        handoff({
          status: 'converted',
          clientId: 'c0000000-0000-4000-8000-000000000009',
          closedAt: new Date().toISOString(),
        }),
      ],
    });
    await refresh();
    const link = element.querySelector<HTMLAnchorElement>(
      'a[href="/clients/c0000000-0000-4000-8000-000000000009"]',
    );
    expect(link?.textContent).toContain('Open client record');
    expect(element.textContent).toContain('from receipt to intake');
  });
});

describe('HandoffQueue program filter', () => {
  it('offers the program filter to staff of several programs and asks for that program’s queue', async () => {
    const { backend, element, refresh, fixture } = await render(
      'peer',
      [handoff()],
      [
        { id: PROGRAM, name: 'Recovery Support Services' },
        { id: OTHER_PROGRAM, name: 'Re-entry Bridge' },
      ],
    );
    const labels = Array.from(element.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Program', 'Status']);
    expect(element.textContent).toContain('Recovery Support Services');
    (fixture.componentInstance as unknown as { setProgram(id: string): void }).setProgram(OTHER_PROGRAM);
    const request = backend.expectOne((r) => r.url === '/api/handoffs');
    expect(request.request.params.get('programId')).toBe(OTHER_PROGRAM);
    request.flush({ items: [] });
    const times = backend.expectOne((r) => r.url === '/api/handoffs/times');
    expect(times.request.params.get('programId')).toBe(OTHER_PROGRAM);
    times.flush({ programId: OTHER_PROGRAM, from: '', to: '', targetHours: 48, sources: [] });
    await refresh();
    expect(element.textContent).toContain('within 48 h of receipt');
  });

  it('shows no program filter to staff of one program', async () => {
    const { element } = await render('peer', [], [{ id: PROGRAM, name: 'Recovery Support Services' }]);
    const labels = Array.from(element.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Status']);
  });
});

describe('handoff clock', () => {
  const now = new Date('2026-03-10T15:00:00Z');

  it('runs from receipt while open and stops at closing', () => {
    expect(clockMinutes({ receivedAt: '2026-03-10T14:15:00Z', closedAt: null }, now)).toBe(45);
    expect(clockMinutes({ receivedAt: '2026-03-09T10:00:00Z', closedAt: '2026-03-09T12:30:00Z' }, now)).toBe(
      150,
    );
    expect(formatClock(45)).toBe('45 min');
    expect(formatClock(185)).toBe('3 h 05 min');
    expect(formatClock(60 * 50)).toBe('2 d 2 h');
  });

  it('warns in the target’s last quarter and past it, never once the person was reached', () => {
    const open = { firstContactAt: null, status: 'new' as const };
    expect(clockTone(open, 60 * 10, 24)).toBe('ok');
    expect(clockTone(open, 60 * 19, 24)).toBe('near');
    expect(clockTone(open, 60 * 25, 24)).toBe('over');
    expect(clockTone({ firstContactAt: '2026-03-10T00:00:00Z', status: 'claimed' }, 60 * 40, 24)).toBe('ok');
  });
});
