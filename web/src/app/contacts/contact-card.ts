import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Contact } from '@peerpath/contracts';
import { label, plural } from '../clients/client-display';

/** One contact in a client's timeline; the actions shown are decided by the page. */
@Component({
  selector: 'pp-contact-card',
  imports: [DatePipe, MatButtonModule, MatIconModule, RouterLink],
  templateUrl: './contact-card.html',
  styleUrl: './contact-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactCard {
  readonly contact = input.required<Contact>();
  /** The author may edit and sign their own draft. */
  readonly canEdit = input(false);
  /** Signed contacts take addenda from staff who write contacts. */
  readonly canAmend = input(false);
  readonly busy = input(false);
  readonly sign = output<Contact>();
  readonly amend = output<Contact>();

  protected readonly label = label;
  protected readonly plural = plural;
  protected readonly signed = computed(() => !!this.contact().signedAt);
  /** A supervisor's documentation review, shown to the peer who wrote the contact. */
  protected readonly reviewText = computed(() => {
    const review = this.contact().review;
    if (!review) return null;
    return `Reviewed by ${review.reviewerName}${review.comment ? `: ${review.comment}` : ''}`;
  });
}
