import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { API, type User } from '@peerpath/contracts';
import { settle } from '../../../testing/session-users';
import { StaffFormDialog, type StaffFormData } from './staff-form-dialog';

const program = {
  id: '20000000-0000-4000-8000-000000000001',
  name: 'Recovery Support Services',
  description: null,
  overdueContactDays: 14,
  createdAt: '2026-01-01T00:00:00Z',
};

const peer: User = {
  id: '30000000-0000-4000-8000-000000000001',
  email: 'peer@demo.test',
  name: 'Sam Peer',
  role: 'peer',
  programIds: [program.id],
  active: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: null,
  credential: null,
  npi: null,
};

async function render(data: StaffFormData) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [StaffFormDialog],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(StaffFormDialog);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const backend = TestBed.inject(HttpTestingController);
  const field = (label: string) => {
    const labelEl = Array.from(element.querySelectorAll('label')).find(
      (l) => l.textContent?.trim() === label,
    );
    const input = element.querySelector<HTMLInputElement>(`#${labelEl?.getAttribute('for')}`);
    if (!input) throw new Error(`No field labelled ${label}`);
    return input;
  };
  const type = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const save = async () => {
    Array.from(element.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Save')
      ?.click();
    await settle();
  };
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  return { fixture, element, backend, close, type, save, refresh };
}

describe('StaffFormDialog', () => {
  it('sends only the changes and the version when editing', async () => {
    const { backend, close, type, save, refresh } = await render({ user: peer, programs: [program] });
    type('Name', 'Sam Peer-Lopez');
    await save();
    const request = backend.expectOne(`${API.users}/${peer.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 3, name: 'Sam Peer-Lopez' });
    request.flush({ ...peer, name: 'Sam Peer-Lopez', version: 4 });
    await refresh();
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
  });

  it('says someone else changed the record on 409 and offers a reload', async () => {
    const { element, backend, close, type, save, refresh } = await render({
      user: peer,
      programs: [program],
    });
    type('Name', 'Changed');
    await save();
    backend
      .expectOne(`${API.users}/${peer.id}`)
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Stale version' },
        { status: 409, statusText: 'Conflict' },
      );
    await refresh();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Someone else changed this record; reload',
    );
    expect(
      Array.from(element.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Reload'),
    ).toBe(true);
    expect(close).not.toHaveBeenCalled();
  });

  it('shows server field errors on the fields when adding', async () => {
    const { element, backend, type, save, refresh } = await render({ programs: [program] });
    type('Name', 'New Person');
    type('Email', 'taken@demo.test');
    type('Password', 'a long enough passphrase here');
    await save();
    const request = backend.expectOne(API.users);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      name: 'New Person',
      email: 'taken@demo.test',
      role: 'peer',
      programIds: [],
      password: 'a long enough passphrase here',
    });
    request.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Check the highlighted fields.',
        errors: [{ field: 'email', message: 'That email is already in use.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await refresh();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Check the highlighted fields.');
    expect(element.querySelector('mat-error')?.textContent).toContain('That email is already in use.');
  });

  it('refuses a short password before calling the server', async () => {
    const { element, backend, type, save, refresh } = await render({ programs: [program] });
    type('Name', 'New Person');
    type('Email', 'new@demo.test');
    type('Password', 'short');
    await save();
    await refresh();
    backend.expectNone(API.users);
    expect(element.textContent).toContain('at least 15 characters');
  });
});
