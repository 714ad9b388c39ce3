import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockoutMs, PinStore } from '../../../../core/admin/pin.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'admin-'));

describe('staff PIN', () => {
  it('is stored as a scrypt hash, never in clear', async () => {
    const d = dir();
    await new PinStore(d).set('482913');
    const text = fs.readFileSync(path.join(d, 'admin.json'), 'utf8');
    expect(text).not.toContain('482913');
    expect(JSON.parse(text).pin.N).toBeGreaterThanOrEqual(16384);
    expect(await new PinStore(d).check('482913')).toEqual({ ok: true });
  });

  it('refuses anything but six digits', async () => {
    await expect(new PinStore(dir()).set('1234')).rejects.toThrow(/six digits/);
    await expect(new PinStore(dir()).set('12345a')).rejects.toThrow(/six digits/);
  });

  it('says when no PIN is set', async () => {
    expect(await new PinStore(dir()).check('000000')).toEqual({ ok: false, reason: 'no-pin' });
  });

  it('locks out after five wrong tries, longer each time, and the lockout survives a restart', async () => {
    const d = dir();
    let now = 1_000_000;
    await new PinStore(d, () => now).set('482913');
    const store = new PinStore(d, () => now);
    for (let i = 4; i >= 1; i -= 1) expect(await store.check('000000')).toEqual({ ok: false, reason: 'wrong', triesLeft: i });
    expect(await store.check('000000')).toEqual({ ok: false, reason: 'locked', secondsLeft: 60 });
    const restarted = new PinStore(d, () => now);
    expect(await restarted.check('482913')).toEqual({ ok: false, reason: 'locked', secondsLeft: 60 });
    now += 60_000;
    for (let i = 0; i < 5; i += 1) await restarted.check('111111');
    expect(await restarted.check('482913')).toEqual({ ok: false, reason: 'locked', secondsLeft: 120 });
    now += 120_000;
    expect(await restarted.check('482913')).toEqual({ ok: true });
    expect(lockoutMs(10)).toBe(3_600_000);
  });

  it('counts every one of 500 guesses sent at once: four are checked wrong, then the lockout holds for all the rest and for the right PIN', async () => {
    const d = dir();
    await new PinStore(d).set('482913');
    const store = new PinStore(d);
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => store.check(String(100000 + i))));
    expect(answers.filter((a) => !a.ok && a.reason === 'wrong')).toHaveLength(4);
    expect(answers.filter((a) => !a.ok && a.reason === 'locked')).toHaveLength(496);
    expect(await store.check('482913')).toMatchObject({ ok: false, reason: 'locked' });
    const state = JSON.parse(fs.readFileSync(path.join(d, 'admin.json'), 'utf8')) as { lockouts: number };
    expect(state.lockouts).toBe(1);
    // Every write went through its own temporary file: none is left behind, and no lock either.
    expect(fs.readdirSync(d).sort()).toEqual(['admin.json']);
  }, 60_000);

  it('counts guesses from two processes at once against one lockout (the kiosk and a CLI on one data folder)', async () => {
    const d = dir();
    await new PinStore(d).set('482913');
    const guess = () =>
      new Promise<string[]>((resolve, reject) =>
        execFile(process.execPath, ['--import', 'tsx', 'tests/fixtures/pin-guesser.ts', d, '30'], (error, stdout) =>
          error ? reject(error) : resolve(JSON.parse(stdout) as string[]),
        ),
      );
    const [a, b] = await Promise.all([guess(), guess()]);
    const all = [...a, ...b];
    expect(all.filter((x) => x === 'wrong')).toHaveLength(4);
    expect(all.filter((x) => x === 'locked')).toHaveLength(56);
    expect(fs.readdirSync(d).sort()).toEqual(['admin.json']);
  }, 60_000);

  it('takes over a lock left by a process that died', async () => {
    const d = dir();
    const store = new PinStore(d);
    await store.set('482913');
    fs.writeFileSync(path.join(d, 'admin.json.lock'), JSON.stringify({ pid: 2 ** 22 + 7, at: Date.now() }));
    expect(await store.check('482913')).toEqual({ ok: true });
  });
});
