import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { caseloadEntry } from '../../testing/clinic-records';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { MyCaseload } from '../clients/caseload/my-caseload';
import { AuthService } from '../core/auth.service';

describe('My caseload: referral chips', () => {
  it('shows open and overdue referrals on each row', async () => {
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
    TestBed.inject(HttpTestingController)
      .expectOne('/api/caseload')
      .flush({
        items: [
          caseloadEntry(1, { firstName: 'Avery', openReferrals: 2, overdueReferrals: 1 }),
          caseloadEntry(2, { firstName: 'Blake', openReferrals: 1 }),
          caseloadEntry(3, { firstName: 'Casey' }),
        ],
        nextCursor: null,
      });
    await settle();
    await fixture.whenStable();
    const rows = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('[data-testid="caseload-row"]'),
    );
    const chips = rows.map((r) =>
      Array.from(r.querySelectorAll('.chip-referrals, .chip-referrals-overdue')).map((c) =>
        c.textContent?.trim(),
      ),
    );
    expect(chips).toEqual([['2 open referrals', '1 overdue referral'], ['1 open referral'], []]);
  });
});
