import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { Outbox } from '../outbox/outbox';
import { Shell } from './shell';

async function renderShell(role: Role) {
  const auth = fakeAuth(sessionUser(role, { name: 'Jordan Rivera' }));
  TestBed.configureTestingModule({
    imports: [Shell],
    providers: [provideRouter([]), { provide: AuthService, useValue: auth }],
  });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const navLinks = () =>
    Array.from(element.querySelectorAll('nav[aria-label="Main"] a .nav-label')).map((a) =>
      a.textContent?.trim(),
    );
  return { fixture, element, auth, navLinks };
}

describe('Shell', () => {
  it('shows Staff, Programs and Audit log to an administrator', async () => {
    const { navLinks } = await renderShell('admin');
    expect(navLinks()).toEqual(expect.arrayContaining(['Home', 'Staff', 'Programs', 'Audit log']));
  });

  it('does not show Staff, Programs or Audit log to a peer specialist', async () => {
    const { navLinks } = await renderShell('peer');
    expect(navLinks()[0]).toBe('My caseload');
    for (const hidden of ['Staff', 'Programs', 'Audit log']) expect(navLinks()).not.toContain(hidden);
  });

  it('shows the organization, the user and their role, and a Sign out button', async () => {
    const { element } = await renderShell('manager');
    const text = element.textContent ?? '';
    expect(text).toContain('Demo Recovery Clinic');
    expect(text).toContain('Jordan Rivera');
    expect(text).toContain('Program manager');
    const signOut = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Sign out'),
    );
    expect(signOut).toBeDefined();
  });
});

describe('Shell: signing out with unsent items', () => {
  async function renderWithUnsent(unsent: number) {
    const auth = fakeAuth(sessionUser('peer'));
    const count = signal(unsent);
    const outbox = {
      count,
      items: signal([]),
      flush: jest.fn(() => Promise.resolve()),
      discardAll: jest.fn(() => {
        count.set(0);
        return Promise.resolve();
      }),
    };
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        { provide: AuthService, useValue: auth },
        { provide: Outbox, useValue: outbox },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const button = (name: string, root: ParentNode = document) =>
      Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim().endsWith(name));
    const tapSignOut = async () => {
      button('Sign out', fixture.nativeElement as HTMLElement)?.click();
      await fixture.whenStable();
      await settle();
    };
    const dialogChoices = () =>
      Array.from(document.querySelectorAll('mat-dialog-container button')).map((b) => b.textContent?.trim());
    return { fixture, auth, outbox, router, button, tapSignOut, dialogChoices };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('signs out at once when nothing is unsent', async () => {
    const { auth, tapSignOut, dialogChoices } = await renderWithUnsent(0);
    await tapSignOut();
    expect(dialogChoices()).toEqual([]);
    expect(auth.logout).toHaveBeenCalled();
  });

  it('offers Send now, Keep for me and Discard, and Cancel keeps the person signed in', async () => {
    const { auth, tapSignOut, dialogChoices, button, fixture } = await renderWithUnsent(2);
    await tapSignOut();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain(
      '2 items have not been sent yet',
    );
    expect(dialogChoices()).toEqual(expect.arrayContaining(['Send now', 'Keep for me', 'Discard']));
    button('Cancel')?.click();
    await fixture.whenStable();
    await settle();
    expect(auth.logout).not.toHaveBeenCalled();
  });

  it('Discard removes the items, then signs out', async () => {
    const { auth, outbox, tapSignOut, button, fixture } = await renderWithUnsent(1);
    await tapSignOut();
    button('Discard')?.click();
    await fixture.whenStable();
    await settle();
    expect(outbox.discardAll).toHaveBeenCalled();
    expect(auth.logout).toHaveBeenCalled();
  });

  it('Keep for me signs out and leaves the items on the device', async () => {
    const { auth, outbox, tapSignOut, button, fixture } = await renderWithUnsent(1);
    await tapSignOut();
    button('Keep for me')?.click();
    await fixture.whenStable();
    await settle();
    expect(outbox.discardAll).not.toHaveBeenCalled();
    expect(auth.logout).toHaveBeenCalled();
  });

  it('Send now with no link stays signed in and opens the outbox', async () => {
    const { auth, outbox, router, tapSignOut, button, fixture } = await renderWithUnsent(1);
    await tapSignOut();
    button('Send now')?.click();
    await fixture.whenStable();
    await settle();
    expect(outbox.flush).toHaveBeenCalled();
    expect(auth.logout).not.toHaveBeenCalled();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/outbox');
  });
});
