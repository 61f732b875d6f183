import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Contact } from '@peerpath/contracts';
import { client, CLIENT_ID, contact } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { ContactDraftStore } from '../contact-draft-store';
import { contactDefaults } from '../contact-form';
import { Outbox } from '../../outbox/outbox';
import { LogContactPage, OUTBOX_MESSAGE } from './log-contact-page';

const peer = sessionUser('peer');
const contactsUrl = `/api/clients/${CLIENT_ID}/contacts`;

async function render(editing?: Contact) {
  TestBed.configureTestingModule({
    imports: [LogContactPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(peer) },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(LogContactPage);
  fixture.componentRef.setInput('id', CLIENT_ID);
  if (editing) fixture.componentRef.setInput('contactId', editing.id);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne(`/api/clients/${CLIENT_ID}`).flush(client());
  if (editing) backend.expectOne(`/api/contacts/${editing.id}`).flush(editing);
  const element = fixture.nativeElement as HTMLElement;
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const button = (name: string) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => accessibleText(b) === name);
    if (!found) throw new Error(`No button ${name}`);
    return found;
  };
  const pressed = (group: string) =>
    accessibleText(
      element.querySelector(`mat-button-toggle-group[name="${group}"] .mat-button-toggle-checked`) ??
        document.createElement('span'),
    );
  const units = () => element.querySelector('.units')?.textContent?.trim();
  const minutes = () => element.querySelector<HTMLInputElement>('input[type="number"]');
  const save = async () => {
    button('Save contact').click();
    await refresh();
  };
  return { fixture, element, backend, navigate, refresh, button, pressed, units, minutes, save };
}

function draftKey(): string {
  return `peerpath.contact-draft.${peer.id}.${CLIENT_ID}`;
}

describe('LogContactPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('opens with the defaults: now, in person, check-in, 15 minutes, successful, sign now', async () => {
    const { element, pressed, units, minutes } = await render();
    expect(element.querySelector('h1')?.textContent).toContain('Log contact');
    expect(element.textContent).toContain('With Ave Example');
    expect(pressed('modality')).toBe('In person');
    expect(pressed('contactType')).toBe('Check-in');
    expect(pressed('quickMinutes')).toBe('15');
    expect(minutes()?.value).toBe('15');
    expect(pressed('successful')).toBe('Yes');
    const when = element.querySelector<HTMLInputElement>('input[type="datetime-local"]');
    expect(Math.abs(Date.parse(when?.value ?? '') - Date.now())).toBeLessThan(90_000);
    const sign = element.querySelector<HTMLInputElement>('mat-checkbox[formcontrolname="sign"] input');
    expect(sign?.checked).toBe(true);
    expect(units()).toBe('H0038 units: 1');
  });

  it('updates the H0038 units preview as minutes and outcome change', async () => {
    const { button, units, minutes, refresh } = await render();
    button('45').click();
    await refresh();
    expect(units()).toBe('H0038 units: 3');
    const input = minutes();
    if (!input) throw new Error('no minutes field');
    input.value = '7';
    input.dispatchEvent(new Event('input'));
    await refresh();
    expect(units()).toBe('H0038 units: 0');
    input.value = '23';
    input.dispatchEvent(new Event('input'));
    await refresh();
    expect(units()).toBe('H0038 units: 2');
    button('No').click();
    await refresh();
    expect(units()).toBe('H0038 units: 0');
  });

  it('says before saving whether and why the contact will bill', async () => {
    const { element, button, refresh, units } = await render();
    const verdict = () => element.querySelector('[data-testid="billing-verdict"]')?.textContent?.trim();
    expect(verdict()).toMatch(/^Will bill: about 1 H0038 unit .*needs a note to sign$/);
    button('Text').click();
    await refresh();
    expect(verdict()).toBe("Won't bill: text message");
    expect(units()).toBe('H0038 units: 0');
    button('Phone').click();
    await refresh();
    expect(verdict()).toMatch(/^Will bill/);
  });

  it('bills a text draft again once the peer corrects it to a meeting in person', async () => {
    const draft = contact({ modality: 'text', billable: false, durationMinutes: 5, billingUnits: 0 });
    const { element, button, refresh, units } = await render(draft);
    const verdict = () => element.querySelector('[data-testid="billing-verdict"]')?.textContent?.trim();
    expect(verdict()).toBe("Won't bill: text message");
    button('In person').click();
    await refresh();
    expect(verdict()).toMatch(/^Will bill/);
    expect(units()).toBe('H0038 units: 0');
    expect(element.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
  });

  it('sends the defaults with an Idempotency-Key (a billable contact without a note stays a draft), then opens the client', async () => {
    const { backend, navigate, save } = await render();
    await save();
    const request = backend.expectOne(contactsUrl);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[\w\-:.]{1,200}$/);
    expect(request.request.body).toEqual({
      occurredAt: expect.stringMatching(/Z$/),
      durationMinutes: 15,
      modality: 'in_person',
      contactType: 'check_in',
      successful: true,
      billable: true,
      sign: false,
    });
    request.flush(contact({ signedAt: null }), { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/clients', CLIENT_ID], { queryParams: { section: 'timeline' } });
    expect(localStorage.getItem(draftKey())).toBeNull();
  });

  it.each([
    [
      'the browser reports no connection',
      (r: TestRequest) => r.error(new ProgressEvent('error'), { status: 0 }),
    ],
    [
      'the service worker answers the failed fetch with an empty 504',
      (r: TestRequest) => r.flush(null, { status: 504, statusText: 'Gateway Timeout' }),
    ],
  ])(
    'puts a contact into the outbox when %s, says so, and sends it once with the same key',
    async (_, fail) => {
      const { backend, navigate, save, minutes } = await render();
      await save();
      const first: TestRequest = backend.expectOne(contactsUrl);
      const key = first.request.headers.get('Idempotency-Key');
      fail(first);
      await settle();
      await settle();

      expect(document.body.textContent).toContain(OUTBOX_MESSAGE);
      const outbox = TestBed.inject(Outbox);
      expect(outbox.items()).toEqual([
        expect.objectContaining({ key, kind: 'contact', state: 'waiting', body: first.request.body }),
      ]);
      expect(localStorage.getItem(draftKey())).toBeNull();
      expect(minutes()?.value).toBe('15');
      expect(navigate).not.toHaveBeenCalled();

      const sending = outbox.flush();
      await settle();
      const retry = backend.expectOne(contactsUrl);
      expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
      expect(retry.request.body).toEqual(first.request.body);
      retry.flush(contact(), { status: 201, statusText: 'Created' });
      await sending;
      expect(outbox.count()).toBe(0);
    },
  );

  it('restores an unsent draft and its key when the page opens again', async () => {
    new ContactDraftStore().save(peer.id, CLIENT_ID, {
      idempotencyKey: 'kept-key-1',
      value: { ...contactDefaults(), durationMinutes: 30, note: 'Bus pass', sign: false },
      savedAt: new Date().toISOString(),
    });
    const { element, backend, save, units } = await render();
    expect(element.textContent).toContain('Your unsent contact was kept on this device.');
    expect(units()).toBe('H0038 units: 2');
    await save();
    const request = backend.expectOne(contactsUrl);
    expect(request.request.headers.get('Idempotency-Key')).toBe('kept-key-1');
    expect(request.request.body).toEqual(
      expect.objectContaining({ durationMinutes: 30, note: 'Bus pass', sign: false }),
    );
    request.flush(contact(), { status: 201, statusText: 'Created' });
    await settle();
  });

  it('keeps no client name in the storage key', async () => {
    const { button, refresh } = await render();
    button('30').click();
    await refresh();
    expect(Object.keys(localStorage)).toEqual([draftKey()]);
    expect(draftKey()).not.toMatch(/Ave|Avery|Example/);
  });
});
