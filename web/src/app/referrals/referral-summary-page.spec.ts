import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PART2_NOTICE_STATEMENT_1, type Referral, type ReferralPacket } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { referral, resource } from './referral-fixtures';
import { REDISCLOSURE_HEADING, ReferralSummaryPage } from './referral-summary-page';

function packetOf(r: Referral): ReferralPacket {
  const base = {
    referralId: r.id,
    organization: { name: 'Demo Recovery Clinic' },
    recipient: 'Harbor Light Shelter (fake) — Harbor Light Services (fake)',
    need: r.need,
    urgency: r.urgency,
  };
  if (!r.shareInformation)
    return { ...base, client: null, note: null, consent: null, elements: [], notice: null };
  return {
    ...base,
    client: { name: 'Client One (fake)', phone: '555-0101' },
    note: r.note,
    consent: {
      id: r.consentId ?? '',
      disclosingParty: 'Demo Recovery Clinic',
      recipient: 'Harbor Light Shelter (fake)',
      purpose: 'Coordinate the referral',
      information: 'Name and phone',
      elements: ['name', 'phone', 'need', 'urgency', 'note'],
      signedAt: '2026-02-03',
      signedBy: 'representative',
      representativeName: 'Robin Sample (fake)',
      expiresAt: '2027-02-03',
      expiryEvent: null,
      recipientIsCoveredEntity: true,
      revocation: 'I understand that I may revoke this consent.',
    },
    elements: ['name', 'phone', 'need', 'urgency', 'note'],
    notice: PART2_NOTICE_STATEMENT_1,
  };
}

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
  backend.expectOne(`/api/referrals/${shown.id}/packet`).flush(packetOf(shown));
  await settle();
  backend.expectOne(`/api/resources/${shown.resourceId}`).flush(resource());
  await settle();
  await fixture.whenStable();
  // A shared referral also shows its recipient link.
  if (shown.shareInformation)
    backend.expectOne(`/api/referrals/${shown.id}/recipient-link`).flush({ link: null, answers: [] });
  await settle();
  await fixture.whenStable();
  backend.verify();
  return fixture.nativeElement as HTMLElement;
}

const headings = (element: HTMLElement) =>
  Array.from(element.querySelectorAll('h1, h2')).map((h) => h.textContent?.trim());

describe('ReferralSummaryPage', () => {
  it('shows the packet: consented elements, the consent scope and Statement 1', async () => {
    const element = await render(
      referral(1, {
        shareInformation: true,
        consentId: '80000000-0000-4000-8000-000000000001',
        note: 'Needs a bed this week (fake).',
      }),
    );
    expect(headings(element)).toContain(REDISCLOSURE_HEADING);
    const notice = element.querySelector('[data-testid="redisclosure-notice"]');
    expect(notice?.textContent?.replace(/\s+/g, ' ')).toContain(PART2_NOTICE_STATEMENT_1);
    const text = element.textContent ?? '';
    expect(text).toContain('Client One (fake)');
    expect(text).toContain(
      'may be redisclosed in accordance with the permissions contained in the HIPAA regulations',
    );
    expect(text).toContain('Harbor Light Shelter (fake)');
    expect(text).toContain('Needs a bed this week (fake).');
    expect(text).toContain('555-0200');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'signed 3 Feb 2026 by Robin Sample (fake), the client’s representative',
    );
    expect(element.querySelector('[data-testid="recipient-link-panel"]')?.textContent).toContain(
      'No link made yet.',
    );
  });

  it('has no redisclosure notice when nothing is shared', async () => {
    const element = await render(referral(2, { shareInformation: false }));
    expect(headings(element)).toEqual(expect.arrayContaining(['Referral summary', 'Referral', 'Client']));
    expect(element.textContent).toContain('No client information is shared with the recipient.');
    expect(headings(element)).not.toContain(REDISCLOSURE_HEADING);
    expect(element.textContent).not.toContain('42 CFR part 2');
    expect(element.querySelector('[data-testid="redisclosure-notice"]')).toBeNull();
  });
});
