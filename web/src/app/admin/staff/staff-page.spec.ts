import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type Role, type User } from '@peerpath/contracts';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { StaffPage } from './staff-page';

const person = (n: number, role: Role = 'peer'): User => ({
  id: `30000000-0000-4000-8000-00000000000${n}`,
  email: `person${n}@demo.test`,
  name: `Person ${n}`,
  role,
  programIds: ['20000000-0000-4000-8000-000000000001'],
  active: n !== 2,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: null,
  credential: null,
  npi: null,
});

async function render(role: Role) {
  TestBed.configureTestingModule({
    imports: [StaffPage],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser(role)) },
    ],
  });
  const fixture = TestBed.createComponent(StaffPage);
  const backend = TestBed.inject(HttpTestingController);
  backend
    .expectOne((r) => r.url === '/api/programs')
    .flush({
      items: [
        {
          id: '20000000-0000-4000-8000-000000000001',
          name: 'Recovery Support Services',
          description: null,
          overdueContactDays: 14,
          createdAt: '2026-01-01T00:00:00Z',
        },
      ],
      nextCursor: null,
    });
  const first = backend.expectOne((r) => r.url === '/api/users');
  expect(first.request.params.get('limit')).toBe('100');
  first.flush({ items: [person(1), person(2, 'clinician')], nextCursor: 'cursor-2' });
  await settle();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) =>
    Array.from(element.querySelectorAll('button')).find((b) => accessibleText(b) === name);
  return { fixture, element, backend, button };
}

describe('StaffPage', () => {
  it('lists staff with role labels and program names, and loads more on request', async () => {
    const { fixture, element, backend, button } = await render('admin');
    const text = element.textContent ?? '';
    expect(text).toContain('Person 1');
    expect(text).toContain('Peer specialist');
    expect(text).toContain('Clinician');
    expect(text).toContain('Recovery Support Services');
    expect(text).toContain('Inactive');

    button('Load more')?.click();
    const more = backend.expectOne((r) => r.url === '/api/users' && r.params.get('cursor') === 'cursor-2');
    more.flush({ items: [person(3)], nextCursor: null });
    await settle();
    await fixture.whenStable();
    expect(element.textContent).toContain('Person 3');
    expect(button('Load more')).toBeUndefined();
  });

  it('lets the administrator add staff', async () => {
    const { element, button } = await render('admin');
    expect(button('Add staff member')).toBeDefined();
    expect(button('Edit Person 1')).toBeDefined();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Staff');
  });

  it('is read-only for a program manager', async () => {
    const { element, button } = await render('manager');
    expect(element.querySelector('h1')?.textContent).toContain('Program staff');
    expect(button('Add staff member')).toBeUndefined();
    const editButtons = Array.from(element.querySelectorAll('button')).filter((b) =>
      accessibleText(b).startsWith('Edit'),
    );
    expect(editButtons).toHaveLength(0);
  });
});
