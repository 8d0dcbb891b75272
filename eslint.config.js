import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'src/condition/generated/**',
      'test/support/esql/generated/**',
      'examples/playground/dist/**',
      '.scratch/**',
      'coverage/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'backends/**/*.ts'],
    ignores: ['src/cli/**', 'src/cli.ts', 'src/node/**', 'src/node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The core is browser-safe: node: imports belong in src/cli or src/node.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bench/**', 'scripts/**', 'examples/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
  {
    // The VS Code extension example is CommonJS, as VS Code loads extensions.
    files: ['examples/vscode/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
