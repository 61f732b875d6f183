import type { Config } from 'jest';
import { createCjsPreset } from 'jest-preset-angular/presets';

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

const config: Config = {
  ...preset,
  displayName: 'web',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@peerpath/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  },
  coverageDirectory: '../coverage/web',
  // Component tests render real Angular: on a busy 2-core machine the first render can take seconds.
  testTimeout: 30_000,
};

export default config;
