import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '**/*.d.ts', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return res.end()` / `return problem(res, ...)` is the HTTP handlers' idiom for "answer and stop".
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  // Plain JavaScript and the tools' own configs are outside the TypeScript project.
  { files: ['**/*.mjs', '**/*.js', 'web/vite.config.ts'], ...tseslint.configs.disableTypeChecked },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
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
      // Test doubles mimic async APIs without awaiting; teardown guards a setup that may have failed.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests read JSON answers as `any` on purpose: they assert on what came back.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['functions/**', 'shared/**'],
    rules: {
      // Handlers never scan: listings are Queries on an index.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@aws-sdk/lib-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path: Query an index.' },
            { name: '@aws-sdk/client-dynamodb', importNames: ['ScanCommand'], message: 'No Scan on a request path: Query an index.' },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/**'],
    rules: {
      // The data kit (#shared/data) is the only door to the table: no concern speaks DynamoDB itself.
      'no-restricted-imports': [
        'error',
        {
          paths: ['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb'].map((name) => ({
            name,
            message: 'The data kit (#shared/data/db) is the only door to the table: add what you need to its vocabulary.',
          })),
        },
      ],
    },
  },
);
