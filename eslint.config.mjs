// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers of DESIGN.md, enforced: core imports nothing of ours but core and no platform;
// services never import electron; nothing imports the renderer; the renderer reaches the
// services only through its api client.
const noPlatform = [
  {
    group: ['electron', 'electron/*'],
    message: 'Only src/main and src/preload may import electron.',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
    message: 'Core is pure: no Node.',
  },
  { group: ['react', 'react-dom', 'react/*'], message: 'Core is pure: no React.' },
  {
    group: [
      '**/services/*',
      '**/main/*',
      '**/renderer/*',
      '**/web-host/*',
      '**/preload/*',
      '**/cli/*',
    ],
    message: 'Core imports only core.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noPlatform }] },
  },
  {
    files: ['src/services/**/*.ts', 'src/web-host/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Services are transport-agnostic: no electron.',
            },
            {
              group: ['**/renderer/*', '**/main/*', '**/preload/*'],
              message: 'Arrows point one way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'node:*'],
              message: 'The renderer has no Node or electron.',
            },
            {
              group: ['**/services/*', '**/main/*', '**/web-host/*', '**/preload/*'],
              message: 'Use the api client.',
            },
          ],
        },
      ],
    },
  },
);
