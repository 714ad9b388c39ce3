import { app } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../core/log.ts';
import { recoveryPolicy } from '../../../core/recovery.ts';
import { wireRecovery, type Recovery, type RecoveryOptions } from '../../../electron/recovery.ts';
import { RENDERER_URL, SAFE_MODE_URL } from '../../../electron/window.ts';
import { FakeWindow, type FakeApp } from './electron-mock.ts';

const fakeApp = app as unknown as FakeApp;

/** A logger that keeps each event's level and name. */
function memoryLog(): Logger & { events: string[] } {
  const events: string[] = [];
  const at = (level: string) => (event: string) => events.push(`${level} ${event}`);
  return { events, info: at('info'), warn: at('warn'), error: at('error') };
}

let window: FakeWindow;
let log: ReturnType<typeof memoryLog>;
let recovery: Recovery;
let wall: Date;
const gone = (reason: string) => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
const beatEvery = (ms: number, total: number) => {
  for (let t = 0; t < total; t += ms) {
    recovery.heartbeat({ rendered: true });
    vi.advanceTimersByTime(ms);
  }
};

function start(options: Partial<RecoveryOptions> = {}): Recovery {
  recovery = wireRecovery({
    window: window as never,
    policy: recoveryPolicy({ memoryCeilingMb: 1500 }),
    log,
    nightlyRestart: null,
    argv: ['/opt/kiosk/dongfanghong-kiosk', '--no-sandbox-is-not-here'],
    gpuRelaunches: 0,
    now: () => Date.now(),
    wallClock: () => wall,
    ...options,
  });
  return recovery;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  window = new FakeWindow();
  log = memoryLog();
  wall = new Date(2025, 5, 10, 14, 0);
  fakeApp.relaunch.mockClear();
  fakeApp.exit.mockClear();
  fakeApp.getAppMetrics.mockReset().mockReturnValue([]);
});

afterEach(() => {
  recovery?.dispose();
  vi.useRealTimers();
});

describe('recovery (Electron wiring, electron mocked)', () => {
  it('reloads the renderer after a crash, and logs both', () => {
    start();
    vi.advanceTimersByTime(5_000);
    gone('crashed');
    expect(window.loaded()).toEqual([RENDERER_URL]);
    expect(log.events).toEqual(['error renderer-gone', 'warn renderer-reload']);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });

  it('shows the safe-mode page at the fourth crash within a minute', () => {
    start();
    for (let i = 0; i < 4; i += 1) {
      vi.advanceTimersByTime(5_000);
      gone('crashed');
    }
    expect(window.loaded()).toEqual([RENDERER_URL, RENDERER_URL, RENDERER_URL, SAFE_MODE_URL]);
    expect(log.events.at(-1)).toBe('error safe-mode');
    expect(recovery.state().mode).toBe('safe-mode');
  });

  it('tries the renderer again two minutes after showing the safe-mode page', () => {
    start();
    for (let i = 0; i < 4; i += 1) gone('oom');
    window.webContents.emit('did-navigate', {}, SAFE_MODE_URL);
    vi.advanceTimersByTime(119_000);
    expect(window.loaded().at(-1)).toBe(SAFE_MODE_URL);
    vi.advanceTimersByTime(1_000);
    expect(window.loaded().at(-1)).toBe(RENDERER_URL);
    expect(log.events.at(-1)).toBe('info safe-mode-retry');
    expect(recovery.state().mode).toBe('renderer');
  });

  it('follows the safe-mode page when its own refresh goes back to the renderer', () => {
    start();
    for (let i = 0; i < 4; i += 1) gone('crashed');
    window.webContents.emit('did-navigate', {}, RENDERER_URL);
    expect(recovery.state().mode).toBe('renderer');
    beatEvery(5_000, 180_000);
    expect(window.loaded()).toEqual([RENDERER_URL, RENDERER_URL, RENDERER_URL, SAFE_MODE_URL]);
    expect(log.events).not.toContain('info safe-mode-retry');
  });

  it('replaces a renderer that stays unresponsive, in a new process, without counting its own kill as a crash', () => {
    start();
    beatEvery(5_000, 20_000);
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(window.loaded()).toEqual([RENDERER_URL]);
    gone('killed');
    expect(window.loaded()).toEqual([RENDERER_URL]);
    expect(log.events).toEqual(['warn renderer-unresponsive', 'warn renderer-reload']);
  });

  it('leaves a renderer alone that answers again within the grace time', () => {
    start();
    beatEvery(5_000, 20_000);
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(4_000);
    window.webContents.emit('responsive');
    beatEvery(5_000, 30_000);
    expect(window.loaded()).toEqual([]);
    expect(log.events).toEqual(['warn renderer-unresponsive', 'info renderer-responsive']);
  });

  it('reloads a renderer whose heartbeat stops', () => {
    start();
    beatEvery(5_000, 30_000);
    expect(window.loaded()).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(window.loaded()).toEqual([RENDERER_URL]);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(log.events).toEqual(['warn renderer-reload']);
  });

  it('logs a GPU process that went away, and relaunches the app at the third within ten minutes', () => {
    start();
    const gpu = () => fakeApp.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    gpu();
    vi.advanceTimersByTime(60_000);
    gpu();
    expect(fakeApp.relaunch).not.toHaveBeenCalled();
    expect(log.events.filter((e) => e === 'error gpu-gone')).toHaveLength(2);
    vi.advanceTimersByTime(60_000);
    gpu();
    expect(fakeApp.relaunch).toHaveBeenCalledWith({ args: ['--no-sandbox-is-not-here', '--kiosk-gpu-relaunches=1'] });
    expect(fakeApp.exit).toHaveBeenCalledWith(0);
    expect(log.events.at(-1)).toBe('error relaunch');
  });

  it('only logs other child processes, and ignores a GPU process that exits cleanly', () => {
    start();
    for (let i = 0; i < 5; i += 1)
      fakeApp.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 1, name: 'Audio Service' });
    for (let i = 0; i < 5; i += 1) fakeApp.emit('child-process-gone', {}, { type: 'GPU', reason: 'clean-exit', exitCode: 0 });
    expect(fakeApp.relaunch).not.toHaveBeenCalled();
    expect(log.events).toEqual(Array(5).fill('warn child-process-gone'));
  });

  it('restarts the app at the nightly restart time, without the GPU count', () => {
    start({ nightlyRestart: '03:00', gpuRelaunches: 1, argv: ['/opt/kiosk/dongfanghong-kiosk', '--kiosk-gpu-relaunches=1'] });
    wall = new Date(2025, 5, 11, 2, 59);
    beatEvery(5_000, 2 * 3_600_000);
    expect(fakeApp.relaunch).not.toHaveBeenCalled();
    wall = new Date(2025, 5, 11, 3, 0);
    vi.advanceTimersByTime(1_000);
    expect(log.events).toEqual(['info nightly-restart']);
    expect(fakeApp.relaunch).toHaveBeenCalledWith({ args: [] });
    expect(fakeApp.exit).toHaveBeenCalledWith(0);
  });

  it('recycles a renderer that grows past its memory ceiling, in a new process', () => {
    start();
    beatEvery(5_000, 30_000);
    fakeApp.getAppMetrics.mockReturnValue([
      { pid: 1, type: 'Browser', memory: { workingSetSize: 3_000_000 } },
      { pid: 4242, type: 'Tab', memory: { workingSetSize: 1_400 * 1024 } },
    ]);
    beatEvery(5_000, 30_000);
    expect(window.loaded()).toEqual([]);
    fakeApp.getAppMetrics.mockReturnValue([{ pid: 4242, type: 'Tab', memory: { workingSetSize: 1_600 * 1024 } }]);
    beatEvery(5_000, 30_000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(window.loaded()).toEqual([RENDERER_URL]);
    expect(log.events).toEqual(['warn renderer-memory', 'warn renderer-reload']);
  });

  it('does nothing more once the app is quitting, or after it is disposed', () => {
    start();
    fakeApp.emit('before-quit');
    gone('clean-exit');
    vi.advanceTimersByTime(600_000);
    expect(window.loaded()).toEqual([]);
    recovery.dispose();
    expect(fakeApp.listenerCount('child-process-gone')).toBe(0);
    expect(window.webContents.listenerCount('render-process-gone')).toBe(0);
  });
});
