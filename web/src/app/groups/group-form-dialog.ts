import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type CreateGroupRequest,
  type Group,
  GROUP_TYPES,
  type GroupType,
  type Program,
  ROLE_LABELS,
  type UpdateGroupRequest,
  type User,
} from '@peerpath/contracts';
import { applyServerErrors, serverError } from '../core/forms';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../core/problem';
import { groupLabel } from './group-display';
import { GroupsApi } from './groups-api.service';

export interface GroupFormData {
  /** The group to edit; absent for a new one. */
  group?: Group;
  programs: Program[];
  /** Staff who may facilitate: active, not administrators. */
  staff: User[];
}

/** A manager creates or edits a group: name, type, facilitators, schedule, place or link. */
@Component({
  selector: 'pp-group-form-dialog',
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
  templateUrl: './group-form-dialog.html',
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(480px, 80vw);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupFormDialog {
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<GroupFormDialog, Group>>(MatDialogRef);
  protected readonly data = inject<GroupFormData>(MAT_DIALOG_DATA);

  protected readonly types = GROUP_TYPES;
  protected readonly groupLabel = groupLabel;
  protected readonly serverError = serverError;
  protected readonly editing = !!this.data.group;
  protected readonly saving = signal(false);
  protected readonly stale = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    programId: [this.data.group?.programId ?? this.data.programs[0]?.id ?? '', Validators.required],
    name: [this.data.group?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    type: [this.data.group?.type ?? ('peer_led' as GroupType), Validators.required],
    facilitatorId: [this.data.group?.facilitatorId ?? '', Validators.required],
    coFacilitatorIds: [this.data.group?.facilitatorIds.slice(1) ?? ([] as string[])],
    schedule: [this.data.group?.schedule ?? '', [Validators.required, Validators.maxLength(300)]],
    location: [this.data.group?.location ?? '', Validators.maxLength(200)],
    videoLink: [
      this.data.group?.videoLink ?? '',
      [Validators.maxLength(500), Validators.pattern(/^https?:\/\/\S+$/)],
    ],
    capacity: [
      this.data.group?.capacity ?? (null as number | null),
      [Validators.min(1), Validators.max(500)],
    ],
    active: [this.data.group?.active ?? true],
  });
  private readonly programId = toSignal(this.form.controls.programId.valueChanges, {
    initialValue: this.form.controls.programId.value,
  });
  private readonly leadId = toSignal(this.form.controls.facilitatorId.valueChanges, {
    initialValue: this.form.controls.facilitatorId.value,
  });
  /** Active staff of the chosen program. */
  protected readonly candidates = computed(() =>
    this.data.staff.filter((u) => u.active && u.role !== 'admin' && u.programIds.includes(this.programId())),
  );
  protected readonly coCandidates = computed(() => this.candidates().filter((u) => u.id !== this.leadId()));

  constructor() {
    if (this.editing) this.form.controls.programId.disable();
  }

  protected roleLabel(user: User): string {
    return ROLE_LABELS[user.role] ?? user.role;
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
      const group = this.data.group;
      this.ref.close(group ? await this.api.update(group.id, this.changes(group)) : await this.create());
    } catch (error) {
      const problem = readProblem(error, 'The group could not be saved.');
      if (problem.status === 409 && problemSlug(error) === 'stale-version') {
        this.stale.set(true);
        this.error.set(STALE_RECORD_MESSAGE);
        return;
      }
      // The server names the facilitator list; the form has a lead and co-facilitators.
      const { facilitatorIds, ...fieldErrors } = problem.fieldErrors;
      if (facilitatorIds) fieldErrors['facilitatorId'] = facilitatorIds;
      const leftOver = applyServerErrors(this.form, fieldErrors);
      this.error.set([problem.message, ...leftOver].join(' '));
    } finally {
      this.saving.set(false);
    }
  }

  private facilitators(): string[] {
    const { facilitatorId, coFacilitatorIds } = this.form.getRawValue();
    return [facilitatorId, ...coFacilitatorIds.filter((id) => id !== facilitatorId)];
  }

  private create(): Promise<Group> {
    const v = this.form.getRawValue();
    const request: CreateGroupRequest = {
      programId: v.programId,
      name: v.name.trim(),
      type: v.type,
      facilitatorIds: this.facilitators(),
      schedule: v.schedule.trim(),
      ...(v.location.trim() ? { location: v.location.trim() } : {}),
      ...(v.videoLink.trim() ? { videoLink: v.videoLink.trim() } : {}),
      ...(v.capacity ? { capacity: Number(v.capacity) } : {}),
    };
    return this.api.create(request);
  }

  /** Only what changed, with the version the change is based on. */
  private changes(group: Group): UpdateGroupRequest {
    const v = this.form.getRawValue();
    const request: UpdateGroupRequest = { version: group.version };
    if (v.name.trim() !== group.name) request.name = v.name.trim();
    if (v.type !== group.type) request.type = v.type;
    const facilitators = this.facilitators();
    if (facilitators.join() !== group.facilitatorIds.join()) request.facilitatorIds = facilitators;
    if (v.schedule.trim() !== group.schedule) request.schedule = v.schedule.trim();
    if (v.location.trim() !== (group.location ?? '')) request.location = v.location.trim();
    if (v.videoLink.trim() && v.videoLink.trim() !== (group.videoLink ?? ''))
      request.videoLink = v.videoLink.trim();
    if (v.capacity && Number(v.capacity) !== group.capacity) request.capacity = Number(v.capacity);
    if (v.active !== group.active) request.active = v.active;
    return request;
  }
}
