import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Disclosure } from '@peerpath/contracts';
import { client, CLIENT_ID } from '../../../testing/clinic-records';
import { fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { consent } from '../../referrals/referral-fixtures';
import { DisclosuresPage } from './disclosures-page';

const disclosure: Disclosure = {
  id: 'd1',
  clientId: CLIENT_ID,
  referralId: null,
  consentId: '80000000-0000-4000-8000-000000000001',
  recipient: 'Westside Legal Aid (fake)',
  recipientContact: 'Intake desk',
  purpose: 'confirm the appointment',
  channel: 'phone',
  elements: ['name', 'phone', 'need'],
  disclosedAt: '2026-11-02T15:00:00Z',
  disclosedBy: 'u1',
  disclosedByName: 'Pat Peer',
};

async function render() {
  TestBed.configureTestingModule({
    imports: [DisclosuresPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
    ],
  });
  const fixture = TestBed.createComponent(DisclosuresPage);
  fixture.componentRef.setInput('id', CLIENT_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne(`/api/clients/${CLIENT_ID}`).flush(client());
  backend.expectOne(`/api/clients/${CLIENT_ID}/disclosures`).flush([disclosure]);
  backend
    .expectOne(`/api/clients/${CLIENT_ID}/consents`)
    .flush([
      consent({ signedAt: '2026-10-01', signedBy: 'representative', representativeName: 'Robin (fake)' }),
    ]);
  await settle();
  await fixture.whenStable();
  return { element: fixture.nativeElement as HTMLElement, backend, fixture };
}

describe('DisclosuresPage', () => {
  it('tells the client in plain words who received what, how, why and under which consent', async () => {
    const { element, backend } = await render();
    const text = (element.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Who we shared your information with');
    expect(text).toContain(
      'Pat Peer shared your name, phone number and reason for referral with Westside Legal Aid (fake) (Intake desk) by phone, to confirm the appointment.',
    );
    expect(text).toContain('Under the consent signed 1 Oct 2026 by Robin (fake)');
    backend.verify();
  });

  it('explains a refusal when no consent covers a disclosure made by phone', async () => {
    const { element, backend, fixture } = await render();
    const input = (label: string) =>
      Array.from(element.querySelectorAll('mat-form-field'))
        .find((f) => f.textContent?.includes(label))
        ?.querySelector('input') as HTMLInputElement;
    for (const [label, value] of [
      ['Recipient contact', 'Front desk'],
      ['Recipient', 'Unnamed Shelter (fake)'],
      ['Purpose', 'Bed availability'],
    ]) {
      const field = input(label);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    (element.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const request = backend.expectOne(`/api/clients/${CLIENT_ID}/disclosures`);
    expect(request.request.body).toEqual({
      recipient: 'Unnamed Shelter (fake)',
      recipientContact: 'Front desk',
      purpose: 'Bed availability',
      channel: 'phone',
      elements: ['name'],
    });
    request.flush(
      { type: 'https://peerpath.example/problems/consent-required', title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'no consent in force names this recipient',
    );
    backend.verify();
  });
});
