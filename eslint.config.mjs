import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const focused = ['describe', 'it', 'test'].flatMap((object) =>
  ['only'].map((property) => ({ object, property, message: 'Focused tests must not be committed.' })),
);

// The UTC date is not the clinic's date (from 7 pm in New York it is already tomorrow).
const utcDate = [
  'CallExpression[callee.property.name=/^(slice|substring|substr|split)$/][callee.object.callee.property.name=/^(toISOString|toJSON)$/]',
  'CallExpression[callee.property.name=/^(slice|substring|substr|split)$/][callee.object.expression.callee.property.name=/^(toISOString|toJSON)$/]',
].map((selector) => ({
  selector,
  message:
    'A date cut from an ISO instant is the UTC date: use localDate(), localToday() or ClinicClock.today() (libs/contracts clock.ts).',
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.data',
      '**/.nx',
      '**/.angular',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:migrations'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
      'no-restricted-properties': ['error', ...focused],
      'no-restricted-syntax': ['error', ...utcDate],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test/**', '**/jest.config.ts', 'e2e/**'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  prettier,
];
