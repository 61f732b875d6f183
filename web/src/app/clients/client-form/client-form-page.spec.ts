import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { client, PROGRAM_ID } from '../../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../../testing/session-users';
import { AuthService } from '../../core/auth.service';
import { ClientFormPage } from './client-form-page';

const program = {
  id: PROGRAM_ID,
  name: 'Recovery Support Services',
  description: null,
  overdueContactDays: 14,
  createdAt: '2026-01-01T00:00:00Z',
};

async function render() {
  TestBed.configureTestingModule({
    imports: [ClientFormPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ClientFormPage);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne((r) => r.url === '/api/programs').flush({ items: [program], nextCursor: null });
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const type = (label: string, value: string) => {
    const labelEl = Array.from(element.querySelectorAll('label')).find((l) =>
      l.textContent?.trim().startsWith(label),
    );
    const input = element.querySelector<HTMLInputElement>(`#${labelEl?.getAttribute('for')}`);
    if (!input) throw new Error(`No field labelled ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const click = async (name: string) => {
    Array.from(element.querySelectorAll<HTMLElement>('button, a'))
      .find((b) => accessibleText(b) === name)
      ?.click();
    await refresh();
  };
  return { element, backend, navigate, type, click, refresh };
}

describe('ClientFormPage (intake)', () => {
  it('enrolls a peer’s client in their first program, with only the fields given', async () => {
    const { backend, navigate, type, click } = await render();
    type('First name', ' Avery ');
    type('Last name', 'Example');
    type('Date of birth', '1990-04-12');
    type('Phone', '555-0110');
    await click('Add client');
    const request = backend.expectOne('/api/clients');
    expect(request.request.body).toEqual({
      firstName: 'Avery',
      lastName: 'Example',
      dateOfBirth: '1990-04-12',
      programId: PROGRAM_ID,
      phone: '555-0110',
    });
    request.flush(client(), { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/clients', client().id]);
  });

  it('offers "Open existing" and "Create anyway" for a possible duplicate', async () => {
    const { element, backend, type, click, refresh } = await render();
    type('First name', 'Avery');
    type('Last name', 'Example');
    type('Date of birth', '1990-04-12');
    await click('Add client');
    backend.expectOne('/api/clients').flush(
      {
        type: 'https://peerpath.example/problems/possible-duplicate',
        title: 'Conflict',
        status: 409,
        detail: 'A client with this name and date of birth already exists.',
        duplicateClientId: 'dup-1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    await refresh();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('already exists');
    const open = Array.from(element.querySelectorAll('a')).find((a) => accessibleText(a) === 'Open existing');
    expect(open?.getAttribute('href')).toBe('/clients/dup-1');

    await click('Create anyway');
    const again = backend.expectOne('/api/clients');
    expect(again.request.body).toEqual(expect.objectContaining({ confirmedNotDuplicate: true }));
    again.flush(client(), { status: 201, statusText: 'Created' });
    await settle();
  });

  it('shows the server’s field errors on the fields', async () => {
    const { element, backend, type, click, refresh } = await render();
    type('First name', 'Avery');
    type('Last name', 'Example');
    type('Date of birth', '1990-04-12');
    await click('Add client');
    backend.expectOne('/api/clients').flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: 'Check the fields.',
        errors: [{ field: 'dateOfBirth', message: 'dateOfBirth must be in the past' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await refresh();
    expect(element.querySelector('mat-error')?.textContent).toContain('dateOfBirth must be in the past');
  });
});
