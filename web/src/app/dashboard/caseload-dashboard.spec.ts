import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { CaseloadDashboard } from './caseload-dashboard';
import { caseloadReport, PAT_ID, peerFigures } from './report-fixtures';

async function render(role: Role) {
  // jsdom has no canvas; Chart.js then simply draws nothing.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  TestBed.configureTestingModule({
    imports: [CaseloadDashboard],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(CaseloadDashboard);
  fixture.componentRef.setInput('heading', 'Program overview');
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  return { fixture, backend, element, refresh };
}

describe('CaseloadDashboard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('loads the last 4 weeks and draws four charts, KPI cards and a row per peer', async () => {
    const { backend, element, refresh } = await render('manager');
    const request = backend.expectOne((r) => r.url === '/api/reports/caseloads');
    const from = Date.parse(request.request.params.get('from') ?? '');
    const to = Date.parse(request.request.params.get('to') ?? '');
    expect(Math.round((to - from) / 86_400_000)).toBe(28);
    request.flush(caseloadReport());
    await refresh();

    const canvases = Array.from(element.querySelectorAll('canvas'));
    expect(canvases.map((c) => c.getAttribute('data-testid'))).toEqual([
      'chart-caseloads',
      'chart-contacts',
      'chart-referrals',
      'chart-attendance',
    ]);
    expect(element.querySelector('[data-testid="chart-caseloads"]')?.getAttribute('aria-label')).toContain(
      'Robin Peer: 27 active of 25',
    );
    expect(element.querySelectorAll('.kpi')).toHaveLength(5);
    expect(element.querySelectorAll('[data-testid="peer-row"]')).toHaveLength(2);
    const csv = element.querySelector<HTMLAnchorElement>('[data-testid="export-csv"]');
    expect(csv?.getAttribute('href')).toMatch(/^\/api\/reports\/caseloads\.csv\?from=.+&to=.+/);
  });

  it('reloads for the last 12 weeks and keeps the CSV link on the same period', async () => {
    const { backend, element, refresh } = await render('manager');
    backend.expectOne((r) => r.url === '/api/reports/caseloads').flush(caseloadReport());
    await refresh();
    const twelve = Array.from(element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (b) => b.textContent?.includes('Last 12 weeks'),
    );
    twelve?.click();
    await refresh();
    const request = backend.expectOne((r) => r.url === '/api/reports/caseloads');
    const from = request.request.params.get('from') ?? '';
    expect(
      Math.round((Date.parse(request.request.params.get('to') ?? '') - Date.parse(from)) / 86_400_000),
    ).toBe(84);
    request.flush(caseloadReport());
    await refresh();
    expect(element.querySelector('[data-testid="export-csv"]')?.getAttribute('href')).toContain(
      `from=${from}`,
    );
  });

  it('lets a manager drill into a peer from the figures table', async () => {
    const { backend, element, refresh } = await render('manager');
    backend.expectOne((r) => r.url === '/api/reports/caseloads').flush(caseloadReport());
    await refresh();
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="peer-row"] a');
    expect(link?.getAttribute('href')).toBe(`/dashboard/peers/${PAT_ID}`);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLElement>('[data-testid="peer-row"]')?.click();
    expect(navigate).toHaveBeenCalledWith(['/dashboard/peers', PAT_ID]);
  });

  it('shows a peer their own figures without drill-down links', async () => {
    const { backend, element, refresh } = await render('peer');
    backend
      .expectOne((r) => r.url === '/api/reports/caseloads')
      .flush(caseloadReport({ peers: [peerFigures()] }));
    await refresh();
    expect(element.querySelectorAll('[data-testid="peer-row"]')).toHaveLength(1);
    expect(element.querySelector('[data-testid="peer-row"] a')).toBeNull();
    expect(element.textContent).toContain('Your figures');
  });

  it('says so when nothing was closed or attended instead of drawing empty charts', async () => {
    const { backend, element, refresh } = await render('manager');
    backend
      .expectOne((r) => r.url === '/api/reports/caseloads')
      .flush(caseloadReport({ referralOutcomes: {}, peers: [peerFigures({ groupAttendanceRate: null })] }));
    await refresh();
    expect(element.querySelector('[data-testid="chart-referrals"]')).toBeNull();
    expect(element.querySelector('[data-testid="chart-attendance"]')).toBeNull();
    expect(element.textContent).toContain('No referrals were closed in this period.');
  });
});
