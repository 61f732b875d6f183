import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import type { Consent } from '@peerpath/contracts';
import { client } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { CONSENT_REQUIRED_MESSAGE, ReferPage } from './refer-page';
import { CLIENT, consent, referral, RESOURCE, resource } from './referral-fixtures';

async function render(consents: Consent[], withResource = true) {
  TestBed.configureTestingModule({
    imports: [ReferPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ReferPage);
  fixture.componentRef.setInput('id', CLIENT);
  if (withResource) fixture.componentRef.setInput('resourceId', RESOURCE);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne(`/api/clients/${CLIENT}`).flush(client({ id: CLIENT }));
  backend.expectOne(`/api/clients/${CLIENT}/consents`).flush(consents);
  if (withResource) backend.expectOne(`/api/resources/${RESOURCE}`).flush(resource());
  backend.expectOne((r) => r.url === '/api/resources').flush({ items: [resource()], nextCursor: null });
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
  const buttons = () => Array.from(element.querySelectorAll('button')).map((b) => accessibleText(b));
  const share = async () => {
    (element.querySelector('mat-slide-toggle button') as HTMLButtonElement).click();
    await refresh();
  };
  const coverage = () => {
    const box = element.querySelector('[data-testid="consent-coverage"]');
    return box ? accessibleText(box).replace(/\s+/g, ' ') : undefined;
  };
  return { fixture, element, backend, navigate, refresh, button, buttons, share, coverage };
}

describe('ReferPage', () => {
  it('prefills the resource from the directory and its need', async () => {
    const { element } = await render([]);
    expect(element.querySelector('[data-testid="chosen-resource"]')?.textContent).toContain(
      'Harbor Light Shelter (fake)',
    );
    expect(element.querySelector('mat-select')?.textContent).toContain('Housing');
  });

  it('says plainly when a consent in force covers the recipient', async () => {
    const { share, coverage, buttons } = await render([
      consent({ recipientOrganization: 'harbor light services (FAKE)', signedAt: '2026-01-10' }),
    ]);
    await share();
    expect(coverage()).toBe('Covered by consent signed 10 Jan 2026');
    expect(buttons()).not.toContain('Record consent');
  });

  it('says why a general designation does not cover a recipient that is not a treating provider', async () => {
    const { share, coverage } = await render([consent({ generalDesignation: 'my treating providers' })]);
    await share();
    expect(coverage()).toContain('No consent covers this recipient');
    expect(coverage()).toContain('covers only treating providers');
  });

  it('says plainly when none does (expired and revoked ones do not count) and offers to record one', async () => {
    const { share, coverage, buttons } = await render([
      consent({ recipientResourceId: RESOURCE, inForce: false, expiresAt: '2025-01-01' }),
      consent({ recipientResourceId: RESOURCE, inForce: false, revokedAt: '2026-02-01T00:00:00Z' }),
    ]);
    expect(coverage()).toBeUndefined();
    await share();
    expect(coverage()).toContain('No consent covers this recipient');
    expect(buttons()).toContain('Record consent');
  });

  it('handles the server’s 409 consent-required by offering Record consent, and retries with a new key', async () => {
    const { share, button, backend, refresh, element, navigate } = await render([]);
    await share();
    button('Send referral').click();
    await refresh();
    const first = backend.expectOne(`/api/clients/${CLIENT}/referrals`);
    expect(first.request.body).toEqual({
      resourceId: RESOURCE,
      need: 'housing',
      urgency: 'routine',
      shareInformation: true,
      status: 'sent',
    });
    const key = first.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.flush(
      { type: 'https://peerpath.example/problems/consent-required', title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await refresh();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(CONSENT_REQUIRED_MESSAGE);
    expect(element.querySelector('.record-inline')).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();

    button('Send referral').click();
    await refresh();
    const retry = backend.expectOne(`/api/clients/${CLIENT}/referrals`);
    expect(retry.request.headers.get('Idempotency-Key')).not.toBe(key);
    retry.flush(referral(1, { shareInformation: true }));
    await refresh();
    expect(navigate).toHaveBeenCalledWith(['/clients', CLIENT], { fragment: 'referrals' });
  });

  it('refers to an outside organization and checks consents by its name', async () => {
    const { fixture, element, share, coverage, backend, button, refresh } = await render(
      [consent({ recipientOrganization: 'Eastside Recovery Cafe (fake)', signedAt: '2026-02-02' })],
      false,
    );
    const outside = Array.from(element.querySelectorAll('mat-button-toggle button')).find(
      (b) => accessibleText(b) === 'Outside organization',
    ) as HTMLButtonElement;
    outside.click();
    await refresh();
    const name = element.querySelector('input[formcontrolname="outsideOrganization"]') as HTMLInputElement;
    name.value = 'EASTSIDE recovery cafe (fake)';
    name.dispatchEvent(new Event('input'));
    await share();
    expect(coverage()).toBe('Covered by consent signed 2 Feb 2026');
    button('Save as draft').click();
    await refresh();
    // The need is required: nothing is sent until it is chosen.
    backend.expectNone(`/api/clients/${CLIENT}/referrals`);
    fixture.detectChanges();
    expect(element.querySelector('mat-error')?.textContent).toContain('Choose the need.');
  });
});
