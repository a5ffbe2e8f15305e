import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const storeCalls = '/^(get|getMany|set|setMany|delete|claim|release)$/';

export default tseslint.config(
  { basePath: '..' },
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.ci/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // Only the composition root reads the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in src/main.ts only.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'src/main.ts',
      'src/cli/main.ts',
      'manifests/teams/tools/main.ts',
      'manifests/teams/tools/playground.ts',
      'test/**',
      '.config/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Only a repository (and the store, outbox and scheduler infrastructure, which own their
    // keys) calls the store: everyone else asks a repository, which knows its keys and locks.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/repository.ts',
      'src/**/*-repository.ts',
      'src/store/**',
      'src/outbox/**',
      'src/scheduler/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${storeCalls}][callee.object.name='store']`,
          message: 'Call the store from a repository (repository.ts or *-repository.ts) only.',
        },
        {
          selector: `CallExpression[callee.property.name=${storeCalls}][callee.object.property.name='store']`,
          message: 'Call the store from a repository (repository.ts or *-repository.ts) only.',
        },
      ],
    },
  },
  {
    // A failed assertion says more in a test than a guard would.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
