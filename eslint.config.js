import tseslint from 'typescript-eslint';

const boundary = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'out/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval in a kiosk.' }],
    },
  },
  {
    // core/ is the kiosk itself: plain TypeScript, free of Electron, React and the DOM.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'framer-motion', 'three', '@react-three/fiber', 'i18next', 'react-i18next'].map(
            (name) => ({
              name,
              message: 'core/ stays free of Electron, React and the DOM.',
            }),
          ),
          patterns: [
            boundary(
              ['**/electron/**', '**/renderer/**', '**/browser-host/**', 'react/*', 'react-dom/*', 'three/*'],
              'core/ imports nothing from the hosts or the renderer.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'requestAnimationFrame'],
    },
  },
  {
    // The renderer talks to the host only through window.kiosk.
    files: ['renderer/**/*.{ts,tsx}', 'browser-host/bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the host only through window.kiosk.' }],
          patterns: [
            boundary(['**/electron/**'], 'The renderer never imports electron/.'),
            boundary(['node:*'], 'The renderer runs in a browser: no Node modules.'),
            boundary(
              ['**/core/content/store*', '**/core/kiosk-service*', '**/core/settings*', '**/core/paths*', '**/core/fs-*'],
              'Node-side core modules stay out of the renderer.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Raw IPC only inside the typed helpers.
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed helpers in electron/ipc.ts.' }] },
      ],
    },
  },
);
