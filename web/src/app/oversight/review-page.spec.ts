import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReviewCoverage, ReviewQueueItem } from '@peerpath/contracts';
import { client, CLIENT_ID, contact } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { ReviewPage } from './review-page';

const PEER = sessionUser('peer');
const item: ReviewQueueItem = {
  contactId: '50000000-0000-4000-8000-000000000009',
  clientId: CLIENT_ID,
  clientName: 'Ave Example',
  authorId: PEER.id,
  authorName: 'Pat Peer',
  occurredAt: '2026-03-01T23:15:00Z',
  durationMinutes: 150,
  contactType: 'crisis_support',
  reasons: ['over_120_minutes', 'after_10pm'],
};
const coverage: ReviewCoverage[] = [
  { peerId: PEER.id, peerName: 'Pat Peer', signedContacts: 40, reviewed: 10, coverage: 0.25 },
];

async function render() {
  TestBed.configureTestingModule({
    imports: [ReviewPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('manager')) },
    ],
  });
  const fixture = TestBed.createComponent(ReviewPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  backend.expectOne((r) => r.url === '/api/documentation-review/queue').flush([item]);
  backend.expectOne('/api/documentation-review/coverage').flush(coverage);
  const grants = backend.expectOne((r) => r.url === '/api/emergency-access');
  expect(grants.request.params.get('state')).toBe('unreviewed');
  grants.flush([
    {
      id: '80000000-0000-4000-8000-000000000001',
      userId: PEER.id,
      userName: 'Robin Peer',
      clientId: CLIENT_ID,
      reason: 'Client in crisis at the front desk',
      grantedAt: '2026-03-01T14:00:00Z',
      expiresAt: '2026-03-01T15:00:00Z',
      active: false,
      reviewedAt: null,
      reviewedBy: null,
      reviewComment: null,
    },
  ]);
  await refresh();
  backend.expectOne(`/api/clients/${CLIENT_ID}`).flush(client());
  await refresh();
  return { fixture, backend, refresh, element: fixture.nativeElement as HTMLElement };
}

describe('ReviewPage', () => {
  it('lists queued contacts with their reasons, coverage per peer and grants awaiting review', async () => {
    const { element } = await render();
    const row = element.querySelector('[data-testid="queue-item"]');
    expect(row?.textContent).toContain('Ave Example');
    expect(row?.textContent).toContain('Over 120 minutes');
    expect(row?.textContent).toContain('After 10 pm');
    expect(element.querySelector('[data-testid="coverage-row"]')?.textContent).toContain('25%');
    const grant = element.querySelector('[data-testid="grant"]');
    expect(grant?.textContent).toContain('Robin Peer opened Ave Example');
    expect(grant?.textContent).toContain('Client in crisis at the front desk');
  });

  it('reviews a contact with a comment for the peer and takes it off the queue', async () => {
    const { backend, element, refresh } = await render();
    const review = Array.from(element.querySelectorAll('button')).find((b) =>
      accessibleText(b).startsWith('Review contact'),
    );
    review?.click();
    await refresh();
    backend
      .expectOne(`/api/contacts/${item.contactId}`)
      .flush(contact({ id: item.contactId, signedAt: '2026-03-02T00:00:00Z' }));
    await refresh();
    const dialog = document.querySelector('pp-review-contact-dialog') as HTMLElement;
    expect(dialog.querySelector('[data-testid="contact-card"]')).not.toBeNull();
    const comment = dialog.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = 'Clear note, thanks.';
    comment.dispatchEvent(new Event('input'));
    (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await refresh();
    const request = backend.expectOne(`/api/contacts/${item.contactId}/review`);
    expect(request.request.body).toEqual({ comment: 'Clear note, thanks.' });
    request.flush(
      {
        contactId: item.contactId,
        reviewerId: 'm',
        reviewerName: 'Morgan',
        comment: 'Clear note, thanks.',
        reviewedAt: '',
      },
      { status: 201, statusText: 'Created' },
    );
    // The dialog closes after its exit animation.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await refresh();
    backend.expectOne('/api/documentation-review/coverage').flush(coverage);
    await refresh();
    expect(element.querySelector('[data-testid="queue-item"]')).toBeNull();
    expect(element.textContent).toContain('Nothing waits for review.');
  });
});
