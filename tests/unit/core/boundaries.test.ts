import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Probes are files that do not exist, so no type-aware rule can run on them: those are tried on
// a real fixture file instead (tests/fixtures/lint/), which the repository's own lint ignores.
const TYPE_AWARE = [
  'switch-exhaustiveness-check',
  'no-floating-promises',
  'no-misused-promises',
  'await-thenable',
  'no-unnecessary-type-assertion',
  'no-for-in-array',
  'restrict-plus-operands',
];
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: Object.fromEntries(TYPE_AWARE.map((rule) => [`@typescript-eslint/${rule}`, 'off'])),
  },
});
const messages = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.message);

describe('architecture boundaries (lint)', () => {
  it('keeps core/ free of Electron, React and the DOM', async () => {
    expect(await messages("import { app } from 'electron';\n/** Probe. */\nexport const a = app;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ stays free/),
    ]);
    expect(await messages("import { useState } from 'react';\n/** Probe. */\nexport const s = useState;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ stays free/),
    ]);
    expect(await messages('/** Probe. */\nexport const d = document.title;\n', 'core/probe.ts')).toEqual([
      expect.stringMatching(/document/),
    ]);
    expect(await messages("import { x } from '../renderer/App.tsx';\n/** Probe. */\nexport const y = x;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ imports nothing/),
    ]);
  });

  it('keeps the renderer away from electron/ and Node', async () => {
    expect(await messages("import { x } from '../electron/main.ts';\n/** Probe. */\nexport const y = x;\n", 'renderer/probe.ts')).toEqual([
      expect.stringMatching(/never imports electron/),
    ]);
    expect(await messages("import fs from 'node:fs';\n/** Probe. */\nexport const f = fs;\n", 'renderer/probe.ts')).toEqual([
      expect.stringMatching(/no Node modules/),
    ]);
  });

  it('allows raw IPC only in the typed helpers', async () => {
    expect(await messages("import { ipcMain } from 'electron';\n/** Probe. */\nexport const i = ipcMain;\n", 'electron/probe.ts')).toEqual([
      expect.stringMatching(/typed helpers/),
    ]);
    expect(await messages("import { ipcMain } from 'electron';\n/** Probe. */\nexport const i = ipcMain;\n", 'electron/ipc.ts')).toEqual(
      [],
    );
  });

  it('asks every export of core/ and electron/ for a TSDoc comment, and nothing more of the renderer', async () => {
    expect(await messages('export const a = 1;\n', 'core/probe.ts')).toEqual([expect.stringMatching(/Exported a needs a TSDoc comment/)]);
    expect(await messages('export function f(): void {}\n', 'electron/probe.ts')).toEqual([expect.stringMatching(/Exported f needs/)]);
    expect(await messages('// a line comment is not TSDoc\nexport type T = string;\n', 'core/probe.ts')).toEqual([
      expect.stringMatching(/Exported T needs/),
    ]);
    expect(await messages('/** What it is for. */\nexport const a = 1;\n', 'core/probe.ts')).toEqual([]);
    expect(await messages('export const a = 1;\n', 'renderer/probe.ts')).toEqual([]);
  });

  it('holds the renderer to the rules of hooks and honest effect dependencies', async () => {
    const effect =
      "import { useEffect } from 'react';\nexport function useThing(n: number): void {\n  useEffect(() => console.log(n), []);\n}\n";
    expect(await messages(effect, 'renderer/useThing.ts')).toEqual([expect.stringMatching(/missing dependency: 'n'/)]);
    const conditional =
      "import { useState } from 'react';\nexport function useThing(on: boolean): number {\n  if (on) return useState(1)[0];\n  return 0;\n}\n";
    expect(await messages(conditional, 'renderer/useThing.ts')).toEqual([expect.stringMatching(/called conditionally/)]);
  });

  it('refuses a switch that forgets a member of its union (a new panel kind would render nothing)', async () => {
    const typed = new ESLint({ ignore: false });
    const [result] = await typed.lintFiles(['tests/fixtures/lint/non-exhaustive.ts']);
    expect(result!.messages.map((m) => m.message)).toEqual([expect.stringMatching(/Switch is not exhaustive. Cases not matched: "quote"/)]);
  });
});

// Suites that test the product across files rather than one source file, each with its reason.
const ACROSS = new Map([
  ['tests/unit/core/boundaries.test.ts', 'the layout and lint rules of the whole tree'],
  ['tests/unit/core/content/corpus.test.ts', 'the validator against the corpus of broken packages'],
  ['tests/unit/core/content/fuzz.test.ts', 'the validator and the import under random damage'],
  ['tests/unit/core/import/fuse-stick.test.ts', 'the import from a real FUSE stick that misbehaves'],
  ['tests/unit/renderer/locales.test.ts', 'the interface strings of every language'],
  ['tests/unit/scripts/packaging.test.ts', 'what electron-builder is told to pack'],
]);

describe('test layout', () => {
  it('mirrors the source: each unit test file sits where the file it tests sits, or is a named suite across files', () => {
    const tests = fs
      .readdirSync('tests/unit', { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.test\.tsx?$/.test(name))
      .map((name) => path.posix.join('tests/unit', name.split(path.sep).join('/')));
    const orphans = tests.filter((test) => {
      if (ACROSS.has(test)) return false;
      const source = test.replace(/^tests\/unit\//, '').replace(/\.test\.tsx?$/, '');
      return !['.ts', '.tsx', '.mjs'].some((ext) => fs.existsSync(source + ext));
    });
    expect(orphans).toEqual([]);
    for (const test of ACROSS.keys()) expect(fs.existsSync(test), test).toBe(true);
  });
});
