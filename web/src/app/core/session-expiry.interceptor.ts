import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API } from '@peerpath/contracts';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

const SESSION_CALLS: readonly string[] = [API.login, API.me, API.session, API.logout];

function isSessionCall(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return SESSION_CALLS.includes(path);
}

/**
 * A 401 on any ordinary call while signed in means the server-side session ended
 * (15 idle minutes): forget the user and send them to sign in again.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
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
