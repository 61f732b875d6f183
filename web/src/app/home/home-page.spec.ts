import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { HomePage } from './home-page';

async function render(role: Role) {
  TestBed.configureTestingModule({
    imports: [HomePage],
    providers: [provideRouter([]), { provide: AuthService, useValue: fakeAuth(sessionUser(role)) }],
  });
  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('HomePage', () => {
  it.each([
    ['peer', 'My caseload'],
    ['clinician', 'Program clients'],
    ['manager', 'Program overview'],
    ['admin', 'Clinic administration'],
  ] as [Role, string][])('gives the %s the heading "%s"', async (role, heading) => {
    const element = await render(role);
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe(heading);
  });

  it('tells peers that client features arrive soon', async () => {
    expect((await render('peer')).textContent).toContain('Client features arrive soon.');
  });

  it('gives the administrator cards linking to Staff and Programs', async () => {
    const element = await render('admin');
    const links = Array.from(element.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['Staff', '/staff'],
        ['Programs', '/programs'],
      ]),
    );
  });
});
