import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditEvent, AuditHighlight, Client, Role, User } from '@peerpath/contracts';
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

const CLIENT = '30000000-0000-4000-8000-000000000001';
const OUTSIDE = '30000000-0000-4000-8000-000000000002';
const named: AuditEvent[] = [
  {
    ...event,
    id: '90000000-0000-4000-8000-000000000002',
    emergency: false,
    clientId: CLIENT,
    clientName: 'Sunny Rivera',
  },
  {
    ...event,
    id: '90000000-0000-4000-8000-000000000003',
    emergency: false,
    actorName: null,
    actorId: null,
    clientId: OUTSIDE,
    clientName: null,
  },
];
const staff = (id: string, name: string, role: Role): User =>
  ({ id, name, role, email: `${id}@demo.test`, programIds: [], active: true, version: 1 }) as unknown as User;
const client = (id: string, firstName: string, lastName: string, status: Client['status']): Client =>
  ({ id, firstName, lastName, preferredName: null, status }) as unknown as Client;

async function render(role: Role = 'manager', events: AuditEvent[] = [event]) {
  TestBed.configureTestingModule({
    imports: [AuditPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(AuditPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  backend
    .expectOne((r) => r.url === '/api/users')
    .flush({
      items: [
        staff(PEER2, 'Robin Peer', 'peer'),
        staff('00000000-0000-4000-8000-0000000000bb', 'Pat Peer', 'peer'),
        staff('00000000-0000-4000-8000-0000000000cc', 'Casey Clinician', 'clinician'),
      ],
      nextCursor: null,
    });
  backend.expectOne((r) => r.url === '/api/audit-events').flush({ items: events, nextCursor: null });
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

  /** Types into a filter field as a person would, and returns the options the autocomplete offers. */
  async function type(element: HTMLElement, testId: string, text: string, refresh: () => Promise<void>) {
    const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no ${testId} on the page`);
    input.focus();
    input.dispatchEvent(new Event('focusin'));
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await refresh();
    return () => Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('shows staff and client names in rows, with the full ids as secondary text, and never a name outside the caller’s access', async () => {
    const { element } = await render('manager', named);
    const rows = Array.from(element.querySelectorAll('tr[mat-row]'));
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((row) => row.textContent ?? '');
    expect(first).toContain('Robin Peer');
    expect(first).toContain(PEER2);
    expect(first).toContain('Sunny Rivera');
    expect(first).toContain(CLIENT);
    expect(second).toContain('No signed-in user');
    expect(second).toContain('Outside your access');
    expect(second).toContain(OUTSIDE);
    expect(element.textContent).not.toMatch(/Staff [0-9a-f]{8}\b/);
  });

  it('picks a staff member by typing a name and sends only their id', async () => {
    const { backend, refresh, element } = await render();
    const options = await type(element, 'audit-staff-filter', 'rob', refresh);
    expect(options().map((o) => o.textContent?.trim())).toEqual([expect.stringContaining('Robin Peer')]);
    options()[0].click();
    await refresh();
    expect(element.querySelector<HTMLInputElement>('[data-testid="audit-staff-filter"]')?.value).toBe(
      'Robin Peer',
    );
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await refresh();
    const list = backend.expectOne((r) => r.url === '/api/audit-events');
    const highlights = backend.expectOne((r) => r.url === '/api/audit-events/highlights');
    expect(list.request.params.get('actorId')).toBe(PEER2);
    expect(highlights.request.params.get('actorId')).toBe(PEER2);
    expect(list.request.params.keys().sort()).toEqual(['actorId', 'limit']);
    expect(list.request.urlWithParams).not.toMatch(/robin/i);
    list.flush({ items: [], nextCursor: null });
    highlights.flush([]);
  });

  it('finds clients by name among active and discharged ones and sends only the chosen client’s id', async () => {
    const { fixture, backend, refresh, element } = await render();
    fixture.componentInstance['searchDelay'] = 0;
    const options = await type(element, 'audit-client-filter', 'sun', refresh);
    const searches = backend.match((r) => r.url === '/api/clients');
    expect(searches.map((r) => [r.request.params.get('q'), r.request.params.get('status')])).toEqual([
      ['sun', 'active'],
      ['sun', 'discharged'],
    ]);
    searches[0].flush({ items: [client(CLIENT, 'Sunny', 'Rivera', 'active')], nextCursor: null });
    searches[1].flush({ items: [client(OUTSIDE, 'Sunniva', 'Lund', 'discharged')], nextCursor: null });
    await refresh();
    expect(options().map((o) => o.textContent?.trim())).toEqual([
      'Sunny Rivera',
      expect.stringMatching(/Sunniva Lund\s+Discharged/),
    ]);
    options()[0].click();
    await refresh();
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await refresh();
    const list = backend.expectOne((r) => r.url === '/api/audit-events');
    expect(list.request.params.get('clientId')).toBe(CLIENT);
    expect(list.request.urlWithParams).not.toMatch(/sun/i);
    list.flush({ items: [], nextCursor: null });
    backend.expectOne((r) => r.url === '/api/audit-events/highlights').flush([]);
  });

  it('refuses a typed name nobody was chosen for, sending nothing', async () => {
    const { backend, refresh, element } = await render();
    await type(element, 'audit-staff-filter', 'Nobody Here', refresh);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await refresh();
    expect(element.textContent).toContain('Choose a staff member from the list');
    backend.expectNone((r) => r.url === '/api/audit-events');
  });

  it('gives an admin, who sees no client records, a client id field and no client search', async () => {
    const { backend, element } = await render('admin');
    expect(element.querySelector('[data-testid="audit-client-filter"]')).toBeNull();
    expect(element.textContent).toContain('Client ID');
    backend.expectNone((r) => r.url === '/api/clients');
  });
});
