/**
 * IPC typed from the contract: one handler per request channel, refusing every sender but the
 * kiosk window and every payload the contract does not allow.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ContractError, requestChannels, type PushChannel, type Pushes } from '../core/contract.ts';
import type { KioskService } from '../core/kiosk-service.ts';
import { RENDERER_URL } from './window.ts';

/** True when a message comes from the kiosk window's own page (not a frame, not another window). */
export function isKioskSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, kiosk: () => WebContents | undefined): boolean {
  const contents = kiosk();
  if (!contents || event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== contents.mainFrame) return false;
  return sameRendererOrigin(frame.url);
}

/**
 * True when `url` is a page of the kiosk's own renderer: the same scheme and host as
 * RENDERER_URL. Compared part by part, because `URL.origin` is the string "null" for every
 * non-http scheme (`app:`, `file:`, `data:`, `blob:`), so comparing origins let any of them pass.
 */
export function sameRendererOrigin(url: string): boolean {
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return false;
  }
  const own = new URL(RENDERER_URL);
  return given.protocol === own.protocol && given.host === own.host && given.host !== '' && given.username === '' && given.password === '';
}

/** Registers the contract's request handlers; returns a function that removes them. */
export function wireRequests(service: KioskService, kiosk: () => WebContents | undefined): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isKioskSender(event, kiosk)) throw new ContractError(`${channel}: refused, the sender is not the kiosk window`);
      return service.invoke(channel, payload);
    });
  }
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}

/** Forwards the service's push messages to the kiosk window. */
export function wirePushes(service: KioskService, kiosk: () => WebContents | undefined): () => void {
  return service.subscribe(<C extends PushChannel>(channel: C, payload: Pushes[C]) => {
    const contents = kiosk();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  });
}
