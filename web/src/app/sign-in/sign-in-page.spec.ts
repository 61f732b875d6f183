import { provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { API } from '@peerpath/contracts';
import { sessionUser, settle } from '../../testing/session-users';
import { SignInPage } from './sign-in-page';

async function render(expired?: string) {
  document.cookie = 'XSRF-TOKEN=abc';
  TestBed.configureTestingModule({
    imports: [SignInPage],
    providers: [
      provideRouter([]),
      provideHttpClient(withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' })),
      provideHttpClientTesting(),
    ],
  });
  const fixture = TestBed.createComponent(SignInPage);
  if (expired) fixture.componentRef.setInput('expired', expired);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const backend = TestBed.inject(HttpTestingController);
  const router = TestBed.inject(Router);
  jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);

  const type = (label: string, value: string) => {
    const labelEl = Array.from(element.querySelectorAll('label')).find(
      (l) => l.textContent?.trim() === label,
    );
    const input = element.querySelector<HTMLInputElement>(`#${labelEl?.getAttribute('for')}`);
    if (!input) throw new Error(`No field labelled ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    const button = Array.from(element.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Sign in',
    );
    button?.click();
    await settle();
  };
  return { fixture, element, backend, router, type, submit };
}

describe('SignInPage', () => {
  it('shows the server detail when sign-in is refused with 401', async () => {
    const { fixture, element, backend, type, submit } = await render();
    type('Email', 'peer@demo.test');
    type('Password', 'wrong password');
    await submit();
    const request = backend.expectOne(API.login);
    expect(request.request.headers.get('X-XSRF-TOKEN')).toBe('abc');
    request.flush(
      { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Email or password is not right.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Email or password is not right.');
  });

  it('shows the wait from Retry-After when throttled', async () => {
    const { fixture, element, backend, type, submit } = await render();
    type('Email', 'peer@demo.test');
    type('Password', 'again');
    await submit();
    backend
      .expectOne(API.login)
      .flush(
        { status: 429, title: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } },
      );
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('30 seconds');
  });

  it('signs in and goes home', async () => {
    const { backend, router, type, submit } = await render();
    type('Email', 'admin@demo.test');
    type('Password', 'peerpath-demo-2026');
    await submit();
    backend.expectOne(API.login).flush({ user: sessionUser('admin') });
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('does not call the server when fields are empty', async () => {
    const { backend, submit } = await render();
    await submit();
    backend.expectNone(API.login);
  });

  it('explains an expired session', async () => {
    const { element } = await render('1');
    expect(element.textContent).toContain('Your session expired. Please sign in again.');
  });
});
