import {
  type EnvironmentProviders,
  inject,
  Injectable,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { from, type Observable, switchMap } from 'rxjs';
import { FIRST_SCREEN_ICONS } from './first-screen-icons';

/**
 * Material's registry with most icons loaded on demand: the first screens' icons (sign-in, the
 * shell, the homes) are registered at start; the first icon asked for that is not among them loads
 * all the others (one small chunk) before it is drawn. A mat-icon keeps its size meanwhile.
 */
@Injectable()
export class AppIconRegistry extends MatIconRegistry {
  private readonly domSanitizer = inject(DomSanitizer);
  private rest: Promise<void> | null = null;
  private restLoaded = false;

  override getNamedSvgIcon(name: string, namespace = ''): Observable<SVGElement> {
    if (namespace || this.restLoaded || name in FIRST_SCREEN_ICONS) {
      return super.getNamedSvgIcon(name, namespace);
    }
    return from(this.loadRest()).pipe(switchMap(() => super.getNamedSvgIcon(name, namespace)));
  }

  /** Registers the given inline SVG icons. */
  register(icons: Readonly<Record<string, string>>): void {
    for (const [name, svg] of Object.entries(icons)) {
      // The literals are generated from the icon set at build time, never from user input.
      this.addSvgIconLiteral(name, this.domSanitizer.bypassSecurityTrustHtml(svg));
    }
  }

  /** Registers every icon that was not registered at start. */
  loadRest(): Promise<void> {
    this.rest ??= import('./icons').then(({ ICONS }) => {
      this.register(ICONS);
      this.restLoaded = true;
    });
    return this.rest;
  }
}

/** Registers the app's inline SVG icons, so a mat-icon with an svgIcon renders with no request. */
export function provideIcons(): EnvironmentProviders {
  return makeEnvironmentProviders([
    AppIconRegistry,
    { provide: MatIconRegistry, useExisting: AppIconRegistry },
    provideEnvironmentInitializer(() => inject(AppIconRegistry).register(FIRST_SCREEN_ICONS)),
  ]);
}
