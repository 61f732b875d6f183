import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { FIRST_SCREEN_ICONS } from './first-screen-icons';
import { provideIcons } from './icon-registry';
import { ICONS as LATER_ICONS } from './icons';

const ICONS: Readonly<Record<string, string>> = { ...FIRST_SCREEN_ICONS, ...LATER_ICONS };
/** The same list as scripts/icons.mjs: the first screens, whose icons are registered at start. */
const FIRST_SCREEN = ['sign-in/', 'shell/', 'home/', 'clients/caseload/', 'shared/problem-message.ts'];

const APP = join(__dirname, '..');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    if (!/\.(html|ts)$/.test(e.name) || e.name.endsWith('.spec.ts') || e.name.endsWith('icons.ts')) return [];
    return [{ file: path.slice(APP.length + 1), text: readFileSync(path, 'utf8') }];
  });
}

/** The same reading as scripts/icons.mjs, which writes the registry. */
function iconNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\bsvgIcon="([a-z0-9_]+)"/g)) names.push(m[1]);
  for (const m of text.matchAll(/\[svgIcon\]="([^"]*)"/g))
    for (const n of m[1].matchAll(/'([a-z0-9_]+)'/g)) names.push(n[1]);
  for (const m of text.matchAll(/\bicon:\s*'([a-z0-9_]+)'/g)) names.push(m[1]);
  for (const m of text.matchAll(/\w*(?:[Ii]cons|ICONS)\b[^=\n]*=\s*\{([^}]*)\}/g))
    for (const n of m[1].matchAll(/:\s*'([a-z0-9_]+)'/g)) names.push(n[1]);
  return names;
}

describe('icons', () => {
  const files = sources(APP);

  it('every icon a template or screen names is registered (run `node scripts/icons.mjs` after adding one)', () => {
    const missing = files.flatMap(({ file, text }) =>
      iconNames(text)
        .filter((name) => !(name in ICONS))
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('no mat-icon is written as a font ligature (it would show as text until a font loads)', () => {
    const ligatures = files.flatMap(({ file, text }) =>
      [...text.matchAll(/<mat-icon\b[^>]*>\s*([^<\s][^<]*)<\/mat-icon>/g)].map(
        (m) => `${file}: ${m[1].trim()}`,
      ),
    );
    expect(ligatures).toEqual([]);
  });

  it('the first screens name only icons registered at start (the others load a moment later)', () => {
    const late = files
      .filter(({ file }) => FIRST_SCREEN.some((p) => file.startsWith(p)))
      .flatMap(({ file, text }) =>
        iconNames(text)
          .filter((name) => !(name in FIRST_SCREEN_ICONS))
          .map((name) => `${file}: ${name}`),
      );
    expect(late).toEqual([]);
    expect(Object.keys(FIRST_SCREEN_ICONS).filter((name) => name in LATER_ICONS)).toEqual([]);
  });

  it('the admin navigation icons are among them', () => {
    expect(ICONS['settings']).toContain('<svg');
    expect(ICONS['history']).toContain('<svg');
  });

  it('registers every icon with mat-icon as inline SVG', async () => {
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const svg = await firstValueFrom(TestBed.inject(MatIconRegistry).getNamedSvgIcon('settings'));
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelector('path')).not.toBeNull();
  });

  it('loads the other icons when one of them is first asked for', async () => {
    const later = Object.keys(LATER_ICONS)[0];
    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const svg = await firstValueFrom(TestBed.inject(MatIconRegistry).getNamedSvgIcon(later));
    expect(svg.tagName.toLowerCase()).toBe('svg');
  });
});
