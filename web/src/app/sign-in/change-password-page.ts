import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { MIN_PASSWORD_LENGTH } from '@peerpath/contracts';
import { AuthService } from '../core/auth.service';
import { applyServerErrors, serverError } from '../core/forms';
import { readProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';

/** First sign-in with a password an administrator chose: the staff member picks their own. */
@Component({
  selector: 'pp-change-password-page',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <main class="sign-in" id="main-content">
      <mat-card class="card" appearance="outlined">
        <mat-card-content>
          <h1>Choose your password</h1>
          <p>An administrator set your current password. Choose your own before going on.</p>
          <div aria-live="assertive">
            @if (error(); as message) {
              <pp-problem [message]="message" />
            }
          </div>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline" class="full-width">
              <mat-label>Current password</mat-label>
              <input
                matInput
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                required
              />
              @if (serverError(form.controls.currentPassword); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" class="full-width">
              <mat-label>New password</mat-label>
              <input
                matInput
                type="password"
                formControlName="newPassword"
                autocomplete="new-password"
                required
              />
              <mat-hint
                >At least {{ minLength }} characters; a passphrase of unrelated words works well.</mat-hint
              >
              @if (serverError(form.controls.newPassword); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" class="full-width" [disabled]="saving()">
              Save password
            </button>
          </form>
          <button mat-button type="button" (click)="signOut()">Sign out</button>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .sign-in {
      display: flex;
      justify-content: center;
      padding: 32px 16px;
    }
    .card {
      width: min(440px, 100%);
    }
    form {
      display: grid;
      gap: 12px;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly serverError = serverError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.auth.changePassword(this.form.getRawValue());
      await this.router.navigateByUrl('/');
    } catch (error) {
      const problem = readProblem(error, 'The password could not be changed.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigateByUrl('/sign-in');
  }
}
