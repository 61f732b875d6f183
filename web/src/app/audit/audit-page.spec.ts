import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditEvent, AuditHighlight } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { AuditPage } from './audit-page';

const PEER2 = '00000000-0000-4000-8000-0000000000aa';
const highlight: AuditHighlight = {
  kind: 'denied',
  actorId: PEER2,
  actorName: 'Robin Peer',
  at: '2026-03-01T10:00:00Z',
  detail: 'client.read',
  count: 3,
};
const event: AuditEvent = {
  id: '90000000-0000-4000-8000-000000000001',
  at: '2026-03-01T10:00:00Z',
  actorId: PEER2,
  actorName: 'Robin Peer',
  actorRole: 'peer',
  action: 'client.read',
  entityType: 'client',
  entityId: null,
  clientId: null,
  clientName: null,
  outcome: 'success',
  ip: '127.0.0.1',
  emergency: true,
};

async function render() {
  TestBed.configureTestingModule({
    imports: [AuditPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('manager')) },
    ],
  });
  const fixture = TestBed.createComponent(AuditPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  backend.expectOne((r) => r.url === '/api/users').flush({ items: [], nextCursor: null });
  backend.expectOne((r) => r.url === '/api/audit-events').flush({ items: [event], nextCursor: null });
  backend.expectOne((r) => r.url === '/api/audit-events/highlights').flush([highlight]);
  await refresh();
  return { fixture, backend, refresh, element: fixture.nativeElement as HTMLElement };
}

describe('AuditPage access review', () => {
  it('shows highlighted events and marks events recorded during emergency access', async () => {
    const { element } = await render();
    const card = element.querySelector('[data-testid="audit-highlight"]');
    expect(card?.textContent).toContain('Denied attempts');
    expect(card?.textContent).toContain('Robin Peer — client.read (3)');
    expect(element.querySelector('.emergency-badge')?.textContent).toContain('Emergency');
  });

  it('sends action, outcome and emergency filters to the list, the highlights and the CSV export alike', async () => {
    const { fixture, backend, refresh, element } = await render();
    fixture.componentInstance['filters'].patchValue({
      action: ' client.read ',
      outcome: 'denied',
      emergency: 'true',
    });
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await refresh();
    const list = backend.expectOne((r) => r.url === '/api/audit-events');
    const highlights = backend.expectOne((r) => r.url === '/api/audit-events/highlights');
    for (const request of [list, highlights]) {
      expect(request.request.params.get('action')).toBe('client.read');
      expect(request.request.params.get('outcome')).toBe('denied');
      expect(request.request.params.get('emergency')).toBe('true');
    }
    list.flush({ items: [], nextCursor: null });
    highlights.flush([]);
    await refresh();
    const href = element.querySelector('[data-testid="audit-export"]')?.getAttribute('href') ?? '';
    expect(href.startsWith('/api/audit-events/export.csv?')).toBe(true);
    expect(new URLSearchParams(href.split('?')[1]).get('outcome')).toBe('denied');
    expect(new URLSearchParams(href.split('?')[1]).get('emergency')).toBe('true');
    expect(element.textContent).toContain('Nothing unusual among these events.');
  });

  it('narrows the log to a highlight’s staff member and kind', async () => {
    const { backend, refresh, element } = await render();
    const show = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Show events'),
    );
    show?.click();
    await refresh();
    const list = backend.expectOne((r) => r.url === '/api/audit-events');
    expect(list.request.params.get('actorId')).toBe(PEER2);
    expect(list.request.params.get('outcome')).toBe('denied');
  });
});
