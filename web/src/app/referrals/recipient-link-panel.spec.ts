import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RecipientLinkStatus } from '@peerpath/contracts';
import { settle } from '../../testing/session-users';
import { qrPath } from './qr-code';
import { RecipientLinkPanel } from './recipient-link-panel';
import { referral } from './referral-fixtures';

const shared = referral(1, { shareInformation: true, consentId: '80000000-0000-4000-8000-000000000001' });
const LINK = `/api/referrals/${shared.id}/recipient-link`;
const URL = 'http://localhost/r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

function status(overrides: Partial<NonNullable<RecipientLinkStatus['link']>> = {}): RecipientLinkStatus {
  return {
    link: {
      createdAt: '2026-03-01T10:00:00.000Z',
      createdByName: 'Demo peer',
      expiresAt: '2026-03-15T10:00:00.000Z',
      revokedAt: null,
      state: 'active',
      views: ['2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z'],
      ...overrides,
    },
    answers: [
      {
        status: 'accepted',
        actorKind: 'recipient',
        actorId: null,
        actorName: 'Recipient',
        at: '2026-03-03T09:05:00.000Z',
        note: 'Intake Monday (fake)',
      },
    ],
  };
}

async function render(canWrite: boolean) {
  TestBed.configureTestingModule({
    imports: [RecipientLinkPanel],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(RecipientLinkPanel);
  fixture.componentRef.setInput('referral', shared);
  fixture.componentRef.setInput('canWrite', canWrite);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    await settle();
    await fixture.whenStable();
  };
  const button = (text: string) =>
    Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes(text));
  return { backend, element, stable, button };
}

describe('RecipientLinkPanel', () => {
  it('shows the link’s state, its openings and the recipient’s answers', async () => {
    const { backend, element, stable } = await render(true);
    backend.expectOne(LINK).flush(status());
    await stable();
    const state = element.querySelector('[data-testid="recipient-link-state"]')?.textContent ?? '';
    expect(state).toContain('Active');
    expect(state).toContain('Demo peer');
    expect(element.querySelector('[data-testid="recipient-link-views"]')?.textContent).toContain('2 times');
    expect(element.querySelector('[data-testid="recipient-link-answers"]')?.textContent).toContain(
      'Intake Monday (fake)',
    );
  });

  it('makes a link, shows it once with copy and a QR code, and stops it', async () => {
    const { backend, element, stable, button } = await render(true);
    backend.expectOne(LINK).flush({ link: null, answers: [] });
    await stable();
    expect(element.textContent).toContain('No link made yet.');
    button('Make a link')?.click();
    const created = backend.expectOne({ method: 'POST', url: LINK });
    created.flush({ url: URL, expiresAt: '2026-03-15T10:00:00.000Z' });
    await stable();
    backend.expectOne({ method: 'GET', url: LINK }).flush(status({ views: [] }));
    await stable();
    const input = element.querySelector('[data-testid="recipient-link-url"]') as HTMLInputElement;
    expect(input.value).toBe(URL);
    expect(element.querySelector('[data-testid="recipient-link-views"]')?.textContent).toContain('Not yet');
    expect(element.querySelector('pp-qr-code')).toBeNull();
    button('Show QR code')?.click();
    await stable();
    expect(element.querySelector('pp-qr-code svg path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);

    button('Stop the link')?.click();
    backend.expectOne({ method: 'DELETE', url: LINK }).flush(null);
    await stable();
    backend
      .expectOne({ method: 'GET', url: LINK })
      .flush(status({ state: 'revoked', revokedAt: '2026-03-04T10:00:00.000Z' }));
    await stable();
    expect(element.querySelector('[data-testid="recipient-link-url"]')).toBeNull();
    expect(element.querySelector('[data-testid="recipient-link-state"]')?.textContent).toContain('Stopped');
    expect(button('Stop the link')).toBeUndefined();
  });

  it('offers a manager no buttons: they read the link, they do not make one', async () => {
    const { backend, element, stable } = await render(false);
    backend.expectOne(LINK).flush(status());
    await stable();
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('qrPath', () => {
  it('draws a square code with a quiet border', () => {
    const { size, d } = qrPath(URL);
    expect(size).toBeGreaterThanOrEqual(25);
    expect(d).not.toContain('M0 0');
    expect(d.split('z').length).toBeGreaterThan(100);
  });
});
