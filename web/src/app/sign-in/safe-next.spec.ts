import { safeNext } from './sign-in-page';

describe('safeNext (sign-in returns to the page asked for)', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNext('/clients/abc?tab=timeline')).toBe('/clients/abc?tab=timeline');
  });

  it('refuses anything that could leave the app or loop', () => {
    for (const next of [
      undefined,
      '',
      'https://evil.test/',
      '//evil.test',
      '/\\evil.test',
      'clients',
      '/sign-in?next=/',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
    expect(safeNext('/clients\n')).toBe('/');
  });
});
