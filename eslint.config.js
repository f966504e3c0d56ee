// Lint for the whole monorepo. Deliberately not type-aware: typed linting re-runs the TypeScript
// program and is too slow on a 2-core kiosk build box; `npm run typecheck` already covers types.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports: they keep names consistent across imports and searches.',
};

export default defineConfig([
  globalIgnores(['**/dist/**', '**/node_modules/**', 'var/**', '**/coverage/**', '**/.vite/**']),

  js.configs.recommended,

  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-syntax': ['error', noDefaultExport],
      'no-console': 'error',
    },
  },

  // The kiosk UI runs in Chromium, not Node.
  {
    files: ['kiosk-ui/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  // Tools read their configuration from a default export; that is their contract, not our style.
  {
    files: ['**/vite.config.ts', '**/vitest.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },

  // Tests, the benchmark and the system-package check report to a person on the terminal; the
  // bridge's entry point prints a start-up failure before the logger exists.
  {
    files: ['tests/**', 'device-bridge/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
]);
