import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { can, CLINICAL_NOTE_LABELS, type ClinicalNote } from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { TextDialog, type TextDialogData } from '../shared/text-dialog';
import { AuthService } from '../core/auth.service';
import { problemSlug, readProblem, STALE_RECORD_MESSAGE } from '../core/problem';
import { EmergencyAccess } from '../emergency-access/emergency-access.service';
import { ClinicalNoteDialog, type ClinicalNoteDialogData, MAX_CLINICAL_NOTE } from './clinical-note-dialog';
import { ClinicalNotesApi } from './clinical-notes-api.service';
import { ProblemMessage } from '../shared/problem-message';

/** Notes shown before "Show all". */
const FIRST_NOTES = 3;

/**
 * A client's clinical notes. Clinicians read and write them; managers see author, type and date but
 * never the body; peers (and admins) get nothing — not even a request is made.
 */
@Component({
  selector: 'pp-clinical-notes',
  imports: [ProblemMessage, DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './clinical-notes-section.html',
  styleUrl: './clinical-notes-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClinicalNotesSection {
  readonly clientId = input.required<string>();

  private readonly api = inject(ClinicalNotesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly emergency = inject(EmergencyAccess);
  private readonly user = inject(AuthService).user;

  protected readonly canRead = computed(() => can(this.user()?.role, 'clinicalNotes:read'));
  protected readonly canReadBody = computed(() => can(this.user()?.role, 'clinicalNotes:readBody'));
  /** Emergency access reads only. */
  protected readonly canWrite = computed(
    () => can(this.user()?.role, 'clinicalNotes:write') && !this.emergency.grantFor(this.clientId()),
  );

  protected readonly notes = signal<ClinicalNote[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busyNote = signal<string | null>(null);
  protected readonly showAll = signal(false);
  protected readonly shown = computed(() =>
    this.showAll() ? this.notes() : this.notes().slice(0, FIRST_NOTES),
  );
  protected readonly hiddenCount = computed(() => Math.max(0, this.notes().length - FIRST_NOTES));
  protected readonly labels = CLINICAL_NOTE_LABELS;

  constructor() {
    effect(() => {
      const id = this.clientId();
      if (this.canRead()) void this.load(id);
    });
  }

  protected isOwnDraft(note: ClinicalNote): boolean {
    return this.canWrite() && !note.signedAt && note.authorId === this.user()?.id;
  }

  protected async load(clientId = this.clientId()): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const notes = await this.api.list(clientId);
      this.notes.set([...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    } catch (error) {
      this.error.set(readProblem(error, 'The clinical notes could not be loaded.').message);
    } finally {
      this.loading.set(false);
    }
  }

  protected async write(note?: ClinicalNote): Promise<void> {
    const ref = this.dialog.open<ClinicalNoteDialog, ClinicalNoteDialogData, ClinicalNote>(
      ClinicalNoteDialog,
      {
        data: { clientId: this.clientId(), note },
        width: '680px',
        maxWidth: '95vw',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.upsert(saved);
    this.snackBar.open(note ? 'Note saved.' : saved.signedAt ? 'Note signed.' : 'Draft saved.', 'OK', {
      duration: 4000,
    });
  }

  protected async sign(note: ClinicalNote): Promise<void> {
    this.busyNote.set(note.id);
    this.error.set(null);
    try {
      this.upsert(await this.api.sign(note));
      this.snackBar.open('Note signed.', 'OK', { duration: 4000 });
    } catch (error) {
      this.error.set(
        problemSlug(error) === 'stale-version'
          ? STALE_RECORD_MESSAGE
          : readProblem(error, 'The note could not be signed.').message,
      );
    } finally {
      this.busyNote.set(null);
    }
  }

  protected async addAddendum(note: ClinicalNote): Promise<void> {
    const ref = this.dialog.open<TextDialog<ClinicalNote>, TextDialogData<ClinicalNote>, ClinicalNote>(
      TextDialog,
      {
        data: {
          title: 'Add addendum',
          intro: 'A signed note never changes. Your addendum is added below it with your name and the time.',
          label: 'Addendum',
          confirm: 'Add addendum',
          required: true,
          maxLength: MAX_CLINICAL_NOTE,
          action: (text) => this.api.addAddendum(note.id, text),
        },
        width: '560px',
        maxWidth: '95vw',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) this.upsert(saved);
  }

  private upsert(note: ClinicalNote): void {
    this.notes.update((notes) =>
      notes.some((n) => n.id === note.id)
        ? notes.map((n) => (n.id === note.id ? note : n))
        : [note, ...notes],
    );
  }
}
