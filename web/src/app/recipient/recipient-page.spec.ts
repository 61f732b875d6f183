import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PART2_NOTICE_STATEMENT_1, type RecipientView } from '@peerpath/contracts';
import { settle } from '../../testing/session-users';
import { RecipientPage } from './recipient-page';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

function view(overrides: Partial<RecipientView> = {}): RecipientView {
  return {
    packet: {
      referralId: '70000000-0000-4000-8000-000000000001',
      organization: { name: 'Demo Recovery Clinic' },
      recipient: 'Harbor Light Shelter (fake)',
      client: { name: 'Client One (fake)', phone: '555-0101' },
      need: 'housing',
      urgency: null,
      note: 'Prefers afternoon calls (fake)',
      consent: {
        id: '80000000-0000-4000-8000-000000000001',
        disclosingParty: 'Demo Recovery Clinic',
        recipient: 'Harbor Light Shelter (fake)',
        purpose: 'Housing application follow-up',
        information: 'Name, phone and housing need',
        elements: ['name', 'phone', 'need', 'note'],
        signedAt: '2026-02-03',
        signedBy: 'client',
        representativeName: null,
        expiresAt: '2099-12-31',
        expiryEvent: null,
        recipientIsCoveredEntity: false,
        revocation: 'The person may revoke this consent at any time.',
      },
      elements: ['name', 'phone', 'need', 'note'],
      notice: PART2_NOTICE_STATEMENT_1,
    },
    status: 'sent',
    expectedOn: null,
    expiresAt: '2026-03-15T10:00:00.000Z',
    answers: ['accepted', 'waitlisted', 'unable_to_contact', 'no_capacity', 'declined'],
    ...overrides,
  };
}

async function render() {
  TestBed.configureTestingModule({
    imports: [RecipientPage],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(RecipientPage);
  fixture.componentRef.setInput('token', TOKEN);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    await settle();
    await fixture.whenStable();
  };
  return { fixture, backend, element, stable };
}

describe('RecipientPage', () => {
  it('shows the packet: organization, need, the consented details, the note, the consent and the notice', async () => {
    const { backend, element, stable } = await render();
    const opened = backend.expectOne(`/api/recipient/${TOKEN}`);
    expect(opened.request.method).toBe('GET');
    expect(opened.request.params.keys()).toEqual([]);
    opened.flush(view());
    await stable();
    // The token goes to this one path of PeerPath's API and nowhere else.
    backend.verify();
    expect(document.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Referral from Demo Recovery Clinic');
    expect(element.querySelector('[data-testid="recipient-need"]')?.textContent).toContain('Housing');
    const person = element.querySelector('[data-testid="recipient-client"]')?.textContent ?? '';
    expect(person).toContain('Client One (fake)');
    expect(person).toContain('555-0101');
    expect(person).not.toContain('Date of birth');
    expect(element.textContent).toContain('Prefers afternoon calls (fake)');
    expect(element.querySelector('[data-testid="recipient-consent"]')?.textContent).toContain(
      'Housing application follow-up',
    );
    expect(element.querySelector('[data-testid="recipient-notice"]')?.textContent).toContain(
      'protected by Federal confidentiality rules (42 CFR part 2)',
    );
    const choices = Array.from(element.querySelectorAll('mat-radio-button')).map((r) =>
      r.textContent?.trim(),
    );
    expect(choices).toEqual([
      'We accepted this referral',
      'The person is on our waiting list',
      'We could not reach the person',
      'We have no space for this right now',
      'We cannot take this referral',
    ]);
  });

  it('sends the answer with its note, thanks the recipient, and offers what may come next', async () => {
    const { backend, element, stable } = await render();
    backend.expectOne(`/api/recipient/${TOKEN}`).flush(view());
    await stable();
    (element.querySelector('mat-radio-button input') as HTMLInputElement).click();
    const note = element.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'Intake Monday 10:00 (fake)';
    note.dispatchEvent(new Event('input'));
    (element.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await stable();
    const answer = backend.expectOne(`/api/recipient/${TOKEN}/answer`);
    expect(answer.request.method).toBe('POST');
    expect(answer.request.body).toEqual({ status: 'accepted', note: 'Intake Monday 10:00 (fake)' });
    answer.flush({ status: 'accepted' });
    await stable();
    expect(element.querySelector('[data-testid="recipient-thanks"]')?.textContent).toContain(
      'Your answer was sent: We accepted this referral.',
    );
    expect(element.querySelector('[data-testid="recipient-status"]')?.textContent).toContain(
      'Accepted by you',
    );
    const choices = Array.from(element.querySelectorAll('mat-radio-button')).map((r) =>
      r.textContent?.trim(),
    );
    expect(choices).toEqual(['The service is complete']);
  });

  it('asks for a reason before sending a decline', async () => {
    const { backend, element, stable } = await render();
    backend.expectOne(`/api/recipient/${TOKEN}`).flush(view());
    await stable();
    const radios = element.querySelectorAll('mat-radio-button input');
    (radios[radios.length - 1] as HTMLInputElement).click();
    await stable();
    (element.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await stable();
    backend.expectNone(`/api/recipient/${TOKEN}/answer`);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Choose a reason.');
  });

  it.each([410, 404])('says only that the link no longer works on %i', async (status) => {
    const { backend, element, stable } = await render();
    backend
      .expectOne(`/api/recipient/${TOKEN}`)
      .flush({ type: 'about:blank', title: 'Gone', status }, { status, statusText: 'Gone' });
    await stable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('This link no longer works');
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).not.toContain('Gone');
  });
});
