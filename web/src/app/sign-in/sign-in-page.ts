import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AuthService } from '../core/auth.service';
import { readProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';

@Component({
  selector: 'pp-sign-in-page',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
  ],
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.submitted.set(true);
    this.error.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.auth.login({ email: email.trim(), password });
      await this.router.navigateByUrl(safeNext(this.next()));
    } catch (error) {
      this.error.set(readProblem(error, 'Sign-in failed. Please try again.').message);
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }
}

/** Only a path of this app: never another origin (`//host`, `/\\host`, `https:`), never sign-in again. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if ([...next].some((c) => c.charCodeAt(0) < 32) || next.startsWith('/sign-in')) return '/';
  return next;
}
