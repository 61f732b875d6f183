import { TestBed } from '@angular/core/testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { provideIcons } from './app/core/icon-registry';

setupZonelessTestEnv();

// Screens render <mat-icon svgIcon>, which needs the app's icon registry as in app.config.ts,
// also after a test resets the module to render a second time.
const withIcons = () => TestBed.configureTestingModule({ providers: [provideIcons()] });
const reset = TestBed.resetTestingModule.bind(TestBed);
TestBed.resetTestingModule = () => {
  const testBed = reset();
  withIcons();
  return testBed;
};
beforeEach(withIcons);
