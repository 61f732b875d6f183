import { provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API, SESSION_IDLE_MINUTES } from '@peerpath/contracts';
import { sessionUser, settle } from '../../testing/session-users';
import { AuthService } from './auth.service';

function setCookie(value: string | null) {
  document.cookie =
    value === null ? 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT' : `XSRF-TOKEN=${value}`;
}

describe('AuthService', () => {
  let auth: AuthService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' })),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    setCookie(null);
  });

  it('loads the signed-in user from GET /api/auth/session', async () => {
    const ready = auth.ready();
    backend.expectOne(API.session).flush({ user: sessionUser('peer') });
    await ready;
    expect(auth.user()?.role).toBe('peer');
  });

  it('treats a session answer without a user as signed out', async () => {
    const ready = auth.ready();
    backend.expectOne(API.session).flush({ user: null });
    await ready;
    expect(auth.user()).toBeNull();
    expect(auth.signedIn()).toBe(false);
  });

  describe('opening with no signal', () => {
    const noSignal = { status: 0, statusText: 'Unknown Error' };
    afterEach(() => {
      localStorage.clear();
      jest.useRealTimers();
    });

    async function confirmedThenOffline(minutesLater: number) {
      const first = auth.refresh();
      backend.expectOne(API.session).flush({ user: sessionUser('peer') });
      await first;
      jest.useFakeTimers({ now: Date.now() + minutesLater * 60_000, doNotFake: ['queueMicrotask'] });
      const again = auth.refresh();
      backend.expectOne(API.session).error(new ProgressEvent('error'), noSignal);
      await again;
    }

    it('reopens as the person the server last confirmed within the idle window', async () => {
      await confirmedThenOffline(10);
      expect(auth.user()?.role).toBe('peer');
    });

    it('takes the service worker’s empty 504 for a missing link too', async () => {
      const first = auth.refresh();
      backend.expectOne(API.session).flush({ user: sessionUser('peer') });
      await first;
      const again = auth.refresh();
      backend.expectOne(API.session).flush(null, { status: 504, statusText: 'Gateway Timeout' });
      await again;
      expect(auth.user()?.role).toBe('peer');
    });

    it('does not reopen once the idle window has passed (automatic logoff)', async () => {
      await confirmedThenOffline(SESSION_IDLE_MINUTES + 1);
      expect(auth.user()).toBeNull();
    });

    it('does not reopen after the server said the session ended', async () => {
      const first = auth.refresh();
      backend.expectOne(API.session).flush({ user: sessionUser('peer') });
      await first;
      auth.clear();
      const again = auth.refresh();
      backend.expectOne(API.session).error(new ProgressEvent('error'), noSignal);
      await again;
      expect(auth.user()).toBeNull();
    });

    it('is not fooled by a server error: only a missing link reopens offline', async () => {
      const first = auth.refresh();
      backend.expectOne(API.session).flush({ user: sessionUser('peer') });
      await first;
      const again = auth.refresh();
      backend.expectOne(API.session).flush(null, { status: 500, statusText: 'Server Error' });
      await again;
      expect(auth.user()).toBeNull();
    });
  });

  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on POST /api/auth/login', async () => {
    setCookie('token-123');
    const login = auth.login({ email: 'peer@demo.test', password: 'peerpath-demo-2026' });
    await settle();
    const request = backend.expectOne(API.login);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('X-XSRF-TOKEN')).toBe('token-123');
    expect(request.request.body).toEqual({ email: 'peer@demo.test', password: 'peerpath-demo-2026' });
    request.flush({ user: sessionUser('peer') });
    await login;
    expect(auth.user()?.email).toBe('peer@demo.test');
  });

  it('fetches the XSRF cookie first when it is missing', async () => {
    setCookie(null);
    const login = auth.login({ email: 'peer@demo.test', password: 'x' });
    backend.expectOne(API.session).flush({ user: null });
    await settle();
    backend.expectOne(API.login).flush({ user: sessionUser('peer') });
    await login;
    expect(auth.signedIn()).toBe(true);
  });

  it('forgets the user on sign out even if the server call fails', async () => {
    setCookie('token-123');
    const login = auth.login({ email: 'a@demo.test', password: 'x' });
    await settle();
    backend.expectOne(API.login).flush({ user: sessionUser('admin') });
    await login;
    const logout = auth.logout();
    backend.expectOne(API.logout).flush(null, { status: 500, statusText: 'Server Error' });
    await expect(logout).rejects.toBeTruthy();
    expect(auth.user()).toBeNull();
  });

  it('removes unsent contacts from the device on sign out, and other people’s on sign in', async () => {
    const me = sessionUser('peer');
    localStorage.setItem(`peerpath.contact-draft.${me.id}.client-1`, '{"note":"mine"}');
    localStorage.setItem('peerpath.contact-draft.someone-else.client-2', '{"note":"theirs"}');
    localStorage.setItem('unrelated', 'kept');
    setCookie('token-123');
    const login = auth.login({ email: 'peer@demo.test', password: 'x' });
    await settle();
    backend.expectOne(API.login).flush({ user: me });
    await login;
    expect(localStorage.getItem(`peerpath.contact-draft.${me.id}.client-1`)).not.toBeNull();
    expect(localStorage.getItem('peerpath.contact-draft.someone-else.client-2')).toBeNull();
    const logout = auth.logout();
    backend.expectOne(API.logout).flush(null, { status: 204, statusText: 'No Content' });
    await logout;
    expect(localStorage.getItem(`peerpath.contact-draft.${me.id}.client-1`)).toBeNull();
    expect(localStorage.getItem('unrelated')).toBe('kept');
  });
});
