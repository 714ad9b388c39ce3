/**
 * `window.kiosk` for the browser host: requests over HTTP with the per-start token, push
 * messages over server-sent events. Loaded before the renderer's own script.
 */
import { isPushChannel, type KioskBridge, type PushChannel, type Pushes } from '../../core/contract.ts';

const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
const listeners = new Map<PushChannel, Set<(payload: never) => void>>();

const events = new EventSource(`/__kiosk/events?t=${encodeURIComponent(token)}`);
events.addEventListener('push', (event) => {
  const { channel, payload } = JSON.parse((event as MessageEvent<string>).data) as { channel: unknown; payload: unknown };
  if (!isPushChannel(channel)) return;
  for (const listener of listeners.get(channel) ?? []) (listener as (p: unknown) => void)(payload);
});

const bridge: KioskBridge = {
  async invoke(channel, ...payload) {
    const response = await fetch('/__kiosk/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
      body: JSON.stringify({ channel, payload: payload[0] }),
    });
    const body = (await response.json()) as { ok: boolean; result?: unknown; error?: string };
    if (!body.ok) throw new Error(body.error ?? `${channel} failed`);
    return body.result as never;
  },
  on<C extends PushChannel>(channel: C, listener: (payload: Pushes[C]) => void) {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(window, 'kiosk', { value: Object.freeze(bridge), writable: false, configurable: false });
