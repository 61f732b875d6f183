import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { BARC10_ITEMS, BARC10_SCALE } from '@peerpath/contracts';
import { CLIENT_ID } from '../../testing/clinic-records';
import { settle } from '../../testing/session-users';
import { Barc10Dialog } from './barc10-dialog';

/** The element, or a failed test saying what was missing. */
function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Not found: ${what}`);
  return value;
}

async function render() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [Barc10Dialog],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { clientId: CLIENT_ID, clientName: 'Ave Example' } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(Barc10Dialog);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const backend = TestBed.inject(HttpTestingController);
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  const items = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="barc10-item"]'));
  /** Clicks answer `value` (1–6) for statement `index`. */
  const choose = async (index: number, value: number) => {
    const buttons = items()[index].querySelectorAll<HTMLButtonElement>('mat-button-toggle button');
    buttons[value - 1].click();
    await refresh();
  };
  const total = () =>
    element.querySelector('[data-testid="barc10-live-total"]')?.textContent?.replace(/\s+/g, ' ').trim();
  const save = async () => {
    found(
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Save BARC-10'),
      'Save BARC-10',
    ).click();
    await refresh();
  };
  return { element, backend, items, choose, total, save, close };
}

const answers = [5, 4, 3, 6, 2, 5, 4, 6, 3, 5];

describe('Barc10Dialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the ten statements, each with six choices labelled by the scale', async () => {
    const { items } = await render();
    expect(items()).toHaveLength(10);
    items().forEach((item, i) => {
      const statement = found(item.querySelector('.statement'), 'statement');
      expect(statement.textContent?.trim()).toBe(BARC10_ITEMS[i]);
      const group = found(item.querySelector('mat-button-toggle-group'), 'toggle group');
      expect(group.getAttribute('aria-labelledby')).toBe(statement.id);
      const labels = Array.from(item.querySelectorAll('mat-button-toggle button')).map((b) =>
        b.getAttribute('aria-label'),
      );
      expect(labels).toEqual(BARC10_SCALE.map((text, n) => `${n + 1} ${text}`));
    });
  });

  it('adds up the total as answers are chosen', async () => {
    const { choose, total } = await render();
    expect(total()).toBe('Total 0 of 60 · 0 of 10 answered');
    await choose(0, 5);
    await choose(1, 3);
    expect(total()).toBe('Total 8 of 60 · 2 of 10 answered');
    await choose(0, 2);
    expect(total()).toBe('Total 5 of 60 · 2 of 10 answered');
  });

  it('cannot be saved until all ten statements are answered', async () => {
    const { choose, save, element, backend, close } = await render();
    for (let i = 0; i < 9; i++) await choose(i, answers[i]);
    await save();
    backend.expectNone('/api/clients/' + CLIENT_ID + '/assessments');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Answer all ten statements before saving (1 is unanswered)',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('sends the ten answers and closes with the saved assessment', async () => {
    const { choose, save, total, backend, close } = await render();
    for (let i = 0; i < 10; i++) await choose(i, answers[i]);
    expect(total()).toBe('Total 43 of 60 · 10 of 10 answered');
    await save();
    const request = backend.expectOne(`/api/clients/${CLIENT_ID}/assessments`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ instrument: 'barc10', items: answers });
    const saved = { id: 'a1', clientId: CLIENT_ID, instrument: 'barc10', items: answers, total: 43 };
    request.flush(saved);
    await settle();
    expect(close).toHaveBeenCalledWith(saved);
  });
});
