import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { referral, RESOURCE, resource } from './referral-fixtures';
import { historyQuery, NO_FILTERS, ReferralHistory } from './referral-history';
import { referralExportUrl } from './referrals-api.service';

describe('historyQuery and the export link', () => {
  it('sends only the filters set, with an inclusive date range', () => {
    const query = historyQuery({
      ...NO_FILTERS,
      need: 'housing',
      status: 'completed',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(query).toEqual({
      need: 'housing',
      status: 'completed',
      resourceId: null,
      from: '2026-03-01',
      to: '2026-04-01',
    });
    expect(referralExportUrl(query)).toBe(
      '/api/referrals/export.csv?need=housing&status=completed&from=2026-03-01&to=2026-04-01',
    );
    expect(referralExportUrl(historyQuery(NO_FILTERS))).toBe('/api/referrals/export.csv');
  });
});

describe('ReferralHistory', () => {
  it('lists program referrals and keeps the CSV link on the same filters as the list', async () => {
    TestBed.configureTestingModule({
      imports: [ReferralHistory],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: fakeAuth(sessionUser('clinician')) },
      ],
    });
    const fixture = TestBed.createComponent(ReferralHistory);
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    const first = backend.expectOne((r) => r.url === '/api/referrals');
    expect(first.request.params.keys()).toEqual(['limit']);
    first.flush({ items: [referral(1), referral(2, { status: 'completed' })], nextCursor: null });
    backend.expectOne((r) => r.url === '/api/resources').flush({ items: [resource()], nextCursor: null });
    await settle();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelectorAll('[data-testid="history-row"]')).toHaveLength(2);
    const exportLink = () =>
      Array.from(element.querySelectorAll('a')).find((a) => a.textContent?.includes('Export CSV'));
    expect(exportLink()?.getAttribute('href')).toBe('/api/referrals/export.csv');

    const component = fixture.componentInstance as unknown as {
      set: (key: string, value: string) => void;
    };
    component.set('resourceId', RESOURCE);
    const filtered = backend.expectOne((r) => r.url === '/api/referrals');
    expect(filtered.request.params.get('resourceId')).toBe(RESOURCE);
    filtered.flush({ items: [referral(1)], nextCursor: null });
    await settle();
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="history-row"]')).toHaveLength(1);
    expect(exportLink()?.getAttribute('href')).toBe(`/api/referrals/export.csv?resourceId=${RESOURCE}`);
    backend.verify();
  });
});
