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

/** the UI reaches the bridge's code only through its package name, never by a relative path into it */
const noRelativeBridgeImports = {
  regex: '^\\.\\.?/.*device-bridge/',
  message: 'The UI imports bridge code only from its API package, @tongban/device-bridge/api.',
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

  // ── Boundaries between the parts (docs/architecture.md, "Rules the code keeps") ──

  // The kiosk UI reaches the bridge only through its API package: types from anywhere in it (erased
  // from the bundle), run-time values only from its zod-free modules, so zod never reaches the browser.
  {
    files: ['kiosk-ui/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noRelativeBridgeImports,
            {
              regex: '^@tongban/device-bridge(?!/api/(routes|screens|sim-faults)$)',
              allowTypeImports: true,
              message:
                'Import the contract as types (import type): its schemas would bring zod into the kiosk bundle. Run-time values come from @tongban/device-bridge/api/routes, /api/screens or /api/sim-faults.',
            },
          ],
        },
      ],
    },
  },

  // Flows are pure statecharts: they import no view (every .tsx is one) and not the app that runs them.
  {
    files: ['kiosk-ui/src/flows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noRelativeBridgeImports,
            {
              regex: '^@tongban/device-bridge(?!/api/screens$)',
              allowTypeImports: true,
              message: 'Flows take the contract as types only; whatever talks to the bridge is an actor injected by the app.',
            },
            {
              group: [
                '**/*.tsx',
                '../app',
                '../app/**',
                '../screens/**',
                '../components/**',
                '../dev-panel/**',
                '../camera/**',
                'preact',
                'preact/**',
              ],
              message: 'Flows are pure machines: they never import screens, components or the app; the app renders them.',
            },
          ],
        },
      ],
    },
  },

  // The bridge's contract stands alone: what the UI and the bridge share imports nothing else of the bridge.
  {
    files: ['device-bridge/src/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../**'], message: 'api/ is the contract: it imports only zod and its own files.' }] },
      ],
    },
  },

  // Only the HTTP layer (http/, routes/, the app and the composition root) knows HTTP: domain code and
  // devices throw domain errors with codes from api/errors.ts and never see a request or a status.
  {
    files: ['device-bridge/src/**/*.ts'],
    ignores: [
      'device-bridge/src/http/**',
      'device-bridge/src/routes/**',
      'device-bridge/src/app.ts',
      'device-bridge/src/compose.ts',
      'device-bridge/src/main.ts',
      'device-bridge/src/platform-server/**',
      'device-bridge/src/api/**',
      '**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'Only the HTTP layer (http/, routes/) uses Express.' }],
          patterns: [
            {
              // the layer's folders sit at the top of src/ (platform/http/ is the platform's HTTP adapter, not this layer)
              regex: '^(\\.\\./)+(http|routes)/|^(\\.\\./)+(app|compose)\\.ts$',
              message: 'Domain code and devices never import the HTTP layer: throw a DomainError (errors/domain-error.ts) instead.',
            },
            { group: ['**/kiosk-ui/**'], message: 'The bridge never imports the UI.' },
          ],
        },
      ],
    },
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
