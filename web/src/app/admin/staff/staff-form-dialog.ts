import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type Credential,
  isValidNpi,
  MIN_PASSWORD_LENGTH,
  type Program,
  type Role,
  ROLE_LABELS,
  ROLES,
  type UpdateUserRequest,
  type User,
} from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../../core/forms';
import { readProblem, STALE_RECORD_MESSAGE } from '../../core/problem';
import { StaffApi } from '../../core/staff-api.service';

export interface StaffFormData {
  /** The staff member to edit; absent when adding someone new. */
  user?: User;
  programs: Program[];
}

@Component({
  selector: 'pp-staff-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatButtonModule,
    MatIconModule,
  ],
  templateUrl: './staff-form-dialog.html',
  styleUrl: './staff-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffFormDialog {
  private readonly api = inject(StaffApi);
  private readonly dialogRef = inject<MatDialogRef<StaffFormDialog, User>>(MatDialogRef);
  protected readonly data = inject<StaffFormData>(MAT_DIALOG_DATA);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly minPassword = MIN_PASSWORD_LENGTH;
  protected readonly serverError = serverError;

  protected readonly record = signal<User | null>(this.data.user ?? null);
  protected readonly editing = computed(() => this.record() !== null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly stale = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      name: ['', [Validators.required, Validators.maxLength(200)]],
      email: ['', [Validators.required, Validators.email]],
      role: ['peer' as Role, Validators.required],
      programIds: [[] as string[]],
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      active: [true],
      credentialType: ['', Validators.maxLength(40)],
      credentialNumber: ['', Validators.maxLength(60)],
      credentialExpiresOn: [''],
      npi: ['', (c: AbstractControl) => (!c.value || isValidNpi(c.value) ? null : { npi: true })],
    },
    { validators: wholeCredential },
  );

  constructor() {
    const user = this.record();
    if (user) {
      this.fill(user);
      this.form.controls.email.disable();
      this.form.controls.password.disable();
    }
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const user = this.record();
      const saved = user ? await this.api.update(user.id, this.changes(user)) : await this.create();
      this.dialogRef.close(saved);
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** After a 409: fetch the current record and start again from it. */
  protected async reload(): Promise<void> {
    const user = this.record();
    if (!user) return;
    this.saving.set(true);
    try {
      const fresh = await this.api.get(user.id);
      this.record.set(fresh);
      this.fill(fresh);
      this.stale.set(false);
      this.error.set(null);
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving.set(false);
    }
  }

  private create(): Promise<User> {
    const { name, email, role, programIds, password } = this.form.getRawValue();
    const npi = this.form.controls.npi.value.trim();
    const credential = this.credential();
    return this.api.create({
      name: name.trim(),
      email: email.trim(),
      role,
      programIds,
      password,
      ...(credential ? { credential } : {}),
      ...(npi ? { npi } : {}),
    });
  }

  private credential(): Credential | null {
    const { credentialType, credentialNumber, credentialExpiresOn } = this.form.getRawValue();
    return credentialType.trim() && credentialNumber.trim() && credentialExpiresOn
      ? { type: credentialType.trim(), number: credentialNumber.trim(), expiresOn: credentialExpiresOn }
      : null;
  }

  /** Only what changed, plus the version the change is based on. */
  private changes(user: User): UpdateUserRequest {
    const { name, role, programIds, active } = this.form.getRawValue();
    const request: UpdateUserRequest = { version: user.version };
    if (name.trim() !== user.name) request.name = name.trim();
    if (role !== user.role) request.role = role;
    if (!sameSet(programIds, user.programIds)) request.programIds = programIds;
    if (active !== user.active) request.active = active;
    const credential = this.credential();
    if (JSON.stringify(credential) !== JSON.stringify(user.credential ?? null))
      request.credential = credential;
    const npi = this.form.controls.npi.value.trim() || null;
    if (npi !== (user.npi ?? null)) request.npi = npi;
    return request;
  }

  private fill(user: User): void {
    this.form.patchValue({
      name: user.name,
      email: user.email,
      role: user.role,
      programIds: [...user.programIds],
      active: user.active,
      credentialType: user.credential?.type ?? '',
      credentialNumber: user.credential?.number ?? '',
      credentialExpiresOn: user.credential?.expiresOn ?? '',
      npi: user.npi ?? '',
    });
  }

  private showProblem(error: unknown): void {
    const problem = readProblem(error, 'The staff member could not be saved.');
    if (problem.status === 409 && this.editing()) {
      this.stale.set(true);
      this.error.set(STALE_RECORD_MESSAGE);
      return;
    }
    const leftOver = applyServerErrors(this.form, problem.fieldErrors);
    this.error.set([problem.message, ...leftOver].join(' '));
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** A credential is its type, number and expiry together, or nothing. */
function wholeCredential(group: AbstractControl): ValidationErrors | null {
  const parts = ['credentialType', 'credentialNumber', 'credentialExpiresOn'].map(
    (name) => !!String(group.get(name)?.value ?? '').trim(),
  );
  return parts.every(Boolean) || !parts.some(Boolean) ? null : { credential: true };
}
