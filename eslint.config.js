import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const boundary = (patterns, message) => ({ group: patterns, message });

// House style: every export of core/ and electron/ carries a TSDoc comment saying what it is for.
const requireTsdoc = {
  meta: {
    type: 'suggestion',
    messages: { missing: 'Exported {{name}} needs a TSDoc comment (/** … */): what it is for and why.' },
    schema: [],
  },
  create(context) {
    const check = (node, name) => {
      const comments = context.sourceCode.getCommentsBefore(node);
      const last = comments.at(-1);
      if (!last || last.type !== 'Block' || !last.value.startsWith('*')) context.report({ node, messageId: 'missing', data: { name } });
    };
    const nameOf = (declaration) =>
      declaration.id?.name ?? declaration.declarations?.map((d) => d.id.name ?? '…').join(', ') ?? declaration.type;
    return {
      ExportNamedDeclaration(node) {
        if (node.declaration) check(node, nameOf(node.declaration));
      },
      ExportDefaultDeclaration(node) {
        check(node, 'default');
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'out/**', '.tmp/**', 'tests/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: the compiler's knowledge, used by lint.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval in a kiosk.' }],
    },
  },
  {
    files: ['core/**/*.ts', 'electron/**/*.ts'],
    ignores: ['**/*.d.ts'],
    plugins: { house: { rules: { 'require-tsdoc': requireTsdoc } } },
    rules: { 'house/require-tsdoc': 'error' },
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
