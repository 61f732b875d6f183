import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
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
