import { HEARTBEAT_INTERVAL_MS } from '../core/recovery.ts';
import type { KioskBridge } from '../core/contract.ts';

/**
 * Tells the host every few seconds that this page runs and shows something (its root is not
 * empty, as it would be after React unmounted on an error). The Electron host reloads a
 * renderer whose heartbeat stops (core/recovery.ts); the browser host just answers.
 * Returns the function that stops it.
 */
export function startHeartbeat(bridge: KioskBridge, root: Element | null, intervalMs: number = HEARTBEAT_INTERVAL_MS): () => void {
  const beat = () => {
    bridge.invoke('app:heartbeat', { rendered: (root?.childElementCount ?? 0) > 0 }).catch(() => undefined);
  };
  const timer = setInterval(beat, intervalMs);
  beat();
  return () => clearInterval(timer);
}
