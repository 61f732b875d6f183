import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { REDISCLOSURE_NOTICE, type Referral } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { consent, referral, resource } from './referral-fixtures';
import { REDISCLOSURE_HEADING, ReferralSummaryPage } from './referral-summary-page';

async function render(shown: Referral) {
  TestBed.configureTestingModule({
    imports: [ReferralSummaryPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
    ],
  });
  const fixture = TestBed.createComponent(ReferralSummaryPage);
  fixture.componentRef.setInput('id', shown.id);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne(`/api/referrals/${shown.id}`).flush(shown);
  await settle();
  backend.expectOne(`/api/resources/${shown.resourceId}`).flush(resource());
  if (shown.consentId)
    backend
      .expectOne(`/api/clients/${shown.clientId}/consents`)
      .flush([consent({ id: shown.consentId, signedAt: '2026-02-03' })]);
  await settle();
  await fixture.whenStable();
  backend.verify();
  return fixture.nativeElement as HTMLElement;
}

const headings = (element: HTMLElement) =>
  Array.from(element.querySelectorAll('h1, h2')).map((h) => h.textContent?.trim());

describe('ReferralSummaryPage', () => {
  it('carries the full redisclosure notice when client information is shared', async () => {
    const element = await render(
      referral(1, {
        shareInformation: true,
        consentId: '80000000-0000-4000-8000-000000000001',
        note: 'Needs a bed this week (fake).',
      }),
    );
    expect(headings(element)).toContain(REDISCLOSURE_HEADING);
    const notice = element.querySelector('[data-testid="redisclosure-notice"]');
    expect(notice?.textContent?.replace(/\s+/g, ' ')).toContain(REDISCLOSURE_NOTICE);
    const text = element.textContent ?? '';
    expect(text).toContain('Client 1');
    expect(text).toContain('Harbor Light Shelter (fake)');
    expect(text).toContain('Needs a bed this week (fake).');
    expect(text).toContain('555-0200');
    expect(text).toContain('signed 3 Feb 2026');
  });

  it('has no redisclosure notice when nothing is shared', async () => {
    const element = await render(referral(2, { shareInformation: false }));
    expect(headings(element)).toEqual(expect.arrayContaining(['Referral summary', 'Referral', 'History']));
    expect(headings(element)).not.toContain(REDISCLOSURE_HEADING);
    expect(element.textContent).not.toContain('42 CFR part 2');
    expect(element.querySelector('[data-testid="redisclosure-notice"]')).toBeNull();
  });
});
