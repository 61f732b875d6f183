import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';

@Component({
  selector: 'pp-sign-in-page',
  imports: [ProblemMessage, MatIconModule],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** `?expired=1` after the server ended an idle session. */
  readonly expired = input<string | undefined>();
  /** `?next=/clients/…`: the page asked for before signing in (an app path only). */
  readonly next = input<string | undefined>();
  protected readonly showExpired = computed(() => !!this.expired() && !this.submitted());

  // Two fields need no forms library: their values are signals, checked as Material's fields were
  // (an error shows once a field was left or the form was sent).
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly emailTouched = signal(false);
  protected readonly passwordTouched = signal(false);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  private readonly emailProblem = computed(() => emailProblem(this.email()));
  protected readonly emailError = computed(() => (this.emailTouched() ? this.emailProblem() : null));
  protected readonly passwordError = computed(() =>
    this.passwordTouched() && !this.password() ? 'Enter your password.' : null,
  );

  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    if (this.emailProblem() || !this.password()) {
      this.emailTouched.set(true);
      this.passwordTouched.set(true);
      return;
    }
    this.submitting.set(true);
    this.submitted.set(true);
    this.error.set(null);
    try {
      await this.auth.login({ email: this.email().trim(), password: this.password() });
      await this.router.navigateByUrl(safeNext(this.next()));
    } catch (error) {
      this.error.set(readProblem(error, 'Sign-in failed. Please try again.').message);
      this.passwordInput().nativeElement.value = '';
      this.password.set('');
      this.passwordTouched.set(false);
    } finally {
      this.submitting.set(false);
    }
  }
}

/** Angular's own email check (Validators.email), so the field accepts what it accepted before. */
const EMAIL =
  /^(?=.{1,254}$)(?=.{1,64}@)[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function emailProblem(value: string): string | null {
  if (!value) return 'Enter your email address.';
  return EMAIL.test(value) ? null : 'Enter a valid email address.';
}

/** Only a path of this app: never another origin (`//host`, `/\\host`, `https:`), never sign-in again. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if ([...next].some((c) => c.charCodeAt(0) < 32) || next.startsWith('/sign-in')) return '/';
  return next;
}
