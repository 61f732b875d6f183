import { HttpErrorResponse, type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API } from '@peerpath/contracts';
import { catchError, tap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { confirmOnline } from './offline-copy';

const SESSION_CALLS: readonly string[] = [API.login, API.me, API.session, API.logout];

function isSessionCall(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return SESSION_CALLS.includes(path);
}

/**
 * A 401 on any ordinary call while signed in means the server-side session ended
 * (15 idle minutes): forget the user and send them to sign in again. Any answer restarts the
 * device's own idle window for what it keeps for offline.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    tap((event) => {
      // The server still knows this person: what the phone kept for offline stays openable.
      const userId = auth.user()?.id;
      if (event instanceof HttpResponse && userId && !isSessionCall(request.url)) confirmOnline(userId);
    }),
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !isSessionCall(request.url) &&
        auth.user() !== null
      ) {
        auth.clear();
        void router.navigate(['/sign-in'], { queryParams: { expired: 1 } });
      }
      return throwError(() => error);
    }),
  );
};
