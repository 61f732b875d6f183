import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { EmergencyAccessGrant, Role } from '@peerpath/contracts';
import { client, CLIENT_ID } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { EmergencyAccessDialog } from './emergency-access-dialog';
import { EmergencyAccessOffer } from './emergency-access-offer';
import { EmergencyBanner } from './emergency-banner';
import { EmergencyAccess } from './emergency-access.service';

const grant: EmergencyAccessGrant = {
  id: '80000000-0000-4000-8000-000000000001',
  userId: sessionUser('peer').id,
  userName: 'Robin Peer',
  clientId: CLIENT_ID,
  reason: 'Client in crisis at the front desk',
  grantedAt: '2026-03-01T14:00:00Z',
  expiresAt: '2026-03-01T15:00:00Z',
  active: true,
  reviewedAt: null,
  reviewedBy: null,
  reviewComment: null,
};

function setup(role: Role, extra: unknown[] = []) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
      ...(extra as never[]),
    ],
  });
  return TestBed.inject(HttpTestingController);
}

describe('EmergencyAccessDialog', () => {
  async function renderDialog() {
    const close = jest.fn();
    const backend = setup('peer', [
      { provide: MAT_DIALOG_DATA, useValue: { clientId: CLIENT_ID } },
      { provide: MatDialogRef, useValue: { close } },
    ]);
    const fixture = TestBed.createComponent(EmergencyAccessDialog);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settle();
      await fixture.whenStable();
    };
    return { backend, element, close, type, submit, fixture };
  }

  it.each([
    ['too short', 'Crisis'],
    ['padded with spaces', '   crisis     '],
  ])('refuses a reason that is %s and sends nothing', async (_, reason) => {
    const { backend, element, type, submit, close } = await renderDialog();
    type('textarea', reason);
    type('input[type="password"]', 'peerpath-demo-2026');
    await submit();
    backend.expectNone(`/api/clients/${CLIENT_ID}/emergency-access`);
    expect(close).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Give a reason of at least 10 characters.');
  });

  it('requests access with the password and the trimmed reason, then closes with the grant', async () => {
    const { backend, type, submit, close } = await renderDialog();
    type('textarea', '  Client in crisis at the front desk ');
    type('input[type="password"]', 'peerpath-demo-2026');
    await submit();
    const request = backend.expectOne(`/api/clients/${CLIENT_ID}/emergency-access`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      password: 'peerpath-demo-2026',
      reason: 'Client in crisis at the front desk',
    });
    request.flush(grant, { status: 201, statusText: 'Created' });
    await settle();
    expect(close).toHaveBeenCalledWith(grant);
  });

  it('shows the server’s refusal for a wrong password and stays open', async () => {
    const { backend, element, type, submit, close, fixture } = await renderDialog();
    type('textarea', 'Client in crisis at the front desk');
    type('input[type="password"]', 'wrong-password-here');
    await submit();
    backend.expectOne(`/api/clients/${CLIENT_ID}/emergency-access`).flush(
      {
        status: 403,
        title: 'Forbidden',
        detail: 'The password is not right; emergency access was not granted.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The password is not right');
  });
});

describe('EmergencyAccessOffer', () => {
  it.each([
    ['peer', true],
    ['clinician', true],
    ['manager', false],
    ['admin', false],
  ] as [Role, boolean][])('is offered to a %s: %s', async (role, offered) => {
    setup(role);
    const fixture = TestBed.createComponent(EmergencyAccessOffer);
    fixture.componentRef.setInput('clientId', CLIENT_ID);
    await fixture.whenStable();
    const buttons = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).map((b) =>
      accessibleText(b),
    );
    expect(buttons.includes('Emergency access')).toBe(offered);
  });
});

describe('EmergencyBanner', () => {
  it('asks for live grants on a client outside the peer’s caseload and shows when access ends', async () => {
    const backend = setup('peer');
    const fixture = TestBed.createComponent(EmergencyBanner);
    fixture.componentRef.setInput(
      'client',
      client({ primaryPeerId: '00000000-0000-4000-8000-00000000ffff' }),
    );
    await fixture.whenStable();
    backend.expectOne('/api/emergency-access/mine').flush([{ ...grant, expiresAt: '2999-01-01T15:45:00' }]);
    await settle();
    await fixture.whenStable();
    const banner = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="emergency-banner"]');
    expect(banner?.textContent).toContain('Emergency access — ends at 15:45; every view is recorded.');
  });

  it('stays silent, without a request, on the peer’s own client', async () => {
    const backend = setup('peer');
    const fixture = TestBed.createComponent(EmergencyBanner);
    fixture.componentRef.setInput('client', client());
    await fixture.whenStable();
    backend.expectNone('/api/emergency-access/mine');
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });
});

describe('EmergencyAccess.allows', () => {
  it('opens a client reached by emergency access for reading only, and leaves other clients alone', async () => {
    const backend = setup('peer');
    const emergency = TestBed.inject(EmergencyAccess);
    const refresh = emergency.refresh();
    backend.expectOne('/api/emergency-access/mine').flush([grant]);
    await refresh;
    expect(emergency.allows('peer', 'contacts:read', CLIENT_ID)).toBe(true);
    expect(emergency.allows('peer', 'contacts:write', CLIENT_ID)).toBe(false);
    expect(emergency.allows('peer', 'referrals:write', CLIENT_ID)).toBe(false);
    expect(emergency.allows('peer', 'contacts:write', 'another-client')).toBe(true);
    expect(emergency.allows('clinician', 'contacts:write', 'another-client')).toBe(false);
  });
});
