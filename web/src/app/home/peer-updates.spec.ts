import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Handoff, RecipientAnswerNews } from '@peerpath/contracts';
import { settle } from '../../testing/session-users';
import { PeerUpdates } from './peer-updates';

const CLIENT = '40000000-0000-4000-8000-000000000001';

function answer(n: number, overrides: Partial<RecipientAnswerNews> = {}): RecipientAnswerNews {
  return {
    referralId: `70000000-0000-4000-8000-00000000000${n}`,
    clientId: CLIENT,
    clientName: `Client ${n} (fake)`,
    recipient: 'Harbor Light Shelter (fake)',
    need: 'housing',
    status: 'accepted',
    note: 'Intake Monday (fake)',
    at: `2026-03-0${n}T10:00:00.000Z`,
    ...overrides,
  };
}

const handoff = (n: number) =>
  ({ id: `90000000-0000-4000-8000-00000000000${n}`, receivedAt: `2026-03-0${n}T08:00:00.000Z` }) as Handoff;

async function render(answers: RecipientAnswerNews[], unclaimed: Handoff[]) {
  TestBed.configureTestingModule({
    imports: [PeerUpdates],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(PeerUpdates);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne('/api/recipient-answers').flush({ items: answers, seenAt: null });
  const queue = backend.expectOne((r) => r.url === '/api/handoffs');
  expect(queue.request.params.get('status')).toBe('new');
  queue.flush({ items: unclaimed });
  const stable = async () => {
    await settle();
    await fixture.whenStable();
  };
  await stable();
  return { backend, element: fixture.nativeElement as HTMLElement, stable };
}

describe('PeerUpdates', () => {
  it('lists recipients’ answers, each one tap from the client’s referrals, until marked seen', async () => {
    const { backend, element, stable } = await render([answer(2), answer(1, { status: 'waitlisted' })], []);
    const section = element.querySelector('[data-testid="recipient-answers"]') as HTMLElement;
    expect(section.querySelector('h2')?.textContent).toContain('Recipient answers since you last looked');
    const links = Array.from(section.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/clients/${CLIENT}#referrals`,
      `/clients/${CLIENT}#referrals`,
    ]);
    expect(links[0].textContent).toContain('Accepted');
    expect(links[0].textContent).toContain('Client 2 (fake)');
    expect(links[0].textContent).toContain('Intake Monday (fake)');
    expect(links[1].textContent).toContain('Waitlisted');

    (
      Array.from(section.querySelectorAll('button')).find((b) =>
        b.textContent?.includes('Mark as seen'),
      ) as HTMLButtonElement
    ).click();
    const seen = backend.expectOne('/api/recipient-answers/seen');
    expect(seen.request.body).toEqual({ through: '2026-03-02T10:00:00.000Z' });
    seen.flush(null);
    await stable();
    expect(element.querySelector('[data-testid="recipient-answers"]')).toBeNull();
  });

  it('counts unclaimed handoffs with one tap to the queue', async () => {
    const { element } = await render([], [handoff(2), handoff(1)]);
    const section = element.querySelector('[data-testid="unclaimed-handoffs"]') as HTMLElement;
    expect(section.querySelector('a')?.getAttribute('href')).toBe('/handoffs');
    expect(section.textContent).toContain('2 people are waiting');
    expect(element.querySelector('[data-testid="recipient-answers"]')).toBeNull();
  });

  it('shows nothing when there is nothing new', async () => {
    const { element } = await render([], []);
    expect(element.querySelector('section')).toBeNull();
  });
});
