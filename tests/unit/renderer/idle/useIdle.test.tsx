import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdle } from '../../../../renderer/idle/useIdle.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TIMES = { idleMs: 1000, countdownMs: 500 };
let renders = 0;
let latest: ReturnType<typeof useIdle>;

function Probe() {
  renders += 1;
  latest = useIdle(TIMES);
  return <p>{latest.state.phase}</p>;
}

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  renders = 0;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<Probe />));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

/** Time passing in small steps, with React rendering between them as it does in the browser. */
const advance = (ms: number) => {
  for (let left = ms; left > 0; left -= 50) act(() => void vi.advanceTimersByTime(Math.min(50, left)));
};
const touch = (type = 'pointermove') => act(() => void window.dispatchEvent(new Event(type)));

describe('useIdle', () => {
  it('a finger moving does not re-render the app; the deadline still follows the last touch', () => {
    const before = renders;
    // Longer than the idle time, a touch every 20 ms.
    for (let i = 0; i < 75; i += 1) {
      touch(i % 2 ? 'pointermove' : 'touchmove');
      act(() => void vi.advanceTimersByTime(20));
    }
    expect(renders).toBe(before);
    expect(latest.state.phase).toBe('active');
    advance(TIMES.idleMs - 60);
    expect(latest.state.phase).toBe('active');
    advance(60);
    expect(latest.state.phase).toBe('warning');
  });

  it('a touch on the dialog continues; untouched, the countdown ends in the attract loop, which only a tap on it leaves', () => {
    advance(TIMES.idleMs + 10);
    expect(latest.state.phase).toBe('warning');
    touch('pointerdown');
    expect(latest.state.phase).toBe('active');
    advance(TIMES.idleMs + TIMES.countdownMs + 300);
    expect(latest.state.phase).toBe('attract');
    touch('pointerdown');
    advance(5000);
    expect(latest.state.phase).toBe('attract');
    act(() => latest.wake());
    expect(latest.state.phase).toBe('active');
    advance(TIMES.idleMs + 10);
    expect(latest.state.phase).toBe('warning');
  });
});
