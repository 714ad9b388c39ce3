import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const messages = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.message);

describe('architecture boundaries (lint)', () => {
  it('keeps core/ free of Electron, React and the DOM', async () => {
    expect(await messages("import { app } from 'electron';\nexport const a = app;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ stays free/),
    ]);
    expect(await messages("import { useState } from 'react';\nexport const s = useState;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ stays free/),
    ]);
    expect(await messages('export const d = document.title;\n', 'core/probe.ts')).toEqual([expect.stringMatching(/document/)]);
    expect(await messages("import { x } from '../renderer/App.tsx';\nexport const y = x;\n", 'core/probe.ts')).toEqual([
      expect.stringMatching(/core\/ imports nothing/),
    ]);
  });

  it('keeps the renderer away from electron/ and Node', async () => {
    expect(await messages("import { x } from '../electron/main.ts';\nexport const y = x;\n", 'renderer/probe.ts')).toEqual([
      expect.stringMatching(/never imports electron/),
    ]);
    expect(await messages("import fs from 'node:fs';\nexport const f = fs;\n", 'renderer/probe.ts')).toEqual([
      expect.stringMatching(/no Node modules/),
    ]);
  });

  it('allows raw IPC only in the typed helpers', async () => {
    expect(await messages("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'electron/probe.ts')).toEqual([
      expect.stringMatching(/typed helpers/),
    ]);
    expect(await messages("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'electron/ipc.ts')).toEqual([]);
  });
});
