import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Assessment, Goal, Role } from '@peerpath/contracts';
import { CLIENT_ID, PEER_ID } from '../../testing/clinic-records';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { EmergencyAccess } from '../emergency-access/emergency-access.service';
import { ClientRecovery } from './client-recovery';
import { barc10Summary, groupGoals, signed } from './recovery-display';

/** The element, or a failed test saying what was missing. */
function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Not found: ${what}`);
  return value;
}

function goal(overrides: Partial<Goal>): Goal {
  return {
    id: 'g1',
    clientId: CLIENT_ID,
    domain: 'housing',
    description: 'Move into sober living',
    targetDate: '2026-09-01',
    status: 'active',
    achievedAt: null,
    createdBy: PEER_ID,
    createdAt: '2026-05-01T00:00:00Z',
    progressNotes: [],
    version: 3,
    ...overrides,
  };
}

function assessment(id: string, takenAt: string, total: number): Assessment {
  return { id, clientId: CLIENT_ID, instrument: 'barc10', items: [], total, takenAt, recordedBy: PEER_ID };
}

const goals: Goal[] = [
  goal({
    progressNotes: [
      {
        id: 'n1',
        authorId: PEER_ID,
        authorName: 'Demo peer',
        createdAt: '2026-06-10T00:00:00Z',
        text: 'Visited two houses.',
      },
    ],
  }),
  goal({
    id: 'g2',
    domain: 'employment',
    description: 'Apply for three jobs',
    status: 'achieved',
    achievedAt: '2026-06-20T12:00:00Z',
  }),
  goal({ id: 'g3', domain: 'family_social', description: 'Call my sister weekly', status: 'paused' }),
];
// Newest first, as the API answers.
const assessments: Assessment[] = [
  assessment('a3', '2026-08-15T12:00:00Z', 42),
  assessment('a2', '2026-07-15T12:00:00Z', 35),
  assessment('a1', '2026-06-15T12:00:00Z', 29),
];

async function render(role: Role, options: { emergency?: boolean } = {}) {
  const user = role === 'peer' ? sessionUser('peer', { id: PEER_ID }) : sessionUser(role);
  TestBed.configureTestingModule({
    imports: [ClientRecovery],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(user) },
    ],
  });
  if (options.emergency) {
    const emergency = TestBed.inject(EmergencyAccess);
    jest.spyOn(emergency, 'grantFor').mockReturnValue({ clientId: CLIENT_ID } as never);
  }
  const fixture = TestBed.createComponent(ClientRecovery);
  fixture.componentRef.setInput('clientId', CLIENT_ID);
  fixture.componentRef.setInput('clientName', 'Ave Example');
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  if (role !== 'admin') {
    backend.expectOne(`/api/clients/${CLIENT_ID}/goals`).flush(goals);
    backend.expectOne(`/api/clients/${CLIENT_ID}/assessments`).flush(assessments);
  }
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const controls = () => Array.from(element.querySelectorAll('button')).map((b) => accessibleText(b));
  const goalItem = (text: string) =>
    found(
      Array.from(element.querySelectorAll<HTMLElement>('[data-testid="goal"]')).find((g) =>
        g.textContent?.includes(text),
      ),
      `goal ${text}`,
    );
  const goalButtons = (text: string) => Array.from(goalItem(text).querySelectorAll('button'));
  const goalButton = (goal: string, text: string) =>
    found(
      goalButtons(goal).find((b) => accessibleText(b) === text),
      `${text} on ${goal}`,
    );
  return { element, backend, controls, goalButtons, goalButton, refresh };
}

describe('recovery display helpers', () => {
  it('groups goals as active, achieved, and paused or dropped', () => {
    const g = groupGoals([...goals, goal({ id: 'g4', status: 'dropped' })]);
    expect(g.active.map((x) => x.id)).toEqual(['g1']);
    expect(g.achieved.map((x) => x.id)).toEqual(['g2']);
    expect(g.paused.map((x) => x.id)).toEqual(['g3', 'g4']);
  });

  it('measures the BARC-10 change from the first to the latest, in any order', () => {
    const summary = barc10Summary([assessments[1], assessments[2], assessments[0]]);
    expect(summary?.latest.id).toBe('a3');
    expect(summary?.first.id).toBe('a1');
    expect(summary?.change).toBe(13);
    expect(barc10Summary([assessments[0]])?.change).toBeNull();
    expect(barc10Summary([])).toBeNull();
    expect([signed(13), signed(-4), signed(0)]).toEqual(['+13', '−4', '±0']);
  });
});

describe('ClientRecovery', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists goals by state with domain, target date and progress notes', async () => {
    const { element } = await render('peer');
    const active = element.querySelector('[aria-label="Active goals"]')?.textContent ?? '';
    const achieved = element.querySelector('[aria-label="Achieved goals"]')?.textContent ?? '';
    const paused = element.querySelector('[aria-label="Paused or dropped goals"]')?.textContent ?? '';
    expect(active).toContain('Housing');
    expect(active).toContain('Move into sober living');
    expect(active).toContain('Target 1 Sep 2026');
    expect(active).toContain('Visited two houses.');
    expect(achieved).toContain('Employment');
    expect(achieved).toContain('Apply for three jobs');
    expect(paused).toContain('Family & social');
  });

  it('shows the latest BARC-10 out of 60, the change since the first and the history', async () => {
    const { element } = await render('clinician');
    const latest = element.querySelector('[data-testid="barc10-latest"]')?.textContent ?? '';
    expect(latest).toContain('42 of 60');
    expect(latest).toContain('+13 since Jun 2026');
    const history = Array.from(
      element.querySelectorAll('[aria-label="BARC-10 history, newest first"] li'),
    ).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(history).toEqual(['15 Aug 2026 42 of 60', '15 Jul 2026 35 of 60', '15 Jun 2026 29 of 60']);
  });

  it('gives the peer goal and BARC-10 actions', async () => {
    const { controls, goalButtons } = await render('peer');
    expect(controls()).toEqual(expect.arrayContaining(['Add goal', 'Record BARC-10']));
    const active = goalButtons('sober living').map(accessibleText);
    expect(active).toEqual(['Add progress note', 'Mark achieved', 'Pause']);
    const paused = goalButtons('my sister').map(accessibleText);
    expect(paused).toEqual(['Add progress note', 'Resume']);
  });

  it('shows a clinician the goals but no goal or BARC-10 actions', async () => {
    const { element, controls } = await render('clinician');
    expect(element.textContent).toContain('Move into sober living');
    for (const control of [
      'Add goal',
      'Add progress note',
      'Mark achieved',
      'Pause',
      'Resume',
      'Record BARC-10',
    ])
      expect(controls()).not.toContain(control);
  });

  it('keeps emergency access read-only for a peer', async () => {
    const { element, controls } = await render('peer', { emergency: true });
    expect(element.textContent).toContain('Move into sober living');
    expect(controls()).not.toContain('Add goal');
    expect(controls()).not.toContain('Mark achieved');
    expect(controls()).not.toContain('Record BARC-10');
  });

  it('marks a goal achieved with its version, and reports a stale version', async () => {
    const { backend, goalButton, element, refresh } = await render('peer');
    goalButton('sober living', 'Mark achieved').click();
    const request = backend.expectOne('/api/goals/g1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 3, status: 'achieved' });
    request.flush(goal({ status: 'achieved', achievedAt: '2026-08-20T00:00:00Z', version: 4 }));
    await refresh();
    expect(element.querySelector('[aria-label="Achieved goals"]')?.textContent).toContain(
      'Move into sober living',
    );
    expect(element.querySelector('[aria-label="Active goals"]')).toBeNull();

    goalButton('my sister', 'Resume').click();
    backend
      .expectOne('/api/goals/g3')
      .flush(
        { type: 'https://peerpath.example/problems/stale-version', title: 'Conflict', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await refresh();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Someone else changed this goal; reload',
    );
  });

  it('shows nothing and asks for nothing for an administrator', async () => {
    const { element } = await render('admin');
    expect(element.textContent?.trim()).toBe('');
  });
});
