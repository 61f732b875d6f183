import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type Consent,
  type ConsentSigner,
  type CreateConsentRequest,
  type Resource,
  REVOCATION_STATEMENT,
} from '@peerpath/contracts';
import { localToday } from '../clients/client-display';
import { AuthService } from '../core/auth.service';
import { applyServerErrors, serverError } from '../core/forms';
import { readProblem } from '../core/problem';
import { ResourcesApi } from '../directory/resources-api.service';
import type { Recipient } from './consent-coverage';
import { ConsentsApi } from './consents-api.service';
import { ProblemMessage } from '../shared/problem-message';

export interface ConsentDialogData {
  clientId: string;
  clientName: string;
  /** Prefills the recipient, e.g. the one a referral is about to go to. */
  recipient?: Recipient | null;
  purpose?: string;
}

export type RecipientKind = 'resource' | 'organization' | 'designation';
export type ExpiryKind = 'date' | 'event';

function notFuture(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > localToday() ? { future: true } : null;
}

/** The request the form describes: exactly one recipient and one kind of expiry. */
export function toConsentRequest(v: {
  disclosingParty: string;
  recipientKind: RecipientKind;
  recipientResourceId: string;
  recipientOrganization: string;
  generalDesignation: string;
  purpose: string;
  information: string;
  signedAt: string;
  expiryKind: ExpiryKind;
  expiresAt: string;
  expiryEvent: string;
  signedBy: ConsentSigner;
  representativeName: string;
  recipientIsCoveredEntity: boolean;
}): CreateConsentRequest {
  const request: CreateConsentRequest = {
    purpose: v.purpose.trim(),
    information: v.information.trim(),
    signedAt: v.signedAt,
    signedBy: v.signedBy,
    // The form cannot be saved without the signer's acknowledgement (42 CFR 2.31(a)(6)).
    revocationStatementAcknowledged: true,
    recipientIsCoveredEntity: v.recipientIsCoveredEntity,
  };
  if (v.disclosingParty.trim()) request.disclosingParty = v.disclosingParty.trim();
  if (v.recipientKind === 'resource') request.recipientResourceId = v.recipientResourceId;
  if (v.recipientKind === 'organization') request.recipientOrganization = v.recipientOrganization.trim();
  if (v.recipientKind === 'designation') request.generalDesignation = v.generalDesignation.trim();
  if (v.expiryKind === 'date') request.expiresAt = v.expiresAt;
  else request.expiryEvent = v.expiryEvent.trim();
  if (v.signedBy === 'representative') request.representativeName = v.representativeName.trim();
  return request;
}

/**
 * Records a written 42 CFR Part 2 consent: every element of § 2.31 has its own labelled field
 * (patient, who may disclose, recipient, purpose, what information, signature date, expiry,
 * representative), plus the signed statement that the client may revoke it.
 */
@Component({
  selector: 'pp-consent-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './consent-dialog.html',
  styleUrl: './consent-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentDialog implements OnInit {
  protected readonly data = inject<ConsentDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConsentDialog, Consent>>(MatDialogRef);
  private readonly api = inject(ConsentsApi);
  private readonly resourcesApi = inject(ResourcesApi);
  private readonly user = inject(AuthService).user;
  protected readonly today = localToday();
  protected readonly serverError = serverError;

  protected readonly form = inject(NonNullableFormBuilder).group({
    disclosingParty: [this.user()?.organizationName ?? '', Validators.maxLength(200)],
    recipientKind: [this.initialKind()],
    recipientResourceId: [this.data.recipient?.kind === 'resource' ? this.data.recipient.resource.id : ''],
    recipientOrganization: [this.data.recipient?.kind === 'outside' ? this.data.recipient.name : ''],
    generalDesignation: [''],
    purpose: [
      this.data.purpose ?? '',
      [Validators.required, Validators.minLength(3), Validators.maxLength(1000)],
    ],
    information: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(2000)]],
    signedAt: [this.today, [Validators.required, notFuture]],
    expiryKind: ['date' as ExpiryKind],
    expiresAt: [''],
    expiryEvent: [''],
    signedBy: ['client' as ConsentSigner],
    representativeName: ['', Validators.maxLength(200)],
    recipientIsCoveredEntity: [false],
    signed: [false, Validators.requiredTrue],
  });
  protected readonly revocationStatement = REVOCATION_STATEMENT;
  protected readonly signedBy = toSignal(this.form.controls.signedBy.valueChanges, {
    initialValue: this.form.controls.signedBy.value,
  });
  protected readonly recipientKind = toSignal(this.form.controls.recipientKind.valueChanges, {
    initialValue: this.form.controls.recipientKind.value,
  });
  protected readonly expiryKind = toSignal(this.form.controls.expiryKind.valueChanges, {
    initialValue: this.form.controls.expiryKind.value,
  });
  protected readonly resources = signal<Pick<Resource, 'id' | 'name'>[]>(
    this.data.recipient?.kind === 'resource' ? [this.data.recipient.resource] : [],
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.form.controls.recipientKind.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.requireRecipient());
    this.form.controls.expiryKind.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.requireExpiry());
    this.form.controls.signedBy.valueChanges.pipe(takeUntilDestroyed()).subscribe((by) => {
      const name = this.form.controls.representativeName;
      name.setValidators(
        by === 'representative'
          ? [Validators.required, Validators.maxLength(200)]
          : Validators.maxLength(200),
      );
      name.updateValueAndValidity({ emitEvent: false });
    });
    this.requireRecipient();
    this.requireExpiry();
  }

  ngOnInit(): void {
    this.resourcesApi.listAll().then(
      (resources) => this.resources.set(resources),
      () => undefined, // the prefilled resource (if any) stays selectable
    );
  }

  private initialKind(): RecipientKind {
    if (this.data.recipient?.kind === 'outside') return 'organization';
    return this.data.recipient?.kind === 'resource' ? 'resource' : 'organization';
  }

  /** Only the chosen kind of recipient is required (and sent). */
  private requireRecipient(): void {
    const kind = this.form.controls.recipientKind.value;
    const c = this.form.controls;
    c.recipientResourceId.setValidators(kind === 'resource' ? Validators.required : null);
    c.recipientOrganization.setValidators(
      kind === 'organization'
        ? [Validators.required, Validators.minLength(2), Validators.maxLength(200)]
        : null,
    );
    c.generalDesignation.setValidators(
      kind === 'designation'
        ? [Validators.required, Validators.minLength(2), Validators.maxLength(500)]
        : null,
    );
    for (const control of [c.recipientResourceId, c.recipientOrganization, c.generalDesignation])
      control.updateValueAndValidity({ emitEvent: false });
  }

  private requireExpiry(): void {
    const kind = this.form.controls.expiryKind.value;
    const c = this.form.controls;
    c.expiresAt.setValidators(kind === 'date' ? Validators.required : null);
    c.expiryEvent.setValidators(kind === 'event' ? [Validators.required, Validators.minLength(3)] : null);
    c.expiresAt.updateValueAndValidity({ emitEvent: false });
    c.expiryEvent.updateValueAndValidity({ emitEvent: false });
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const consent = await this.api.create(this.data.clientId, toConsentRequest(this.form.getRawValue()));
      this.ref.close(consent);
    } catch (error) {
      const problem = readProblem(error, 'The consent could not be recorded.');
      const fieldErrors = { ...problem.fieldErrors };
      if (fieldErrors['recipient']) {
        const kind = this.form.controls.recipientKind.value;
        const field =
          kind === 'resource'
            ? 'recipientResourceId'
            : kind === 'organization'
              ? 'recipientOrganization'
              : 'generalDesignation';
        fieldErrors[field] = fieldErrors['recipient'];
        delete fieldErrors['recipient'];
      }
      const leftOver = applyServerErrors(this.form, fieldErrors);
      this.error.set(leftOver.length ? leftOver.join(' ') : problem.message);
    } finally {
      this.busy.set(false);
    }
  }
}
