/**
 * Exposes `window.kiosk`, built from the contract: payloads only, never the IPC event, and
 * every subscription returns its unsubscribe. Runs sandboxed, with context isolation.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isPushChannel, isRequestChannel, type KioskBridge, type PushChannel, type Pushes } from '../core/contract.ts';

const bridge: KioskBridge = {
  invoke(channel, ...payload) {
    if (!isRequestChannel(channel)) return Promise.reject(new Error(`unknown request channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, payload[0]) as never;
  },
  on<C extends PushChannel>(channel: C, listener: (payload: Pushes[C]) => void) {
    if (!isPushChannel(channel)) throw new Error(`unknown push channel ${String(channel)}`);
    const wrapped = (_event: IpcRendererEvent, payload: Pushes[C]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', bridge);
