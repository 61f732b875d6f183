import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type Need,
  NEED_LABELS,
  NEEDS,
  type Resource,
  type ResourceRequest,
  RESOURCE_STATUSES,
  type ResourceStatus,
} from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../core/forms';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../core/problem';
import { RESOURCE_STATUS_LABELS } from './directory-display';
import { ResourcesApi } from './resources-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface ResourceFormData {
  resource: Resource | null;
}

type Medicaid = 'yes' | 'no' | 'unknown';

/** Blank text is sent as null, which clears the field (and passes the email and website checks). */
const text = (value: string): string | null => value.trim() || null;

/** Managers and administrators add or edit a directory entry. */
@Component({
  selector: 'pp-resource-form-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './resource-form-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResourceFormDialog {
  protected readonly data = inject<ResourceFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ResourceFormDialog, Resource>>(MatDialogRef);
  private readonly api = inject(ResourcesApi);
  protected readonly needs = NEEDS;
  protected readonly needLabels = NEED_LABELS;
  protected readonly statuses = RESOURCE_STATUSES;
  protected readonly statusLabels = RESOURCE_STATUS_LABELS;
  protected readonly serverError = serverError;
  private readonly r = this.data.resource;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.r?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    organizationName: [this.r?.organizationName ?? '', Validators.maxLength(200)],
    description: [this.r?.description ?? '', Validators.maxLength(4000)],
    needs: [this.r?.needs ?? ([] as Need[])],
    phone: [this.r?.phone ?? '', Validators.maxLength(40)],
    email: [this.r?.email ?? '', [Validators.email, Validators.maxLength(254)]],
    website: [this.r?.website ?? '', Validators.pattern(/^https?:\/\/\S+$/)],
    address: [this.r?.address ?? '', Validators.maxLength(500)],
    hours: [this.r?.hours ?? '', Validators.maxLength(500)],
    eligibility: [this.r?.eligibility ?? '', Validators.maxLength(1000)],
    fees: [this.r?.fees ?? '', Validators.maxLength(500)],
    languages: [(this.r?.languages ?? []).join(', ')],
    acceptsMedicaid: [
      (this.r?.acceptsMedicaid === true
        ? 'yes'
        : this.r?.acceptsMedicaid === false
          ? 'no'
          : 'unknown') as Medicaid,
    ],
    treatingProvider: [this.r?.treatingProvider ?? false],
    status: [(this.r?.status ?? 'active') as ResourceStatus],
    lastVerifiedOn: [this.r?.lastVerifiedOn ?? ''],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const request = {
      name: v.name.trim(),
      organizationName: text(v.organizationName),
      description: text(v.description),
      needs: v.needs,
      phone: text(v.phone),
      email: text(v.email),
      website: text(v.website),
      address: text(v.address),
      hours: text(v.hours),
      eligibility: text(v.eligibility),
      fees: text(v.fees),
      languages: v.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      acceptsMedicaid: v.acceptsMedicaid === 'unknown' ? null : v.acceptsMedicaid === 'yes',
      treatingProvider: v.treatingProvider,
      status: v.status,
      lastVerifiedOn: v.lastVerifiedOn || null,
    } as ResourceRequest;
    this.busy.set(true);
    this.error.set(null);
    try {
      const saved = this.r
        ? await this.api.update(this.r.id, { ...request, version: this.r.version })
        : await this.api.create(request);
      this.ref.close(saved);
    } catch (error) {
      if (problemSlug(error) === 'stale-version') {
        this.error.set(STALE_RECORD_MESSAGE);
        return;
      }
      const problem = readProblem(error, 'The resource could not be saved.');
      const leftOver = applyServerErrors(this.form, problem.fieldErrors);
      this.error.set(leftOver.length ? leftOver.join(' ') : problem.message);
    } finally {
      this.busy.set(false);
    }
  }
}
