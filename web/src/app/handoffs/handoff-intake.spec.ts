import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Handoff } from '@peerpath/contracts';
import { PROGRAM_ID } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { ClientFormPage } from '../clients/client-form/client-form-page';
import { AuthService } from '../core/auth.service';

const HANDOFF_ID = 'a0000000-0000-4000-8000-000000000001';
const program = {
  id: PROGRAM_ID,
  name: 'Recovery Support Services',
  description: null,
  overdueContactDays: 14,
  createdAt: '2026-01-01T00:00:00Z',
};

/** The normal intake form, opened from the queue with ?handoff=…: pre-filled, saved by converting. */
async function render(over: Partial<Handoff> = {}) {
  const user = sessionUser('peer');
  TestBed.configureTestingModule({
    imports: [ClientFormPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ClientFormPage);
  fixture.componentRef.setInput('handoff', HANDOFF_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  backend.expectOne((r) => r.url === '/api/programs').flush({ items: [program], nextCursor: null });
  backend.expectOne(`/api/handoffs/${HANDOFF_ID}`).flush({
    id: HANDOFF_ID,
    programId: PROGRAM_ID,
    source: 'jail_reentry',
    referrerName: 'Re-entry coordinator (demo)',
    referrerContact: null,
    receivedAt: '2026-03-10T10:00:00Z',
    firstName: 'Sample',
    lastName: 'Handofftwo',
    phone: '555-0151',
    dateOfBirth: null,
    need: 'recovery_housing',
    note: null,
    claimedBy: user.id,
    claimedByName: user.name,
    claimedAt: '2026-03-10T11:00:00Z',
    firstAttemptAt: null,
    firstContactAt: null,
    clientId: null,
    closedReason: null,
    closedAt: null,
    status: 'claimed',
    minutesSinceReceipt: 60,
    attempts: [],
    version: 2,
    ...over,
  } satisfies Handoff);
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const field = (label: string) => {
    const labelEl = Array.from(element.querySelectorAll('label')).find((l) =>
      l.textContent?.trim().startsWith(label),
    );
    const input = element.querySelector<HTMLInputElement>(`#${labelEl?.getAttribute('for')}`);
    if (!input) throw new Error(`No field labelled ${label}`);
    return input;
  };
  const type = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const click = async (name: string) => {
    Array.from(element.querySelectorAll<HTMLElement>('button, a'))
      .find((b) => accessibleText(b) === name)
      ?.click();
    await refresh();
  };
  return { element, backend, navigate, field, type, click, refresh };
}

describe('Intake from a handoff', () => {
  it('starts from the handoff’s details and converts it, opening the new client', async () => {
    const { element, backend, navigate, field, type, click } = await render();
    expect(element.querySelector('[data-testid="handoff-intake"]')?.textContent).toContain(
      'Re-entry coordinator (demo)',
    );
    expect(field('First name').value).toBe('Sample');
    expect(field('Last name').value).toBe('Handofftwo');
    expect(field('Phone').value).toBe('555-0151');
    type('Date of birth', '1991-02-03');
    type('Preferred name', 'Sam');
    await click('Add client');
    backend.expectNone('/api/clients');
    const convert = backend.expectOne(`/api/handoffs/${HANDOFF_ID}/convert`);
    expect(convert.request.body).toEqual({
      firstName: 'Sample',
      lastName: 'Handofftwo',
      dateOfBirth: '1991-02-03',
      preferredName: 'Sam',
      phone: '555-0151',
    });
    convert.flush({ clientId: 'c-new' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/clients', 'c-new']);
  });

  it('uses the intake’s duplicate check: open the existing client or convert anyway', async () => {
    const { element, backend, type, click, refresh } = await render();
    type('Date of birth', '1991-02-03');
    await click('Add client');
    backend.expectOne(`/api/handoffs/${HANDOFF_ID}/convert`).flush(
      {
        type: 'https://peerpath.example/problems/possible-duplicate',
        title: 'Conflict',
        status: 409,
        detail: 'A client with this name and date of birth already exists.',
        duplicateClientId: 'dup-1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    await refresh();
    const open = Array.from(element.querySelectorAll('a')).find((a) => accessibleText(a) === 'Open existing');
    expect(open?.getAttribute('href')).toBe('/clients/dup-1');
    await click('Create anyway');
    const again = backend.expectOne(`/api/handoffs/${HANDOFF_ID}/convert`);
    expect(again.request.body).toEqual(expect.objectContaining({ confirmedNotDuplicate: true }));
  });

  it('closes the handoff as already a client from the duplicate notice', async () => {
    const { backend, navigate, type, click, refresh } = await render();
    type('Date of birth', '1991-02-03');
    await click('Add client');
    backend.expectOne(`/api/handoffs/${HANDOFF_ID}/convert`).flush(
      {
        type: 'https://peerpath.example/problems/possible-duplicate',
        title: 'Conflict',
        status: 409,
        detail: 'A client with this name and date of birth already exists.',
        duplicateClientId: 'dup-1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    await refresh();
    await click('Close the handoff: already a client');
    const close = backend.expectOne(`/api/handoffs/${HANDOFF_ID}/close`);
    expect(close.request.body).toEqual({ reason: 'already_client' });
    close.flush({});
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/handoffs']);
  });

  it('says so when the handoff is not the caller’s to convert', async () => {
    const { element } = await render({ claimedBy: 'someone-else', claimedByName: 'Jordan Peer' });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Only the peer who claimed');
  });
});
