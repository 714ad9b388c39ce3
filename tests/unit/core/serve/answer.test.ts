import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../../../core/content/files.ts';
import { answerRoute, type ServeAnswer, type ServeOptions, type ServeSources } from '../../../../core/serve/answer.ts';
import { securityHeaders } from '../../../../core/serve/headers.ts';
import { findInside, openServedFile, readServedFile, type ServedFile } from '../../../../core/serve/read.ts';
import { routeRequest, type ServeSpace } from '../../../../core/serve/route.ts';

let root: string;
let renderer: string;
let content: string;
let sources: ServeSources;
const options: ServeOptions = { retryUrl: '/?t=abc', indexPage: (html) => html.replace('<head>', '<head><meta name="added" />') };

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
  renderer = path.join(root, 'renderer');
  content = path.join(root, 'content');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(renderer, 'safe-mode'));
  fs.mkdirSync(path.join(content, 'pictures'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><head><script type="module" src="./assets/app.js"></script>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(
    path.join(renderer, 'safe-mode', 'index.html'),
    '<meta http-equiv="refresh" content="120; url=../index.html" /><h1><!--title:en-->Default<!--/title--></h1>',
  );
  fs.writeFileSync(path.join(content, 'pictures', 'a.webp'), 'RIFF');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'out.js'));
  fs.symlinkSync(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'assets', 'in.js'));
  fs.symlinkSync(root, path.join(content, 'up'));
  sources = {
    rendererDir: renderer,
    content: {
      contentFile: (key: string, rel: string) => (key === 'v1' ? resolveInside(content, rel) : Promise.resolve(undefined)),
      exhibitTitle: async () => ({ 'zh-Hans': ['展览'], ru: ['Выставка'], en: ['The <exhibition>'] }),
    },
  };
});

const serve = (rawPath: string, space: ServeSpace = 'renderer-and-content', method = 'GET', opts = options) =>
  answerRoute(routeRequest(method, rawPath, space), sources, opts);
const bodyText = async (answer: ServeAnswer) =>
  typeof answer.body === 'string' ? answer.body : (await readServedFile(answer.body)).toString();

describe('serving: the answer', () => {
  it('serves the renderer’s page with what the host adds, and keeps it from every cache', async () => {
    const answer = await serve('/');
    expect(answer.status).toBe(200);
    expect(await bodyText(answer)).toContain('<head><meta name="added" /><script');
    expect(answer.headers).toEqual({ ...securityHeaders(), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    expect(await bodyText(await serve('/index.html', 'renderer', 'GET', { retryUrl: '../index.html' }))).not.toContain('added');
  });

  it('fills the safe-mode page with the exhibit’s title and the host’s way back', async () => {
    const answer = await serve('/safe-mode/');
    const html = await bodyText(answer);
    expect(html).toContain('<!--title:en-->The &lt;exhibition&gt;<!--/title-->');
    expect(html).toContain('content="120; url=/?t=abc"');
    expect(answer.headers['Cache-Control']).toBe('no-store');
  });

  it('serves renderer and package files with their type, and the shared headers', async () => {
    const js = await serve('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers).toEqual({
      ...securityHeaders(),
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Accept-Ranges': 'bytes',
    });
    expect((js.body as ServedFile).size).toBe(9);
    const picture = await serve('/v1/pictures/a.webp', 'content', 'HEAD', { ...options, origins: { contentOrigin: 'app://content' } });
    expect(picture.status).toBe(200);
    expect(picture.headers).toEqual({
      ...securityHeaders({ contentOrigin: 'app://content' }, 'content'),
      'Content-Type': 'image/webp',
      'Cache-Control': 'no-cache',
      'Accept-Ranges': 'bytes',
    });
    expect(await bodyText(picture)).toBe('RIFF');
  });

  it('follows no link, not even one that stays inside the root, and serves no folder', async () => {
    for (const [rawPath, status] of [
      ['/assets/out.js', 404],
      ['/assets/in.js', 404],
      ['/content/v1/up/secret.txt', 404],
      ['/content/v2/pictures/a.webp', 404],
      ['/content/v1/pictures', 404],
      ['/assets', 404],
      ['/content/v1/%2e%2e/secret.txt', 400],
    ] as const) {
      const answer = await serve(rawPath);
      expect(answer.status, rawPath).toBe(status);
      expect(answer.headers, rawPath).toEqual({
        ...securityHeaders(),
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      expect(await bodyText(answer)).not.toContain('secret');
    }
  });

  it('names the methods it takes when it refuses one', async () => {
    const answer = await serve('/assets/app.js', 'renderer', 'POST');
    expect(answer.status).toBe(405);
    expect(answer.headers.Allow).toBe('GET, HEAD');
  });

  it('fails loudly when the build lacks a page, rather than answering an empty one', async () => {
    await expect(answerRoute({ kind: 'page', page: 'index' }, { ...sources, rendererDir: content }, options)).rejects.toThrow(
      /index\.html/,
    );
  });
});

describe('serving: the reader', () => {
  it('refuses a file that was swapped for a link after it was found', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'swap-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'fine');
    const found = (await findInside(dir, ['a.txt']))!;
    expect(found.size).toBe(4);
    const opened = (await openServedFile(found))!;
    expect(opened.size).toBe(4);
    expect(await text(opened.stream)).toBe('fine');
    fs.rmSync(path.join(dir, 'a.txt'));
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dir, 'a.txt'));
    expect(await openServedFile(found)).toBeUndefined();
    await expect(readServedFile(found)).rejects.toThrow(/ELOOP|symbolic/);
  });

  it('does not hang on a FIFO put where a file was', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'fifo-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'fine');
    const found = (await findInside(dir, ['a.txt']))!;
    fs.rmSync(path.join(dir, 'a.txt'));
    execFileSync('mkfifo', [path.join(dir, 'a.txt')]);
    expect(await findInside(dir, ['a.txt'])).toBeUndefined();
    expect(await openServedFile(found)).toBeUndefined();
  });

  it('sends no more than the length it announced, and an empty file as empty', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'grow-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '1234');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const opened = (await openServedFile((await findInside(dir, ['a.txt']))!))!;
    fs.appendFileSync(path.join(dir, 'a.txt'), '5678');
    expect(await text(opened.stream)).toBe('1234');
    const empty = (await openServedFile((await findInside(dir, ['empty.txt']))!))!;
    expect(empty.size).toBe(0);
    expect(await text(empty.stream)).toBe('');
  });
});
