import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role, TimelineEntry } from '@peerpath/contracts';
import { client, CLIENT_ID, contact, PEER_ID, PROGRAM_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { ClientPage } from './client-page';

const draft = contact({ id: '50000000-0000-4000-8000-000000000001' });
const signed = contact({
  id: '50000000-0000-4000-8000-000000000002',
  occurredAt: '2026-02-01T15:00:00Z',
  signedAt: '2026-02-01T16:00:00Z',
  addenda: [
    {
      id: 'a1',
      authorId: PEER_ID,
      authorName: 'Demo peer',
      createdAt: '2026-02-03T10:00:00Z',
      text: 'Corrected the place.',
    },
  ],
});
const timeline: TimelineEntry[] = [
  { kind: 'contact', id: draft.id, at: draft.occurredAt, title: 'check_in', contact: draft },
  { kind: 'contact', id: signed.id, at: signed.occurredAt, title: 'check_in', contact: signed },
  { kind: 'assignment', id: 'as1', at: '2026-01-01T00:00:00Z', title: 'assigned', detail: 'Demo peer' },
  { kind: 'status', id: 'st1', at: '2026-01-01T00:00:00Z', title: 'admitted', detail: null },
];

async function render(role: Role, options: { notFound?: boolean } = {}) {
  const user = role === 'peer' ? sessionUser('peer', { id: PEER_ID }) : sessionUser(role);
  TestBed.configureTestingModule({
    imports: [ClientPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const fixture = TestBed.createComponent(ClientPage);
  fixture.componentRef.setInput('id', CLIENT_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  if (options.notFound) {
    backend
      .expectOne(`/api/clients/${CLIENT_ID}`)
      .flush(
        { status: 404, title: 'Not found', detail: 'No such client.' },
        { status: 404, statusText: 'Not Found' },
      );
  } else {
    backend.expectOne(`/api/clients/${CLIENT_ID}`).flush(client());
    await settle();
    backend.expectOne(`/api/clients/${CLIENT_ID}/assignments`).flush([
      {
        peerId: PEER_ID,
        peerName: 'Demo peer',
        startedAt: '2026-01-01T00:00:00Z',
        endedAt: null,
        assignedBy: null,
      },
    ]);
    backend
      .expectOne((r) => r.url === '/api/programs')
      .flush({
        items: [
          {
            id: PROGRAM_ID,
            name: 'Recovery Support Services',
            description: null,
            overdueContactDays: 14,
            createdAt: '',
          },
        ],
        nextCursor: null,
      });
    backend
      .expectOne((r) => r.url === `/api/clients/${CLIENT_ID}/timeline`)
      .flush({ items: timeline, nextCursor: null });
  }
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const controls = () =>
    Array.from(element.querySelectorAll('a, button'))
      .map((b) => accessibleText(b))
      .filter(Boolean);
  const cards = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="contact-card"]'));
  return { element, backend, controls, cards, refresh };
}

const cardControls = (card: HTMLElement) =>
  Array.from(card.querySelectorAll('a, button')).map((b) => accessibleText(b));

describe('ClientPage', () => {
  it('shows the header, profile and the timeline newest first', async () => {
    const { element, cards } = await render('peer');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Ave Example');
    const text = element.textContent ?? '';
    expect(text).toContain('they/them');
    expect(text).toMatch(/Age \d+/);
    expect(text).toContain('Avery Example');
    expect(text).toContain('Recovery Support Services');
    expect(text).toContain('MRN-1');
    expect(cards()).toHaveLength(2);
    expect(cards()[0].textContent).toContain('Draft');
    expect(cards()[1].textContent).toContain('Signed');
    expect(cards()[1].textContent).toContain('Corrected the place.');
    expect(text).toContain('Assigned to Demo peer');
    expect(text).toContain('Admitted');
  });

  it('gives the author Edit and Sign on a draft and Add addendum on a signed contact', async () => {
    const { controls, cards } = await render('peer');
    expect(controls()).toEqual(expect.arrayContaining(['Log contact', 'Edit profile']));
    expect(cardControls(cards()[0])).toEqual(['Edit', 'Sign']);
    expect(cardControls(cards()[1])).toEqual(['Add addendum']);
  });

  it('is read-only for a clinician: no edit, sign, addendum or log controls', async () => {
    const { controls, cards } = await render('clinician');
    expect(cards()).toHaveLength(2);
    for (const card of cards()) expect(cardControls(card)).toEqual([]);
    for (const name of [
      'Edit',
      'Sign',
      'Add addendum',
      'Log contact',
      'Edit profile',
      'Discharge',
      'Assign peer',
    ]) {
      expect(controls()).not.toContain(name);
    }
  });

  it('gives a manager assignment and discharge but no contact controls', async () => {
    const { controls, cards } = await render('manager');
    expect(controls()).toEqual(expect.arrayContaining(['Assign peer', 'Discharge', 'Edit profile']));
    expect(controls()).not.toContain('Log contact');
    for (const card of cards()) expect(cardControls(card)).toEqual([]);
  });

  it('shows "Client not found" for a client out of reach', async () => {
    const { element } = await render('peer', { notFound: true });
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Client not found');
    expect(element.textContent).not.toContain('Ave');
  });

  it('signs a draft with its version and shows it signed', async () => {
    const { backend, cards, refresh } = await render('peer');
    const sign = Array.from(cards()[0].querySelectorAll('button')).find((b) => accessibleText(b) === 'Sign');
    sign?.click();
    await refresh();
    const request = backend.expectOne(`/api/contacts/${draft.id}/sign`);
    expect(request.request.body).toEqual({ version: 1 });
    request.flush({ ...draft, signedAt: '2026-03-01T16:00:00Z', version: 2 });
    await refresh();
    expect(cards()[0].textContent).toContain('Signed');
    expect(cardControls(cards()[0])).toEqual(['Add addendum']);
  });

  it('has a section bar whose links name the section in the URL', async () => {
    const { element } = await render('peer');
    const bar = element.querySelector('nav[aria-label="Sections of the client page"]');
    const links = Array.from(bar?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Timeline',
      'Referrals',
      'Recovery',
      'Groups',
      'Consents',
      'Profile',
    ]);
    expect(links[0].getAttribute('href')).toMatch(/\?section=timeline$/);
    expect(links[4].getAttribute('href')).toMatch(/\?section=consents$/);
  });
});
