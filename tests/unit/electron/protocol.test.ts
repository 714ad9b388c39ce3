import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../../core/content/files.ts';
import { handleAppProtocol, registerScheme, resolveAppUrl } from '../../../electron/protocol.ts';
import { FakeSession } from './electron-mock.ts';

let root: string;
let renderer: string;
let content: string;
const service = {
  contentFile: (key: string, rel: string) => (key === 'pkg' ? resolveInside(content, rel) : Promise.resolve(undefined)),
  exhibitTitle: async () => ({ 'zh-Hans': ['测试<展览>'], ru: ['Тестовая выставка'], en: ['Test exhibition'] }),
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-'));
  renderer = path.join(root, 'renderer');
  content = path.join(root, 'content');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(content, 'pictures'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.mkdirSync(path.join(renderer, 'safe-mode'));
  fs.writeFileSync(
    path.join(renderer, 'safe-mode', 'index.html'),
    '<meta http-equiv="refresh" content="120; url=../index.html" /><h1><!--title:zh-Hans-->默认<!--/title--></h1><p><!--title:en-->Default<!--/title--></p>',
  );
  fs.writeFileSync(path.join(content, 'pictures', 'a.webp'), 'RIFF');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(content, 'link.txt'));
});

describe('app:// protocol', () => {
  it('registers app: as a standard, secure scheme', () => {
    registerScheme();
    const [[schemes]] = (
      protocol.registerSchemesAsPrivileged as unknown as { mock: { calls: [[{ scheme: string; privileges: Record<string, boolean> }[]]] } }
    ).mock.calls;
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges.standard).toBe(true);
    expect(schemes[0]!.privileges.secure).toBe(true);
  });

  it('serves the renderer and the active package, nothing else', async () => {
    expect(await resolveAppUrl('app://renderer/index.html', renderer, service)).toBe(fs.realpathSync(path.join(renderer, 'index.html')));
    expect(await resolveAppUrl('app://content/pkg/pictures/a.webp', renderer, service)).toBe(
      fs.realpathSync(path.join(content, 'pictures', 'a.webp')),
    );
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/..%2fsecret.txt',
      'app://content/pkg/link.txt',
      'app://content/other/pictures/a.webp',
      'app://content/pkg/',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'app://renderer/assets',
    ])
      expect(await resolveAppUrl(url, renderer, service), url).toBeUndefined();
  });

  it('answers with the kiosk CSP and the right type, 404 outside the roots', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    const ok = await session.protocolHandler!(new Request('app://renderer/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/javascript');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await session.protocolHandler!(new Request('app://content/pkg/link.txt'))).status).toBe(404);
    expect((await session.protocolHandler!(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('serves the safe-mode page with the exhibit title, refreshing back to the renderer', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    for (const url of ['app://renderer/safe-mode/', 'app://renderer/safe-mode/index.html']) {
      const response = await session.protocolHandler!(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('测试&lt;展览&gt;');
      expect(html).toContain('Test exhibition');
      expect(html).toContain('<meta http-equiv="refresh" content="120; url=../index.html" />');
      expect(new URL('../index.html', url).href).toBe('app://renderer/index.html');
    }
    expect((await session.protocolHandler!(new Request('app://content/pkg/safe-mode/'))).status).toBe(404);
  });
});
