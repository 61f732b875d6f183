import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Referral } from '@peerpath/contracts';
import { accessibleText, fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { ReferralBoard } from './referral-board';
import { referral } from './referral-fixtures';

async function render(items: Referral[]) {
  TestBed.configureTestingModule({
    imports: [ReferralBoard],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: AuthService, useValue: fakeAuth(sessionUser('peer')) },
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(ReferralBoard);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const request = backend.expectOne((r) => r.url === '/api/referrals');
  expect(request.request.params.get('state')).toBe('open');
  request.flush({ items, nextCursor: null });
  const refresh = async () => {
    await settle();
    await fixture.whenStable();
  };
  await refresh();
  const element = fixture.nativeElement as HTMLElement;
  const cards = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="referral-card"]'));
  const card = (name: string) => {
    const found = cards().find((c) => c.querySelector('.client')?.textContent?.trim() === name);
    if (!found) throw new Error(`no card for ${name}`);
    return found;
  };
  const buttons = (el: HTMLElement) =>
    Array.from(el.querySelectorAll('button')).map((b) => accessibleText(b));
  const column = (status: string) =>
    Array.from(
      element.querySelectorAll<HTMLElement>(`[data-testid="board-column"] [data-status="${status}"] .client`),
    ).map((a) => a.textContent?.trim());
  return { fixture, element, backend, refresh, cards, card, buttons, column };
}

describe('ReferralBoard', () => {
  const items = [
    referral(1, { status: 'draft', followUpOn: null, clientName: 'Avery Draft' }),
    referral(2, { status: 'sent', followUpOn: '2026-03-25', clientName: 'Blake OnTime' }),
    referral(3, { status: 'sent', followUpOn: '2026-03-02', overdue: true, clientName: 'Casey Late' }),
    referral(4, { status: 'accepted', clientName: 'Devon Accepted' }),
  ];

  it('groups by status with overdue follow-ups first', async () => {
    const { column, card } = await render(items);
    expect(column('draft')).toEqual(['Avery Draft']);
    expect(column('sent')).toEqual(['Casey Late', 'Blake OnTime']);
    expect(column('accepted')).toEqual(['Devon Accepted']);
    expect(card('Casey Late').querySelector('.chip-overdue')?.textContent?.trim()).toBe('Overdue');
    expect(card('Blake OnTime').querySelector('.chip-overdue')).toBeNull();
  });

  it('offers only the legal next statuses as one-tap buttons', async () => {
    const { card, buttons } = await render(items);
    expect(buttons(card('Avery Draft'))).toEqual(['Send', 'Cancel']);
    expect(buttons(card('Blake OnTime'))).toEqual([
      'Accepted',
      'Waitlisted',
      'Declined',
      'Unable to contact',
      'No capacity',
      'Cancel',
    ]);
    expect(buttons(card('Devon Accepted'))).toEqual(['Completed', 'No-show', 'Cancel']);
  });

  it('moves a referral with an optional note and drops it from the board once final', async () => {
    const { card, backend, refresh, cards } = await render(items);
    const completed = Array.from(card('Devon Accepted').querySelectorAll('button')).find(
      (b) => accessibleText(b) === 'Completed',
    );
    completed?.click();
    await refresh();
    const dialog = document.querySelector('pp-move-referral-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('Mark completed');
    const note = dialog.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'Moved in on Monday (fake)';
    note.dispatchEvent(new Event('input'));
    (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await refresh();
    const request = backend.expectOne(`/api/referrals/${items[3].id}/status`);
    expect(request.request.body).toEqual({ status: 'completed', note: 'Moved in on Monday (fake)' });
    request.flush({ ...items[3], status: 'completed' });
    await refresh();
    expect(cards().map((c) => c.querySelector('.client')?.textContent?.trim())).not.toContain(
      'Devon Accepted',
    );
    expect(cards()).toHaveLength(3);
  });
});
