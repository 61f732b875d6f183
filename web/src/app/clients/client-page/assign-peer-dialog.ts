import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Client, User } from '@peerpath/contracts';
import { readProblem } from '../../core/problem';
import { ClientsApi } from '../clients-api.service';
import { ProblemMessage } from '../../shared/problem-message';

export interface AssignPeerData {
  client: Client;
  clientName: string;
}

/** A manager moves one client to another peer's caseload (PUT /api/clients/:id/primary-peer). */
@Component({
  selector: 'pp-assign-peer-dialog',
  imports: [
    ProblemMessage,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  template: `
    <h2 mat-dialog-title>Assign peer</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>Choose the peer specialist whose caseload {{ data.clientName }} joins.</p>
        <div aria-live="assertive">
          @if (error(); as message) {
            <pp-problem [message]="message" />
          }
        </div>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Peer specialist</mat-label>
          <mat-select formControlName="peerId" required>
            @for (peer of peers(); track peer.id) {
              <mat-option [value]="peer.id">{{ peer.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.peerId.hasError('required')) {
            <mat-error>Choose a peer specialist.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>Reason (optional)</mat-label>
          <input matInput formControlName="reason" maxlength="500" autocomplete="off" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Assign</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignPeerDialog {
  protected readonly data = inject<AssignPeerData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AssignPeerDialog, Client>>(MatDialogRef);
  private readonly api = inject(ClientsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    peerId: [this.data.client.primaryPeerId ?? '', Validators.required],
    reason: [''],
  });
  protected readonly peers = signal<User[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.api.peers(this.data.client.programId).then(
      (peers) => this.peers.set(peers),
      (error: unknown) => this.error.set(readProblem(error, 'The peer list could not be loaded.').message),
    );
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { peerId, reason } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await this.api.assignPeer(this.data.client.id, peerId, reason.trim() || undefined));
    } catch (error) {
      this.error.set(readProblem(error, 'The client could not be assigned.').message);
    } finally {
      this.busy.set(false);
    }
  }
}
