import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseloadEntry } from '@peerpath/contracts';
import { caseloadEntry } from '../../../testing/clinic-records';
import { fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { MyCaseload } from './my-caseload';

async function render(entries: CaseloadEntry[]) {
  TestBed.configureTestingModule({
    imports: [MyCaseload],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
    ],
  });
  const fixture = TestBed.createComponent(MyCaseload);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const request = backend.expectOne('/api/caseload');
  expect(request.request.params.keys()).toEqual([]);
  request.flush({ items: entries, nextCursor: null });
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const rows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="caseload-row"]'));
  const names = () => rows().map((r) => r.querySelector('.row-name')?.textContent?.trim());
  const search = async (text: string) => {
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search box');
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, element, rows, names, search };
}

describe('MyCaseload', () => {
  const entries = [
    caseloadEntry(1, { firstName: 'Blake', lastName: 'Sample' }),
    caseloadEntry(2, { firstName: 'Avery', lastName: 'Example', overdue: true, daysSinceContact: 20 }),
    caseloadEntry(3, { firstName: 'Casey', lastName: 'Núñez', preferredName: 'Cas', draftContacts: 2 }),
    caseloadEntry(4, {
      firstName: 'Devon',
      lastName: 'Madeup',
      overdue: true,
      daysSinceContact: null,
      lastContactAt: null,
    }),
  ];

  it('puts overdue clients first, each with an Overdue chip and days since contact', async () => {
    const { rows, names } = await render(entries);
    expect(names()).toEqual(['Avery Example', 'Devon Madeup', 'Blake Sample', 'Cas Núñez']);
    const chips = rows().map((r) => r.querySelector('.chip-overdue')?.textContent?.trim() ?? null);
    expect(chips).toEqual(['Overdue', 'Overdue', null, null]);
    expect(rows()[0].textContent).toContain('20 days since contact');
    expect(rows()[1].textContent).toContain('No contact yet');
    expect(rows()[3].textContent).toContain('2 drafts');
    expect(rows()[2].textContent).toContain('Day 100 in recovery');
    expect(rows()[2].textContent).toContain('6 months in 80 days');
  });

  it('offers one-tap logging per row and opens the client on a tap of the row', async () => {
    const { rows } = await render(entries);
    const log = rows()[0].querySelector('a[aria-label="Log contact for Avery Example"]');
    expect(log?.getAttribute('href')).toBe(`/clients/${entries[1].clientId}/log-contact`);
    expect(rows()[0].querySelector('.row-link')?.getAttribute('href')).toBe(
      `/clients/${entries[1].clientId}`,
    );
  });

  it('filters by name without minding case or accents', async () => {
    const { names, search } = await render(entries);
    await search('nunez');
    expect(names()).toEqual(['Cas Núñez']);
    await search('CASEY');
    expect(names()).toEqual(['Cas Núñez']);
    await search('avery ex');
    expect(names()).toEqual(['Avery Example']);
  });

  it('flags a client who missed their last two group sessions', async () => {
    const { rows } = await render([
      caseloadEntry(1, { firstName: 'Blake', lastName: 'Sample', missedLastTwoSessions: true }),
      caseloadEntry(2, { firstName: 'Casey', lastName: 'Other' }),
    ]);
    const chips = rows().map((r) => r.querySelector('.chip-missed')?.textContent?.trim() ?? null);
    expect(chips).toEqual(['Missed last 2 groups', null]);
  });

  it('says so when the caseload is empty', async () => {
    const { element } = await render([]);
    expect(element.textContent).toContain('No clients on your caseload yet.');
    expect(
      Array.from(element.querySelectorAll('a')).some((a) => a.textContent?.trim().includes('New client')),
    ).toBe(true);
  });
});

describe('MyCaseload with no signal', () => {
  afterEach(() => localStorage.clear());

  async function open(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [MyCaseload],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
      ],
    });
    const fixture = TestBed.createComponent(MyCaseload);
    await fixture.whenStable();
    answer(TestBed.inject(HttpTestingController).expectOne('/api/caseload'));
    await settle();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return Array.from(element.querySelectorAll('.row-name')).map((n) => n.textContent?.trim());
  }
  const noSignal = (r: ReturnType<HttpTestingController['expectOne']>) =>
    r.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

  it('shows the caseload this phone last loaded', async () => {
    const kept = [caseloadEntry(1, { firstName: 'Blake', lastName: 'Sample' })];
    await open((r) => r.flush({ items: kept, nextCursor: null }));
    expect(await open(noSignal)).toEqual(['Blake Sample']);
  });

  it('says it could not load when nothing was kept', async () => {
    expect(await open(noSignal)).toEqual([]);
    expect(document.body.textContent).toContain(
      'PeerPath cannot be reached. Check your connection and try again.',
    );
  });
});
