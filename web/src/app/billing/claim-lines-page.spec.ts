import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { addDays, type ClaimLine } from '@peerpath/contracts';
import { localToday } from '../core/clinic-clock';
import { accessibleText, settle } from '../../testing/session-users';
import { ClaimLinesPage } from './claim-lines-page';

function line(over: Partial<ClaimLine> = {}): ClaimLine {
  return {
    clientId: '40000000-0000-4000-8000-000000000011',
    clientName: 'Avery Example',
    renderingPeerId: '20000000-0000-4000-8000-000000000001',
    renderingPeerName: 'Pat Peer',
    serviceDate: '2026-03-02',
    hcpcs: 'H0038',
    modifiers: [],
    placeOfService: '11',
    minutes: 30,
    units: 2,
    contactIds: ['50000000-0000-4000-8000-000000000001'],
    sessionId: null,
    ready: true,
    problems: [],
    ...over,
  };
}

async function render(items: ClaimLine[]) {
  TestBed.configureTestingModule({
    imports: [ClaimLinesPage],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(ClaimLinesPage);
  fixture.detectChanges();
  const backend = TestBed.inject(HttpTestingController);
  const to = localToday();
  const from = addDays(to, -30);
  backend
    .expectOne((r) => r.url === '/api/billing/claim-lines' && r.params.toString() === `from=${from}&to=${to}`)
    .flush({ items });
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const shown = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="claim-line"]'));
  return { fixture, element, shown, from, to };
}

describe('ClaimLinesPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the lines, the not-ready ones with their reasons in words, and the CSV of the same period', async () => {
    const { fixture, element, shown, from, to } = await render([
      line(),
      line({
        clientName: 'Blake Sample',
        modifiers: ['HQ'],
        sessionId: '60000000-0000-4000-8000-000000000001',
        units: 6,
        ready: false,
        problems: ['credential', 'medicaid-id'],
      }),
    ]);
    expect(element.querySelector('.summary')?.textContent?.trim()).toBe(
      '2 lines · 1 not ready · 2 units ready to bill',
    );
    expect(shown()).toHaveLength(2);
    const notReady = shown()[1];
    expect(notReady.textContent).toContain('H0038-HQ');
    expect(Array.from(notReady.querySelectorAll('.reasons li')).map((li) => li.textContent?.trim())).toEqual([
      'Peer credential missing or expired on the date of service',
      'Client has no Medicaid id',
    ]);

    const toggle = Array.from(element.querySelectorAll('button')).find((b) =>
      accessibleText(b).startsWith('Not ready'),
    );
    toggle?.click();
    await fixture.whenStable();
    expect(shown().map((l) => l.querySelector('.client')?.textContent?.trim())).toEqual(['Blake Sample']);

    const csv = element.querySelector<HTMLAnchorElement>('[data-testid="claim-lines-csv"]');
    expect(csv?.getAttribute('href')).toBe(`/api/billing/claim-lines.csv?from=${from}&to=${to}`);
  });

  it('says so when the period has no claim lines', async () => {
    const { element } = await render([]);
    expect(element.textContent).toContain('No claim lines in this period.');
  });
});
