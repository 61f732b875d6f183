import { TestBed } from '@angular/core/testing';
import { OFFLINE_MESSAGE, OfflineBanner } from './offline-banner';

describe('OfflineBanner', () => {
  let online = true;
  beforeEach(() => {
    online = true;
    jest.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  });
  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(OfflineBanner);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows nothing while the device is online', async () => {
    const { element } = await render();
    expect(element.textContent).not.toContain(OFFLINE_MESSAGE);
  });

  it('says the screen is what was last loaded when the link drops, and goes when it returns', async () => {
    const { fixture, element } = await render();
    online = false;
    window.dispatchEvent(new Event('offline'));
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Offline — showing what was last loaded',
    );
    online = true;
    window.dispatchEvent(new Event('online'));
    await fixture.whenStable();
    expect(element.textContent).not.toContain(OFFLINE_MESSAGE);
  });
});
