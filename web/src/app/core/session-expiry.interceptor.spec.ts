import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { API } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { fakeAuth, sessionUser } from '../../testing/session-users';
import { AuthService } from './auth.service';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';

describe('sessionExpiryInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let auth: ReturnType<typeof fakeAuth>;

  beforeEach(() => {
    auth = fakeAuth(sessionUser('admin'));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: auth },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  function answer401(url: string) {
    const request = firstValueFrom(http.get(url));
    backend
      .expectOne((r) => r.url === url)
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in first.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    return request.catch((error: unknown) => error);
  }

  it('clears the user and sends them to /sign-in?expired=1 on a 401 from an ordinary call', async () => {
    const error = await answer401(API.users);
    expect(error).toMatchObject({ status: 401 });
    expect(auth.clear).toHaveBeenCalled();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { expired: 1 } });
  });

  it('leaves a 401 from login or me to the caller', async () => {
    await answer401(API.login);
    await answer401(API.me);
    expect(auth.clear).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('does nothing when nobody is signed in', async () => {
    auth.set(null);
    await answer401(API.programs);
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('passes other errors through untouched', async () => {
    const request = firstValueFrom(http.get(API.users)).catch((error: unknown) => error);
    backend.expectOne(API.users).flush({ status: 403 }, { status: 403, statusText: 'Forbidden' });
    expect(await request).toMatchObject({ status: 403 });
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
