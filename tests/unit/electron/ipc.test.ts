import { ipcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../../core/contract.ts';
import type { KioskService } from '../../../core/kiosk-service.ts';
import { isKioskSender, wirePushes, wireRequests } from '../../../electron/ipc.ts';
import { FakeWebContents } from './electron-mock.ts';

const handlers = (ipcMain as unknown as { handlers: Map<string, (event: unknown, payload?: unknown) => unknown> }).handlers;

function setup() {
  const contents = new FakeWebContents();
  const service = { invoke: vi.fn(async () => 'answer'), subscribe: vi.fn() } as unknown as KioskService;
  const off = wireRequests(service, () => contents as never);
  return { contents, service, off };
}

describe('IPC', () => {
  it('registers one handler per request channel of the contract', () => {
    const { off } = setup();
    for (const channel of requestChannels) expect(handlers.has(channel)).toBe(true);
    off();
    expect(handlers.size).toBe(0);
  });

  it('answers the kiosk window through the core service', async () => {
    const { contents, service, off } = setup();
    const event = { sender: contents, senderFrame: contents.mainFrame };
    await expect(handlers.get('content:current')!(event, undefined)).resolves.toBe('answer');
    expect(service.invoke).toHaveBeenCalledWith('content:current', undefined);
    off();
  });

  it('refuses other windows, sub-frames and foreign origins', async () => {
    const { contents, service, off } = setup();
    const other = new FakeWebContents();
    const handler = handlers.get('content:current')!;
    await expect(async () => handler({ sender: other, senderFrame: other.mainFrame })).rejects.toThrow(/not the kiosk window/);
    await expect(async () => handler({ sender: contents, senderFrame: { url: 'app://renderer/index.html' } })).rejects.toThrow(
      /not the kiosk window/,
    );
    contents.mainFrame.url = 'https://evil.example/';
    await expect(async () => handler({ sender: contents, senderFrame: contents.mainFrame })).rejects.toThrow(/not the kiosk window/);
    expect(service.invoke).not.toHaveBeenCalled();
    off();
  });

  it.each([
    'file:///etc/passwd',
    'data:text/html,<script>x</script>',
    'blob:null/1234',
    'app://other/index.html',
    'about:blank',
    'chrome-extension://abc/x',
    'not a url',
  ])('refuses a kiosk window that has been led to %s (every non-http origin is "null")', async (url) => {
    const { contents, service, off } = setup();
    contents.mainFrame.url = url;
    await expect(async () => handlers.get('content:current')!({ sender: contents, senderFrame: contents.mainFrame })).rejects.toThrow(
      /not the kiosk window/,
    );
    expect(service.invoke).not.toHaveBeenCalled();
    off();
  });

  it('refuses when no kiosk window exists', () => {
    const contents = new FakeWebContents();
    expect(isKioskSender({ sender: contents as never, senderFrame: contents.mainFrame as never }, () => undefined)).toBe(false);
  });

  it('forwards push messages only to a live kiosk window', () => {
    const contents = new FakeWebContents();
    let listener: ((channel: string, payload: unknown) => void) | undefined;
    const service = { subscribe: (l: typeof listener) => ((listener = l), () => undefined) } as unknown as KioskService;
    wirePushes(service, () => contents as never);
    listener!('content:changed', { key: 'k' });
    expect(contents.send).toHaveBeenCalledWith('content:changed', { key: 'k' });
    contents.isDestroyed.mockReturnValue(true);
    listener!('content:changed', { key: 'k2' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
