import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { User } from '@peerpath/contracts';
import { caseloadEntry, client, PROGRAM_ID } from '../../testing/clinic-records';
import { accessibleText, settle } from '../../testing/session-users';
import { AssignmentsPage } from './assignments-page';

const peer = (n: number, name: string): User => ({
  id: `30000000-0000-4000-8000-00000000000${n}`,
  email: `peer${n}@demo.test`,
  name,
  role: 'peer',
  programIds: [PROGRAM_ID],
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: null,
  credential: null,
  npi: null,
});
const pat = peer(1, 'Pat Peer');
const robin = peer(2, 'Robin Peer');

async function render() {
  TestBed.configureTestingModule({
    imports: [AssignmentsPage],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(AssignmentsPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const users = backend.expectOne((r) => r.url === '/api/users');
  expect(users.request.params.get('role')).toBe('peer');
  users.flush({ items: [pat, robin], nextCursor: null });
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const component = fixture.componentInstance as unknown as {
    chooseFrom(id: string): Promise<void>;
    toPeerId: { set(id: string): void };
  };
  return { fixture, backend, refresh, component, element: fixture.nativeElement as HTMLElement };
}

describe('AssignmentsPage', () => {
  it('moves the selected clients of one peer to another in one transfer', async () => {
    const { backend, refresh, component, element } = await render();
    const loading = component.chooseFrom(pat.id);
    const caseload = backend.expectOne((r) => r.url === '/api/caseload');
    expect(caseload.request.params.get('peerId')).toBe(pat.id);
    caseload.flush({ items: [caseloadEntry(1), caseloadEntry(2), caseloadEntry(3)], nextCursor: null });
    await loading;
    await refresh();

    const boxes = () => Array.from(element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    expect(boxes()).toHaveLength(4);
    boxes()[0].click(); // Select all
    await refresh();
    boxes()[2].click(); // …but not the second client
    await refresh();
    component.toPeerId.set(robin.id);
    await refresh();
    const move = Array.from(element.querySelectorAll('button')).find((b) =>
      accessibleText(b).startsWith('Move'),
    );
    expect(accessibleText(move as Element)).toBe('Move 2 clients');
    move?.click();
    await refresh();

    const transfer = backend.expectOne('/api/caseload-transfers');
    expect(transfer.request.body).toEqual({
      clientIds: [caseloadEntry(1).clientId, caseloadEntry(3).clientId],
      peerId: robin.id,
    });
    transfer.flush({ items: [client(), client()] });
    await refresh();
    backend
      .expectOne((r) => r.url === '/api/caseload')
      .flush({ items: [caseloadEntry(2)], nextCursor: null });
    await refresh();
    expect(element.textContent).toContain('Moved 2 clients to Robin Peer.');
  });
});
