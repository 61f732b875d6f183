import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Contact } from '@peerpath/contracts';
import { contact } from '../../testing/clinic-records';
import { ContactCard } from './contact-card';

async function render(value: Contact) {
  TestBed.configureTestingModule({ imports: [ContactCard], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(ContactCard);
  fixture.componentRef.setInput('contact', value);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('ContactCard review', () => {
  it('shows the supervisor’s review and comment to the peer', async () => {
    const element = await render(
      contact({
        signedAt: '2026-03-01T16:00:00Z',
        review: {
          contactId: '50000000-0000-4000-8000-000000000001',
          reviewerId: 'manager',
          reviewerName: 'Morgan Manager',
          comment: 'Good detail on the ride.',
          reviewedAt: '2026-03-03T10:00:00Z',
        },
      }),
    );
    const review = element.querySelector('[data-testid="contact-review"]');
    expect(review?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Reviewed by Morgan Manager: Good detail on the ride.',
    );
  });

  it('says nothing about review when there is none', async () => {
    const element = await render(contact({ review: null }));
    expect(element.querySelector('[data-testid="contact-review"]')).toBeNull();
  });
});
