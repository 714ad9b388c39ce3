import type { KioskBridge } from '../core/contract.ts';

declare global {
  interface Window {
    /** The host's side of the contract: the preload under Electron, the bridge under the browser host. */
    readonly kiosk: KioskBridge;
  }
}

/** The renderer's only way to the host. */
export function kiosk(): KioskBridge {
  if (!window.kiosk) throw new Error('window.kiosk is missing: the page was not opened by a kiosk host');
  return window.kiosk;
}
