import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLogs, formatLine, logFiles, RotatingLog } from '../../../core/log.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('kiosk log', () => {
  it('writes one JSON line per event with its time, level, name and fields', () => {
    const dir = tmp();
    const log = new RotatingLog(dir, { clock: () => new Date('2025-06-10T03:00:00Z'), base: { host: 'electron' } });
    log.info('app-start', { version: '0.1.0' });
    log.error('renderer-gone', { reason: 'crashed', exitCode: 139 });
    expect(lines(path.join(dir, 'logs', 'kiosk.log'))).toEqual([
      { time: '2025-06-10T03:00:00.000Z', level: 'info', event: 'app-start', host: 'electron', version: '0.1.0' },
      { time: '2025-06-10T03:00:00.000Z', level: 'error', event: 'renderer-gone', host: 'electron', reason: 'crashed', exitCode: 139 },
    ]);
  });

  it('writes errors readably and cannot be made to lie about time, level or event', () => {
    const line = JSON.parse(
      formatLine(new Date(0), 'warn', 'import', { error: new TypeError('bad zip'), level: 'info', event: 'x', big: 10n }),
    ) as Record<string, unknown>;
    expect(line.level).toBe('warn');
    expect(line.event).toBe('import');
    expect(line.error).toMatchObject({ name: 'TypeError', message: 'bad zip' });
    expect(line.big).toBe('10');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(JSON.parse(formatLine(new Date(0), 'info', 'odd', { cyclic }))).toMatchObject({ event: 'odd', unserializable: true });
    expect(formatLine(new Date(0), 'info', 'huge', { text: 'x'.repeat(100_000) }).length).toBeLessThan(17_000);
  });

  it('rotates at the size limit and keeps five files, dropping the oldest', () => {
    const dir = tmp();
    const log = new RotatingLog(dir, { maxBytes: 1_000 });
    for (let i = 0; i < 200; i += 1) log.info('tick', { i, pad: 'x'.repeat(50) });
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.3.log', 'kiosk.4.log', 'kiosk.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(1_000);
    // Newest lines in kiosk.log, the next older in kiosk.1.log: nothing is lost between them.
    const current = lines(path.join(dir, 'logs', 'kiosk.log')).map((l) => l.i as number);
    const previous = lines(path.join(dir, 'logs', 'kiosk.1.log')).map((l) => l.i as number);
    expect(current.at(-1)).toBe(199);
    expect(previous.at(-1)! + 1).toBe(current[0]);
  });

  it('never throws when the disk refuses the write', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the folder should be');
    const log = new RotatingLog(dir);
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => log.error('renderer-gone')).not.toThrow();
    } finally {
      console.error = quiet;
    }
  });

  it('exports the log files to a folder (a USB stick) and names them, newest first', async () => {
    const dir = tmp();
    const log = new RotatingLog(dir, { maxBytes: 300 });
    for (let i = 0; i < 12; i += 1) log.info('tick', { i, pad: 'x'.repeat(40) });
    fs.writeFileSync(path.join(dir, 'logs', 'notes.txt'), 'not a log');
    const stick = tmp();
    const dest = path.join(stick, 'kiosk-logs');
    const written = await exportLogs(dir, stick);
    expect(written[0]).toBe('kiosk.log');
    expect(written).toEqual(await logFiles(dir));
    expect(written).not.toContain('notes.txt');
    expect(fs.readdirSync(dest).sort()).toEqual([...written].sort());
    for (const name of written) expect(fs.readFileSync(path.join(dest, name))).toEqual(fs.readFileSync(path.join(dir, 'logs', name)));
  });

  it('exports nothing, without failing, from a kiosk that has not logged yet', async () => {
    const stick = tmp();
    expect(await exportLogs(tmp(), stick)).toEqual([]);
    expect(fs.statSync(path.join(stick, 'kiosk-logs')).isDirectory()).toBe(true);
  });

  it('never appends through a link standing in for its own log file', () => {
    const dir = tmp();
    const victim = path.join(tmp(), 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.symlinkSync(victim, path.join(dir, 'logs', 'kiosk.log'));
    const quiet = console.error;
    console.error = () => {};
    try {
      new RotatingLog(dir).info('tick');
    } finally {
      console.error = quiet;
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
  });

  it('never writes through a link on the stick: kiosk-logs as a link to a folder of the kiosk is refused, and nothing lands there', async () => {
    const dir = tmp();
    new RotatingLog(dir).info('tick');
    const home = tmp();
    const stick = tmp();
    fs.symlinkSync(home, path.join(stick, 'kiosk-logs'));
    await expect(exportLogs(dir, stick)).rejects.toThrow(/not a real folder/);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('replaces a log file on the stick that is a link with a real file, leaving what it pointed to untouched', async () => {
    const dir = tmp();
    new RotatingLog(dir).info('tick');
    const victim = path.join(tmp(), '.profile');
    fs.writeFileSync(victim, 'original\n');
    const stick = tmp();
    fs.mkdirSync(path.join(stick, 'kiosk-logs'));
    fs.symlinkSync(victim, path.join(stick, 'kiosk-logs', 'kiosk.log'));
    await exportLogs(dir, stick);
    expect(fs.readFileSync(victim, 'utf8')).toBe('original\n');
    expect(fs.lstatSync(path.join(stick, 'kiosk-logs', 'kiosk.log')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(stick, 'kiosk-logs', 'kiosk.log'), 'utf8')).toContain('tick');
  });
});
