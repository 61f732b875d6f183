import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClinicalNote, EmergencyAccessGrant, Role } from '@peerpath/contracts';
import { CLIENT_ID } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { EmergencyAccess } from '../emergency-access/emergency-access.service';
import { ClinicalNotesSection } from './clinical-notes-section';

const CLINICIAN = sessionUser('clinician');
const BODY = 'PHQ-9 discussed (fake); plan adjusted.';

function note(overrides: Partial<ClinicalNote> = {}): ClinicalNote {
  return {
    id: '70000000-0000-4000-8000-000000000001',
    clientId: CLIENT_ID,
    authorId: CLINICIAN.id,
    authorName: 'Casey Clinician',
    noteType: 'progress',
    body: BODY,
    signedAt: '2026-03-02T10:00:00Z',
    createdAt: '2026-03-02T09:00:00Z',
    addenda: [],
    version: 2,
    ...overrides,
  };
}

const draft = note({
  id: '70000000-0000-4000-8000-000000000002',
  signedAt: null,
  noteType: 'assessment',
  createdAt: '2026-03-05T09:00:00Z',
});

async function render(role: Role, options: { emergency?: boolean } = {}) {
  TestBed.configureTestingModule({
    imports: [ClinicalNotesSection],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(role === 'clinician' ? CLINICIAN : sessionUser(role)) },
    ],
  });
  if (options.emergency) {
    const grant = { clientId: CLIENT_ID } as EmergencyAccessGrant;
    jest.spyOn(TestBed.inject(EmergencyAccess), 'grantFor').mockReturnValue(grant);
  }
  const fixture = TestBed.createComponent(ClinicalNotesSection);
  fixture.componentRef.setInput('clientId', CLIENT_ID);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const flush = async (notes: ClinicalNote[]) => {
    backend.expectOne(`/api/clients/${CLIENT_ID}/clinical-notes`).flush(notes);
    await settle();
    await fixture.whenStable();
  };
  const buttons = () => Array.from(element.querySelectorAll('button')).map((b) => accessibleText(b));
  return { backend, element, flush, buttons };
}

describe('ClinicalNotesSection', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(['peer', 'admin'] as Role[])(
    'is absent for a %s, who never even asks for the notes',
    async (role) => {
      const { backend, element } = await render(role);
      backend.expectNone(`/api/clients/${CLIENT_ID}/clinical-notes`);
      backend.verify();
      expect(element.textContent?.trim()).toBe('');
      expect(element.querySelector('[data-testid="clinical-notes"]')).toBeNull();
    },
  );

  it('shows a manager author, type and date but never a body, and no write controls', async () => {
    const { element, flush, buttons } = await render('manager');
    await flush([note({ body: null })]);
    const card = element.querySelector('[data-testid="clinical-note"]');
    expect(card?.textContent).toContain('Progress note');
    expect(card?.textContent).toContain('Casey Clinician');
    expect(card?.textContent).toContain('2 Mar 2026');
    expect(card?.querySelector('.body')).toBeNull();
    expect(element.textContent).toContain('Body visible to clinicians only');
    expect(buttons()).not.toContain('New clinical note');
    expect(buttons()).not.toContain('Add addendum to note');
  });

  it('gives a clinician the body, a new-note button, edit and sign on their own draft and addenda on signed notes', async () => {
    const { element, flush, buttons } = await render('clinician');
    await flush([note(), draft]);
    const cards = Array.from(element.querySelectorAll('[data-testid="clinical-note"]'));
    // Newest first: the draft of 5 March, then the signed note of 2 March.
    expect(cards[0].textContent).toContain('Assessment');
    expect(cards[0].textContent).toContain('Draft');
    expect(cards[1].querySelector('.body')?.textContent).toBe(BODY);
    expect(element.textContent).not.toContain('Body visible to clinicians only');
    expect(buttons()).toEqual(
      expect.arrayContaining(['New clinical note', 'Edit note', 'Sign note', 'Add addendum to note']),
    );
  });

  it('reads only during emergency access', async () => {
    const { flush, buttons } = await render('clinician', { emergency: true });
    await flush([note(), draft]);
    expect(buttons()).not.toContain('New clinical note');
    expect(buttons()).not.toContain('Sign note');
    expect(buttons()).not.toContain('Add addendum to note');
  });

  it('signs the clinician’s own draft with its version', async () => {
    const { backend, element, flush } = await render('clinician');
    await flush([draft]);
    const sign = Array.from(element.querySelectorAll('button')).find(
      (b) => accessibleText(b) === 'Sign note',
    );
    sign?.click();
    const request = backend.expectOne(`/api/clinical-notes/${draft.id}/sign`);
    expect(request.request.body).toEqual({ version: draft.version });
    request.flush({ ...draft, signedAt: '2026-03-05T10:00:00Z', version: 3 });
    await settle();
    expect(element.querySelector('[data-testid="clinical-note"]')?.textContent).toContain('Signed');
  });
});
