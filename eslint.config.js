import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '**/*.d.ts', 'web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['functions/**', 'shared/**'],
    rules: {
      // Handlers never scan: listings are Queries on an index.
      'no-restricted-imports': ['error', { paths: [{ name: '@aws-sdk/lib-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path: Query an index.' }, { name: '@aws-sdk/client-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path: Query an index.' }] }],
    },
  },
);
