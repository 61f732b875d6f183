import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@peerpath/contracts';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { resource } from '../referrals/referral-fixtures';
import { DirectoryPage } from './directory-page';

async function render(role: Role) {
  TestBed.configureTestingModule({
    imports: [DirectoryPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(DirectoryPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend
    .expectOne((r) => r.url === '/api/resources')
    .flush({
      items: [
        resource(),
        resource({
          id: '60000000-0000-4000-8000-000000000002',
          name: 'Closed Place',
          status: 'temporarily_closed',
        }),
      ],
      nextCursor: null,
    });
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const cards = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="resource-card"]'));
  const buttons = (el: HTMLElement) =>
    Array.from(el.querySelectorAll('button')).map((b) => accessibleText(b));
  return { fixture, element, backend, refresh, cards, buttons };
}

describe('DirectoryPage', () => {
  it('shows resource cards with needs, phone, address, hours and status', async () => {
    const { cards } = await render('peer');
    const text = cards()[0].textContent ?? '';
    for (const fact of [
      'Harbor Light Shelter (fake)',
      'Housing',
      '555-0200',
      '100 Example Street',
      'Mon–Fri 9–5',
      'Open',
    ])
      expect(text).toContain(fact);
    expect(cards()[1].textContent).toContain('Temporarily closed');
  });

  it('searches by need when a chip is chosen', async () => {
    const { element, backend, refresh } = await render('peer');
    const chip = Array.from(element.querySelectorAll<HTMLElement>('mat-chip-option')).find(
      (c) => c.textContent?.trim() === 'Food',
    );
    (chip?.querySelector('button') ?? chip)?.click();
    await refresh();
    const request = backend.expectOne((r) => r.url === '/api/resources');
    expect(request.request.params.get('need')).toBe('food');
  });

  it('lets peers refer a client to an open resource, and managers edit but not refer', async () => {
    const peer = await render('peer');
    expect(peer.buttons(peer.cards()[0])).toEqual(['Refer a client to Harbor Light Shelter (fake)']);
    expect(peer.buttons(peer.cards()[1])).toEqual([]);
    TestBed.resetTestingModule();
    const manager = await render('manager');
    expect(manager.buttons(manager.cards()[0])).toEqual(['Edit Harbor Light Shelter (fake)']);
    expect(manager.buttons(manager.element)).toContain('Add resource');
  });
});
