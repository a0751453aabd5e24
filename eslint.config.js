// Lint rules that hold the architecture: the domain core stays free of Electron, React and
// the DOM; the renderer reaches src only through the contract and pure helpers; main never
// imports the renderer. tests/unit/layering.test.ts proves each rule catches a violation.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint/layers.js';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'worker_threads'];
// The hub's database drivers and HTTP server: only src/hub (the hub's domain) reaches the
// database, only hub/ (the server shell, like main/) serves HTTP.
const HUB_DB_PACKAGES = ['pg', 'pg-*', '@electric-sql/*'];
const UI_PACKAGES = ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-i18next', 'react-hook-form', '@hookform/*', 'recharts', 'vite'];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', '.tmp/**', 'docs/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty-pattern': 'off',
      // Input validation deliberately matches control characters.
      'no-control-regex': 'off',
    },
  },
  {
    // The layers inside src/ (eslint/layers.js): imports go down the declared order, never in a cycle.
    files: ['src/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/order': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/ is the domain core: no Electron (put OS integration in main/).' }],
        patterns: [
          { group: UI_PACKAGES, message: 'src/ is the domain core: no React or UI libraries.' },
          { group: ['**/main/**', '../main', '../../main'], message: 'src/ may not import main/.' },
          { group: ['**/renderer/**'], message: 'src/ may not import renderer/.' },
          { group: HUB_DB_PACKAGES, message: 'Only src/hub talks to the hub database (PostgreSQL/PGlite).' },
          { group: ['fastify', '@fastify/*'], message: 'HTTP serving lives in the hub/ shell, not in src/.' },
          { group: ['**/hub/**', '../hub', '../../hub'], message: 'src/hub is the hub server\'s domain: the workstation reaches it only over HTTP (src/sync); src/ never imports the hub/ shell.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The hub's domain: like the rest of src/, plus its database drivers.
    files: ['src/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/ is the domain core: no Electron.' }],
        patterns: [
          { group: UI_PACKAGES, message: 'src/ is the domain core: no React or UI libraries.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'src/ may not import main/ or renderer/.' },
          { group: ['fastify', '@fastify/*'], message: 'HTTP serving lives in the hub/ shell, not in src/.' },
          { group: ['../../hub/**', '../../../hub/**'], message: 'src/ never imports the hub/ shell.' },
          { group: ['better-sqlite3-multiple-ciphers', '**/store/**'], message: 'The hub has no workstation store: its data is in PostgreSQL/PGlite.' },
        ],
      }],
    },
  },
  {
    // What the renderer may import from src must run in a browser too.
    files: ['src/contract/**/*.ts', 'src/domain/**/*.ts', 'src/errors.ts', 'src/schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/ is the domain core: no Electron.' }],
        patterns: [
          { group: NODE_BUILTINS, message: 'Contract and domain helpers are shared with the renderer: no Node built-ins.' },
          { group: ['better-sqlite3-multiple-ciphers', '**/store/**', '**/cli/**', ...HUB_DB_PACKAGES], message: 'Contract and domain helpers are shared with the renderer: no store, database or CLI code.' },
          { group: UI_PACKAGES, message: 'src/ is the domain core: no React or UI libraries.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'src/ may not import main/ or renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main only through window.relais (bridge.ts).' }],
        patterns: [
          { group: NODE_BUILTINS, message: 'The renderer runs sandboxed: no Node built-ins.' },
          { group: ['better-sqlite3-multiple-ciphers'], message: 'No database in the renderer: call an operation.' },
          { group: ['**/main/**'], message: 'The renderer may not import main/.' },
          {
            regex: '(^|/)src/(?!contract/|domain/|errors\\.ts$|schemas/)',
            message: 'The renderer may import only src/contract, src/domain, src/errors.ts and src/schemas.',
          },
        ],
      }],
    },
  },
  {
    // The hub server: a thin shell over src/ like main/, never Electron or the UI.
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The hub is a server: no Electron.' }],
        patterns: [
          { group: UI_PACKAGES, message: 'The hub is a server: no React or UI libraries.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'hub/ may not import main/ or renderer/.' },
          { group: HUB_DB_PACKAGES, message: 'hub/ reaches its database through src/hub/db, never a driver directly.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main/ may not import renderer/.' }] }],
    },
  },
);
