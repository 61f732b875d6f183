import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { HandoffTimes, Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { HandoffTimesPanel } from './handoff-times';

const PROGRAM = '20000000-0000-4000-8000-000000000001';

const times = (targetHours = 24): HandoffTimes => ({
  programId: null,
  from: '2025-12-10T15:00:00.000Z',
  to: '2026-03-10T15:00:00.000Z',
  targetHours,
  sources: [
    {
      source: 'jail_reentry',
      handoffs: 3,
      attempted: 3,
      contacted: 2,
      medianHoursToFirstAttempt: 3,
      medianHoursToFirstContact: 30.5,
      contactedWithinTarget: 0.33,
    },
  ],
});

async function render(role: Role) {
  TestBed.configureTestingModule({
    imports: [HandoffTimesPanel],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(HandoffTimesPanel);
  fixture.detectChanges();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  backend
    .expectOne((r) => r.url === '/api/programs')
    .flush({ items: [{ id: PROGRAM, name: 'Recovery Support Services' }], nextCursor: null });
  backend.expectOne((r) => r.url === '/api/handoffs/times').flush(times());
  await refresh();
  return { backend, refresh, element: fixture.nativeElement as HTMLElement };
}

describe('HandoffTimesPanel', () => {
  it('shows the medians per source against the target, saying in words which are over it', async () => {
    const { element } = await render('manager');
    expect(element.textContent).toContain('target of 24 h');
    const row = element.querySelector('[data-testid="handoff-source-row"]') as HTMLElement;
    const cells = Array.from(row.querySelectorAll('th, td')).map((c) => c.textContent?.trim());
    expect(cells[0]).toBe('Jail re-entry');
    expect(cells[2]).toBe('3 h');
    expect(cells[3]).toContain('30.5 h');
    expect(cells[3]).toContain('over target');
    expect(cells[3]).toContain('1 not reached yet');
    expect(cells[4]).toBe('33%');
  });

  it('lets a manager set the program’s target, then shows the figures against it', async () => {
    const { backend, refresh, element } = await render('manager');
    const input = element.querySelector<HTMLInputElement>('input[name="targetHours"]') as HTMLInputElement;
    expect(input.value).toBe('24');
    input.value = '36';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('form.target button[type="submit"]')?.click();
    await refresh();
    const put = backend.expectOne(`/api/programs/${PROGRAM}/handoff-target`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ hours: 36 });
    put.flush({ programId: PROGRAM, hours: 36 });
    await refresh();
    backend.expectOne((r) => r.url === '/api/handoffs/times').flush(times(36));
    await refresh();
    expect(element.textContent).toContain('Target saved: first contact within 36 h.');
    expect(element.textContent).toContain('target of 36 h');
    expect(element.textContent).not.toContain('over target');
  });

  it('offers no target setting to a peer', async () => {
    const { element } = await render('peer');
    expect(element.querySelector('form.target')).toBeNull();
  });
});
