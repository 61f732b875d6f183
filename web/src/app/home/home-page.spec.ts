import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { HomePage } from './home-page';

async function render(role: Role) {
  TestBed.configureTestingModule({
    imports: [HomePage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  // A clinician's directory is deferred: once loaded, it renders on the next pass.
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  return { element: fixture.nativeElement as HTMLElement, backend, fixture };
}

describe('HomePage', () => {
  it.each([
    ['peer', 'My caseload'],
    ['clinician', 'Program clients'],
    ['manager', 'Program overview'],
    ['admin', 'Clinic administration'],
  ] as [Role, string][])('gives the %s the heading "%s"', async (role, heading) => {
    const { element } = await render(role);
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe(heading);
  });

  it('shows a peer their own caseload', async () => {
    const { backend, element, fixture } = await render('peer');
    backend.expectOne((r) => r.url === '/api/caseload').flush({ items: [], nextCursor: null });
    backend.expectOne((r) => r.url.endsWith('/recipient-answers')).flush({ items: [] });
    backend.expectOne((r) => r.url === '/api/handoffs').flush({ items: [], nextCursor: null });
    await settle();
    await fixture.whenStable();
    expect(element.textContent).toContain('No clients on your caseload yet.');
  });

  it('shows the caseload heading at once but holds the list until the updates above it have answered', async () => {
    const { backend, element, fixture } = await render('peer');
    backend.expectOne((r) => r.url === '/api/caseload').flush({ items: [], nextCursor: null });
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('My caseload');
    expect(element.textContent).not.toContain('No clients on your caseload yet.');
    expect(element.querySelector('[role="progressbar"]')).not.toBeNull();
    backend.expectOne((r) => r.url.endsWith('/recipient-answers')).flush({ items: [] });
    backend.expectOne((r) => r.url === '/api/handoffs').flush({ items: [], nextCursor: null });
    await settle();
    await fixture.whenStable();
    expect(element.textContent).toContain('No clients on your caseload yet.');
  });

  it('lists program clients for a clinician', async () => {
    const { backend } = await render('clinician');
    const request = backend.expectOne((r) => r.url === '/api/clients');
    expect(request.request.params.get('status')).toBe('active');
  });

  it('makes the manager’s home the caseload dashboard', async () => {
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const { backend, element, fixture } = await render('manager');
    await settle();
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/reports/caseloads');
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    expect(element.querySelector('pp-caseload-dashboard h1')?.textContent?.trim()).toBe('Program overview');
  });

  it('gives the manager a link to caseload assignment', async () => {
    const { element } = await render('manager');
    const links = Array.from(element.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual(expect.arrayContaining([['Caseload assignment', '/assignments']]));
  });

  it('gives the administrator cards linking to Staff and Programs', async () => {
    const { element } = await render('admin');
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
