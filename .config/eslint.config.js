import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // A failed assertion says more in a test than a guard would.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
