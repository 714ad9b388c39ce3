import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from '../../../renderer/heartbeat.ts';

afterEach(() => vi.useRealTimers());

describe('renderer heartbeat', () => {
  it('beats at once and every interval, saying whether the screen shows anything, until stopped', () => {
    vi.useFakeTimers();
    const invoke = vi.fn(async () => ({ ok: true as const }));
    const root = document.createElement('div');
    const stop = startHeartbeat({ invoke, on: vi.fn() }, root, 5_000);
    expect(invoke).toHaveBeenLastCalledWith('app:heartbeat', { rendered: false });
    root.append(document.createElement('main'));
    vi.advanceTimersByTime(5_000);
    expect(invoke).toHaveBeenLastCalledWith('app:heartbeat', { rendered: true });
    root.replaceChildren();
    vi.advanceTimersByTime(5_000);
    expect(invoke).toHaveBeenLastCalledWith('app:heartbeat', { rendered: false });
    stop();
    vi.advanceTimersByTime(60_000);
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('keeps beating when the host does not answer', async () => {
    vi.useFakeTimers();
    const invoke = vi.fn(async () => Promise.reject(new Error('host gone')));
    const stop = startHeartbeat({ invoke, on: vi.fn() }, document.createElement('div'), 1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(invoke).toHaveBeenCalledTimes(4);
    stop();
  });
});
