/**
 * Property-based fuzzing of what reads a stick: the content validator, the zip reader and the
 * import pipeline, on packages made hostile by fast-check (fixed seeds, printed).
 *
 * Every case runs in a sandbox: a child Node process with a 256 MB heap (`--max-old-space-size`),
 * one case at a time, with a time limit per case. A case that throws, crashes the process, runs
 * out of memory or overruns its time is a failure like any broken rule, and the process is started
 * again for the next case. At the end each sandbox reports its peak RSS, which must stay under
 * 256 MB above what it held once loaded.
 *
 * Failures are collected, not stopped at: every property runs all its cases, and the test
 * reports each kind of failure once, with the case that showed it (the generated value is the
 * whole reproduction). FUZZ_SEED changes the seeds; FUZZ_SCALE scales the number of cases;
 * FUZZ_REPLAY=folder:1444 runs one case and prints the sandbox's answers; FUZZ_CORE=/other/core
 * runs the same cases against another checkout's core/ (node_modules beside it); FUZZ_TRACE=1
 * prints each heavy case that raised its sandbox's peak memory.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  glbJson,
  glbWithJsonText,
  jpegHeader,
  manifestBytes,
  manifestOf,
  rawZip,
  signatureOf,
  webpHeader,
  type ManifestJson,
  type RawEntry,
} from '../../../fixtures/corpus/make-corpus.ts';
import { makeGlb, makePicture, pngHeader, validExhibit, type ExhibitJson } from '../../../fixtures/make-package.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../../..');
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = {
  folder: Math.round(5000 * SCALE),
  zip: Math.round(3880 * SCALE),
  import: Math.round(1000 * SCALE),
  heavy: Math.max(12, Math.round(120 * SCALE)),
};
/** The core/ under test (FUZZ_CORE: another checkout's, to compare). */
const CORE = path.resolve(process.env.FUZZ_CORE ?? path.join(ROOT, 'core'));
const HEAP_MB = 256;
const CASE_TIMEOUT_MS = 20_000;
const SANDBOXES = 2;

// ---------------------------------------------------------------------------------------------
// The sandbox: a child process running one case at a time
// ---------------------------------------------------------------------------------------------

const RUNNER = `
const core = process.env.KIOSK_CORE_URL;
const [{ validatePackage }, { extractZip }, { DEFAULT_LIMITS }, { importPackage }] = await Promise.all([
  import(core + '/content/validate.ts'), import(core + '/content/zip.ts'), import(core + '/content/limits.ts'), import(core + '/import/pipeline.ts'),
]);
const baseline = process.memoryUsage().rss;
const text = (e) => (e && e.stack) || String(e);
process.on('message', async (m) => {
  const t0 = performance.now();
  try {
    let result;
    if (m.op === 'validate') {
      const r = await validatePackage(m.source, { ...m.options, limits: { ...DEFAULT_LIMITS, ...(m.limits || {}) } });
      await r.cleanup();
      result = { ok: r.ok, problems: r.problems };
    } else if (m.op === 'zip') result = { problems: await extractZip(m.zip, m.dest, DEFAULT_LIMITS) };
    else if (m.op === 'import') {
      const r = await importPackage({ source: m.source, dataDir: m.dataDir, trustedKeys: m.trustedKeys, allowSameOrOlder: true });
      result = r.ok ? { ok: true, name: r.installed.name } : { ok: false, problems: r.problems };
    } else if (m.op === 'stats') result = { maxRss: process.resourceUsage().maxRSS * 1024, baseline, rss: process.memoryUsage().rss };
    process.send({ result, ms: performance.now() - t0 });
  } catch (error) {
    process.send({ thrown: text(error), ms: performance.now() - t0 });
  }
});
process.send({ ready: true });
`;

interface Answer<T = unknown> {
  result?: T;
  thrown?: string;
  crash?: string;
  hang?: boolean;
  ms?: number;
}

class Sandbox {
  private child: ChildProcess | undefined;
  private waiting: ((answer: Answer) => void) | undefined;
  private waitingOn: ChildProcess | undefined;
  private stderr = '';
  starts = 0;
  /** Milliseconds the process spent on cases. */
  busy = 0;
  /** The largest RSS above the loaded baseline seen in any life of the process. */
  peakExtra = 0;

  constructor(private readonly script: string) {}

  private start(): Promise<void> {
    this.starts += 1;
    this.stderr = '';
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', this.script], {
      cwd: ROOT,
      env: { ...process.env, KIOSK_CORE_URL: pathToFileURL(CORE).href, NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.waitingOn === child)
        this.waiting?.({
          crash: `the sandbox process died (exit ${code}, signal ${signal}): ${this.stderr.trim().split('\n').slice(-12).join('\n')}`,
        });
    });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', () => reject(new Error(`the sandbox did not start: ${this.stderr}`)));
    });
  }

  async call<T>(message: Record<string, unknown>, timeoutMs = CASE_TIMEOUT_MS): Promise<Answer<T>> {
    if (!this.child) await this.start();
    const child = this.child!;
    return new Promise<Answer<T>>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.waitingOn = undefined;
        this.kill();
        resolve({ hang: true });
      }, timeoutMs);
      this.waitingOn = child;
      this.waiting = (answer) => {
        clearTimeout(timer);
        this.waiting = undefined;
        this.waitingOn = undefined;
        child.off('message', onMessage);
        resolve(answer as Answer<T>);
      };
      const onMessage = (answer: Answer) => {
        this.busy += answer.ms ?? 0;
        this.waiting?.(answer);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  }

  /** Reads the process's peak RSS (before it is replaced, and at the end). */
  async sample(): Promise<void> {
    if (!this.child) return;
    const answer = await this.call<{ maxRss: number; baseline: number }>({ op: 'stats' }, 10_000);
    if (answer.result) this.peakExtra = Math.max(this.peakExtra, answer.result.maxRss - answer.result.baseline);
  }

  kill(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------
// The sandbox folders: a deep root, so that any write escaping a case stays inside it and is seen
// ---------------------------------------------------------------------------------------------

let top = '';
let cases = '';
let runnerDir = '';
const LEVELS = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8'];

/** Writes outside a case land in one of these folders (at most nine ".." up); each must hold only the next. */
function strayWrites(): string[] {
  const found: string[] = [];
  let dir = top;
  for (const next of [...LEVELS, 'cases']) {
    for (const name of fs.readdirSync(dir)) if (name !== next) found.push(path.relative(top, path.join(dir, name)));
    dir = path.join(dir, next);
  }
  return found;
}

interface Node {
  type: 'file' | 'dir' | 'link' | 'other';
  size: number;
  mtime: number;
}

/** Every path under `dir` with its type, size and time, links not followed. */
function snapshot(dir: string): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(dir, rel));
    } catch {
      return;
    }
    for (const name of names) {
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(path.join(dir, r));
      const type = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      out.set(r, { type, size: type === 'dir' ? 0 : st.size, mtime: type === 'dir' ? 0 : st.mtimeMs });
      if (type === 'dir') walk(r);
    }
  };
  walk('');
  return out;
}

function changes(before: Map<string, Node>, after: Map<string, Node>): string[] {
  const out: string[] = [];
  for (const [p, node] of after) {
    const was = before.get(p);
    if (!was) out.push(`added ${JSON.stringify(p)}`);
    else if (was.type !== node.type || was.size !== node.size || was.mtime !== node.mtime) out.push(`changed ${JSON.stringify(p)}`);
  }
  for (const p of before.keys()) if (!after.has(p)) out.push(`removed ${JSON.stringify(p)}`);
  return out;
}

/** Lets go of any reader stuck opening a pipe. */
function releaseFifos(dir: string): void {
  for (const [rel, node] of snapshot(dir)) {
    if (node.type !== 'other') continue;
    try {
      fs.closeSync(fs.openSync(path.join(dir, rel), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // nobody waiting
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const HOSTILE_PATHS = [
  '../x.webp',
  '../../../../etc/passwd',
  'pictures/../../x.webp',
  'pictures/../pictures/a.webp',
  '/etc/passwd',
  '/x.webp',
  'C:/x.webp',
  'C:x.webp',
  'c:\\x.webp',
  '\\\\server\\share\\x.webp',
  '//server/share/x.webp',
  'pictures\\a.webp',
  '..\\..\\x.webp',
  './pictures/a.webp',
  'pictures/./a.webp',
  'pictures//a.webp',
  'pictures/',
  '',
  '.',
  '..',
  'pictures/a%2ewebp',
  '%2e%2e/%2e%2e/x.webp',
  'pictures/a#1.webp',
  'pictures/a.webp#frag',
  'pictures/a.webp?x=1',
  'pictures/a\u0000.webp',
  'pictures/a\u0007.webp',
  'pictures/a\u202egpj.webp',
  'pictures/\u200ba.webp',
  'pictures/con.webp',
  'pictures/a.webp.',
  'pictures /a.webp',
  'PICTURES/A.WEBP',
  'pictures/A.webp',
  `${'x'.repeat(300)}.webp`,
  `${'a/'.repeat(20)}x.webp`,
  'pictures/a.webp/',
  'file:///etc/passwd',
  'https://example.com/x.webp',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  '\ud800.webp',
  'pictures/\u{1f642}.webp',
  'pictures/e\u0301.webp',
  'models/m.glb',
  'pictures/b.webp',
  'exhibit.json',
  'manifest.json',
  'pictures',
  'models',
];
const ODD_STRINGS = [
  '\ud800',
  '\udfff',
  '\u0000',
  '\ufeff',
  '\u202e',
  '\u{1d54f}',
  '\u00a0',
  '\u2028',
  'e\u0301',
  '\u0130',
  'İ',
  '\u0085',
  ' ',
  '\t\n',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
];
const MARKUP = [
  '<script>alert(1)</script>',
  '<p onclick="x()">a</p>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">a</a>',
  '<p>a',
  '</p>',
  '<p><p>a</p></p>',
  '<ul>text</ul>',
  '&#106;avascript:',
  '&amp',
  '<br/>',
  '<P>a</P>',
  '<p/onclick=1>',
  '<!-- x -->',
  '<',
  '<p>a</p><',
  '<svg/onload=alert(1)>',
  '<em><strong>a</em></strong>',
  '<li>a</li>',
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'id',
  'type',
  'kind',
  'src',
  '$schema',
  '',
  ' ',
  'zh-Hans',
  'none',
  'fr',
  '\u0000',
  '\u{1f642}',
];
const EXTENSIONS = [
  '.webp',
  '.png',
  '.jpg',
  '.jpeg',
  '.glb',
  '.mp3',
  '.ogg',
  '.m4a',
  '.mp4',
  '.webm',
  '.json',
  '.md',
  '.txt',
  '.exe',
  '.html',
  '.svg',
  '.js',
  '.wasm',
  '',
  '.WEBP',
  '.webp.',
  '.Glb',
  '.zip',
];
const NAME_PARTS = [
  'a',
  'b',
  'x',
  'README',
  'LICENSE',
  'exhibit',
  'manifest',
  'con',
  'nul',
  'com1',
  '%41',
  '#1',
  'a:b',
  'a*b',
  'a?b',
  'a"b',
  'a<b',
  'a|b',
  'a\\b',
  ' a',
  'a ',
  'a.',
  '\u0001',
  '\u202e',
  '\u200b',
  'e\u0301',
  '\u{1f642}',
  'Ω',
  'A',
  'PICTURES',
  'x'.repeat(200),
];
const FOLDERS = [
  '',
  'pictures/',
  'models/',
  'audio/',
  'Pictures/',
  'pictures/sub/',
  'd/d/d/d/d/d/d/d/d/d/',
  'exhibit.json/',
  'models/m.glb/',
];

const tokenDeep = (depth: number, as: 'array' | 'object') => `@@DEEP_${as}_${depth}@@`;
const tokenHuge = (length: number, char: 'a' | 'cjk' | 'esc') => `@@HUGE_${char}_${length}@@`;

/** JSON text with the deep-nesting and huge-string tokens expanded. */
function expandTokens(text: string): string {
  return text.replace(/"@@(DEEP|HUGE)_([a-z]+)_(\d+)@@"/g, (_m, what: string, as: string, n: string) => {
    const count = Number(n);
    if (what === 'DEEP') return as === 'array' ? '['.repeat(count) + ']'.repeat(count) : `${'{"a":'.repeat(count)}1${'}'.repeat(count)}`;
    return `"${(as === 'cjk' ? '文' : as === 'esc' ? '\\u0000' : 'a').repeat(count)}"`;
  });
}

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, 2 ** 53, -(2 ** 31), '', [], {}), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_PATHS), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 2 },
  { arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.dictionary(
      fc.constantFrom('en', 'ru', 'zh-Hans', 'none', 'fr', 'id', 'type'),
      fc.oneof(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), fc.string({ maxLength: 4 }), fc.constant(null)),
      { maxKeys: 3 },
    ),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 20, max: 100_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([d, as]) => tokenDeep(d, as)),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(
        fc.oneof(fc.integer({ min: 1000, max: 100_000 }), fc.integer({ min: 1_000_000, max: 1_500_000 })),
        fc.constantFrom<'a' | 'cjk' | 'esc'>('a', 'cjk', 'esc'),
      )
      .map(([n, c]) => tokenHuge(n, c)),
    weight: 1,
  },
);

type JsonPath = (string | number)[];

function allPaths(value: unknown, at: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...at, k], out);
  return out;
}

const getAt = (root: unknown, p: JsonPath): unknown =>
  p.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root);

type JsonOp =
  | { op: 'delete'; path: JsonPath }
  | { op: 'set'; path: JsonPath; value: unknown }
  | { op: 'insert'; path: JsonPath; key: string; value: unknown }
  | { op: 'dup'; path: JsonPath; times: number }
  | { op: 'swap'; a: JsonPath; b: JsonPath };

function jsonOpArb(paths: JsonPath[], setPaths: JsonPath[] = paths): fc.Arbitrary<JsonOp> {
  const p = fc.constantFrom(...paths);
  return fc.oneof(
    { arbitrary: p.map((path): JsonOp => ({ op: 'delete', path })), weight: 3 },
    { arbitrary: fc.record({ path: fc.constantFrom(...setPaths), value: valueArb }).map((r): JsonOp => ({ op: 'set', ...r })), weight: 6 },
    {
      arbitrary: fc
        .record({ path: p, key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), value: valueArb })
        .map((r): JsonOp => ({ op: 'insert', ...r })),
      weight: 2,
    },
    {
      arbitrary: fc
        .record({ path: p, times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 300 })) })
        .map((r): JsonOp => ({ op: 'dup', ...r })),
      weight: 1,
    },
    { arbitrary: fc.record({ a: p, b: p }).map((r): JsonOp => ({ op: 'swap', ...r })), weight: 1 },
  );
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the edits to a copy of `json`; paths that no longer exist are skipped. */
function applyJsonOps(json: unknown, ops: JsonOp[]): unknown {
  const root = { v: structuredClone(json) } as Record<string, unknown>;
  const parentOf = (p: JsonPath) => getAt(root, ['v', ...p.slice(0, -1)]) as Record<string | number, unknown> | undefined;
  for (const op of ops) {
    if (op.op === 'swap') {
      const [pa, pb] = [parentOf(op.a), parentOf(op.b)];
      if (!pa || !pb || typeof pa !== 'object' || typeof pb !== 'object') continue;
      const [ka, kb] = [op.a.at(-1)!, op.b.at(-1)!];
      const va = structuredClone(pa[ka]);
      setOwn(pa, ka, structuredClone(pb[kb]));
      setOwn(pb, kb, va);
      continue;
    }
    const parent = parentOf(op.path);
    if (!parent || typeof parent !== 'object') continue;
    const key = op.path.at(-1)!;
    if (op.op === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    } else if (op.op === 'set') setOwn(parent, key, structuredClone(op.value));
    else if (op.op === 'insert') {
      const target = parent[key];
      if (target && typeof target === 'object' && !Array.isArray(target))
        setOwn(target as Record<string, unknown>, op.key, structuredClone(op.value));
      else if (Array.isArray(target)) target.push(structuredClone(op.value));
    } else if (op.op === 'dup') {
      if (Array.isArray(parent) && typeof key === 'number') for (let i = 0; i < op.times; i += 1) parent.push(structuredClone(parent[key]));
      else if (Array.isArray(parent[key])) {
        const list = parent[key] as unknown[];
        for (let i = 0; i < op.times && list.length > 0; i += 1) list.push(structuredClone(list[0]));
      }
    }
  }
  return root.v;
}

type RawOp =
  | { raw: 'truncate'; at: number }
  | { raw: 'flip'; at: number; mask: number }
  | { raw: 'bom' }
  | { raw: 'utf16' }
  | { raw: 'badutf8'; at: number }
  | { raw: 'nul'; at: number }
  | { raw: 'dupkey' }
  | { raw: 'bignum' }
  | { raw: 'garbage'; text: string };

const rawOpArb: fc.Arbitrary<RawOp> = fc.oneof(
  fc.record({ raw: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ raw: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.constant<RawOp>({ raw: 'bom' }),
  fc.constant<RawOp>({ raw: 'utf16' }),
  fc.record({ raw: fc.constant('badutf8' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ raw: fc.constant('nul' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.constant<RawOp>({ raw: 'dupkey' }),
  fc.constant<RawOp>({ raw: 'bignum' }),
  fc.record({ raw: fc.constant('garbage' as const), text: fc.string({ unit: 'binary', maxLength: 30 }) }),
);

function applyRaw(text: Buffer, op: RawOp | undefined): Buffer {
  if (!op) return text;
  const at = (f: number) => Math.min(text.length, Math.floor(f * text.length));
  switch (op.raw) {
    case 'truncate':
      return text.subarray(0, at(op.at));
    case 'flip': {
      const out = Buffer.from(text);
      const i = Math.min(out.length - 1, at(op.at));
      if (i >= 0) out[i] = out[i]! ^ op.mask;
      return out;
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.toString('utf8'), 'utf16le')]);
    case 'badutf8':
      return Buffer.concat([text.subarray(0, at(op.at)), Buffer.from([0xc3, 0x28, 0xff]), text.subarray(at(op.at))]);
    case 'nul':
      return Buffer.concat([text.subarray(0, at(op.at)), Buffer.from([0]), text.subarray(at(op.at))]);
    case 'dupkey':
      return Buffer.from(text.toString('utf8').replace('{', '{"id":"other","schemaVersion":1,'));
    case 'bignum':
      return Buffer.from(text.toString('utf8').replace(/:(\d+)([,}])/, ':1e999$2'));
    case 'garbage':
      return Buffer.from(op.text);
  }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

type Content =
  | 'webp'
  | 'png'
  | 'jpeg'
  | 'glb'
  | 'text'
  | 'empty'
  | 'random'
  | 'pngBomb'
  | 'jpegBomb'
  | 'webpBomb'
  | 'html'
  | 'id3'
  | 'zip'
  | 'elf'
  | 'pngHeaderOnly';
const CONTENTS: Content[] = [
  'webp',
  'png',
  'jpeg',
  'glb',
  'text',
  'empty',
  'random',
  'pngBomb',
  'jpegBomb',
  'webpBomb',
  'html',
  'id3',
  'zip',
  'elf',
  'pngHeaderOnly',
];

interface Assets {
  webp: Buffer;
  webpB: Buffer;
  png: Buffer;
  jpeg: Buffer;
  glb: Buffer;
  glbPaths: JsonPath[];
  full: ExhibitJson;
  light: ExhibitJson;
  fullPaths: JsonPath[];
  lightPaths: JsonPath[];
  assetPaths: JsonPath[];
  privateKey: string;
  publicKey: string;
  bigPng: Buffer;
  hugePng: Buffer;
}
let A: Assets;

function contentBytes(kind: Content, seed: number): Buffer {
  switch (kind) {
    case 'webp':
      return A.webp;
    case 'png':
      return A.png;
    case 'jpeg':
      return A.jpeg;
    case 'glb':
      return A.glb;
    case 'text':
      return Buffer.from('just some text\n');
    case 'empty':
      return Buffer.alloc(0);
    case 'random':
      return crypto.createHash('sha512').update(String(seed)).digest();
    case 'pngBomb':
      return pngHeader(50_000 + (seed % 1000), 50_000);
    case 'jpegBomb':
      return jpegHeader(65_000, 60_000 + (seed % 1000));
    case 'webpBomb':
      return webpHeader(16_384, 16_000 + (seed % 300));
    case 'html':
      return Buffer.from('<html><script>alert(1)</script></html>');
    case 'id3':
      return Buffer.from([0x49, 0x44, 0x33, 0x03, 0, 0, 0, 0, 0, 0]);
    case 'zip':
      return rawZip([{ name: 'a.txt', data: Buffer.from('a') }]);
    case 'elf':
      return Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    case 'pngHeaderOnly':
      return pngHeader(1, 1);
  }
}

/** What the bytes of a content kind really are, for the "must refuse" rules. */
const FORMAT_OF: Record<Content, string | undefined> = {
  webp: 'webp',
  png: 'png',
  jpeg: 'jpg',
  glb: 'glb',
  text: undefined,
  empty: undefined,
  random: undefined,
  pngBomb: 'bomb',
  jpegBomb: 'bomb',
  webpBomb: 'bomb',
  html: undefined,
  id3: 'broken',
  zip: undefined,
  elf: undefined,
  pngHeaderOnly: 'broken',
};
const FORMAT_BY_EXT: Record<string, string> = {
  '.webp': 'webp',
  '.png': 'png',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.glb': 'glb',
  '.mp3': 'mp3',
  '.ogg': 'ogg',
  '.m4a': 'mp4',
  '.mp4': 'mp4',
  '.webm': 'webm',
};
const extOf = (name: string) => {
  const base = name.split('/').at(-1)!;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot).toLowerCase();
};
const ALLOWED_OTHER =
  /^(exhibit\.json|manifest\.json|signature\.json|exhibit\.schema\.json)$|(^|\/)(README|LICENSE|CREDITS)(\.(md|txt))?$/i;

/** A name fit to create on Linux, or undefined: no empty, "." or ".." parts and no NUL. */
function creatable(name: string): string | undefined {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  if (parts.length === 0 || name.includes('\u0000')) return undefined;
  return parts
    .map(
      (p) =>
        Buffer.from(p)
          .subarray(0, 200)
          .toString('utf8')
          .replace(/\ufffd$/, '') || '_',
    )
    .join('/');
}

/** A name a package path must refuse, by the rules any kiosk needs (traversal, absolute, URL and Windows characters). */
function hostileName(name: string): boolean {
  const parts = name.split('/');
  return (
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    parts.some((p) => p === '..' || p === '.' || p === '') ||
    /[\u0000-\u001f\u007f%#:*?"<>|\u202a-\u202e\u200b-\u200f]/.test(name) ||
    parts.some((p) => /[. ]$/.test(p) || p.startsWith(' '))
  );
}

/** A name without its extension: a copy of a file keeps the extension, so that only the name is at fault. */
const stemArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FOLDERS), fc.array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 2 }))
  .map(([folder, parts]) => `${folder}${parts.join('')}`);

const nameArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FOLDERS),
    fc.array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 2 }),
    fc.constantFrom(...EXTENSIONS),
  )
  .map(([folder, parts, ext]) => `${folder}${parts.join('')}${ext}`);

type FileOp =
  | { op: 'truncate'; file: number; keep: number }
  | { op: 'flip'; file: number; at: number; mask: number }
  | { op: 'replace'; file: number; content: Content }
  | { op: 'delete'; file: number }
  | { op: 'rename'; file: number; to: string }
  | { op: 'copy'; file: number; to: string }
  | { op: 'add'; name: string; content: Content }
  | { op: 'symlink'; name: string; target: string }
  | { op: 'fifo'; name: string }
  | { op: 'mkdir'; name: string }
  | { op: 'glb'; edits: JsonOp[]; deep: number | undefined; header: { at: 4 | 8 | 12 | 16; value: number } | undefined };

function fileOpArb(glbPaths: JsonPath[], model = true): fc.Arbitrary<FileOp> {
  const file = fc.nat();
  const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });
  const read: JsonPath[] = [
    ['extensionsRequired'],
    ['extensionsUsed'],
    ['nodes'],
    ['nodes', 0],
    ['nodes', 0, 'name'],
    ['buffers'],
    ['buffers', 0],
    ['buffers', 0, 'uri'],
    ['images'],
    ['extensions'],
    ['extensions', 'KHR_materials_variants'],
    ['extensions', 'KHR_materials_variants', 'variants'],
    ['asset'],
    ['asset', 'version'],
  ];
  const glbSetPaths: JsonPath[] = [...glbPaths, ...read, ...read, ...read];
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('truncate' as const), file, keep: fraction }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('flip' as const), file, at: fraction, mask: fc.integer({ min: 1, max: 255 }) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('replace' as const), file, content: fc.constantFrom(...CONTENTS) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('delete' as const), file }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('rename' as const), file, to: nameArb }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('copy' as const), file, to: stemArb }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant('add' as const), name: nameArb, content: fc.constantFrom(...CONTENTS) }), weight: 3 },
    {
      arbitrary: fc.record({
        op: fc.constant('symlink' as const),
        name: nameArb,
        target: fc.constantFrom('/etc/passwd', '../../..', 'a.webp', '/dev/zero', 'nowhere', '/'),
      }),
      weight: 1,
    },
    { arbitrary: fc.record({ op: fc.constant('fifo' as const), name: nameArb }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('mkdir' as const), name: nameArb }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant('glb' as const),
        edits: fc.array(
          fc.oneof(
            jsonOpArb(glbPaths, glbSetPaths),
            fc
              .subarray([
                'KHR_draco_mesh_compression',
                'EXT_meshopt_compression',
                'KHR_texture_basisu',
                'KHR_mesh_quantization',
                'EXT_made_up',
              ])
              .map((value): JsonOp => ({ op: 'set', path: ['extensionsRequired'], value })),
          ),
          { maxLength: 3 },
        ),
        deep: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 30, max: 200_000 }), weight: 1 }),
        header: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 },
          {
            arbitrary: fc.record({
              at: fc.constantFrom<4 | 8 | 12 | 16>(4, 8, 12, 16),
              value: fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff), fc.nat()),
            }),
            weight: 1,
          },
        ),
      }),
      weight: model ? 12 : 0,
    },
  );
}

interface Special {
  symlinks: [string, string][];
  fifos: string[];
  dirs: string[];
}

/** What a file of a case holds: the kind of its bytes, and whether they were cut short or made deep. */
interface FileMeta {
  content: Content | 'exhibit' | 'other';
  cut?: boolean;
  deep?: number;
}

/** Applies file operations to the package's files, keeping what each file now holds in `meta`. */
function applyFileOps(files: Map<string, Buffer>, ops: FileOp[], special: Special, seed: number, meta: Map<string, FileMeta>): void {
  for (const op of ops) {
    const names = [...files.keys()];
    const pick = 'file' in op ? names[op.file % Math.max(1, names.length)] : undefined;
    if ('file' in op && !pick) continue;
    switch (op.op) {
      case 'truncate': {
        const bytes = files.get(pick!)!;
        const keep = Math.floor(bytes.length * op.keep);
        files.set(pick!, bytes.subarray(0, keep));
        if (keep < bytes.length) meta.set(pick!, { ...(meta.get(pick!) ?? { content: 'other' }), cut: true });
        break;
      }
      case 'flip': {
        const bytes = Buffer.from(files.get(pick!)!);
        if (bytes.length > 0) {
          const i = Math.floor(bytes.length * op.at);
          bytes[i] = bytes[i]! ^ op.mask;
        }
        files.set(pick!, bytes);
        break;
      }
      case 'replace':
        files.set(pick!, contentBytes(op.content, seed));
        meta.set(pick!, { content: op.content });
        break;
      case 'delete':
        files.delete(pick!);
        meta.delete(pick!);
        break;
      case 'rename': {
        const to = creatable(op.to);
        if (!to || files.has(to)) break;
        files.set(to, files.get(pick!)!);
        meta.set(to, meta.get(pick!) ?? { content: 'other' });
        files.delete(pick!);
        meta.delete(pick!);
        break;
      }
      case 'copy': {
        const to = creatable(`${op.to}${extOf(pick!)}`);
        if (!to || files.has(to) || pick === 'exhibit.json') break;
        files.set(to, files.get(pick!)!);
        meta.set(to, meta.get(pick!) ?? { content: 'other' });
        break;
      }
      case 'add': {
        const name = creatable(op.name);
        if (!name || files.has(name)) break;
        files.set(name, contentBytes(op.content, seed));
        meta.set(name, { content: op.content });
        break;
      }
      case 'symlink': {
        const name = creatable(op.name);
        if (name && !files.has(name)) special.symlinks.push([name, op.target]);
        break;
      }
      case 'fifo': {
        const name = creatable(op.name);
        if (name && !files.has(name)) special.fifos.push(name);
        break;
      }
      case 'mkdir': {
        const name = creatable(op.name);
        if (name) special.dirs.push(name);
        break;
      }
      case 'glb': {
        const target = names.find((n) => n.endsWith('.glb') && meta.get(n)?.content === 'glb');
        if (!target) break;
        const bytes = files.get(target)!;
        let text: string;
        try {
          // A model already made deep by an earlier operation is left as it is.
          text = expandTokens(JSON.stringify(applyJsonOps(glbJson(bytes), op.edits)) ?? 'null');
        } catch {
          break;
        }
        if (op.deep) text = `${text.slice(0, -1)},"extras":${'['.repeat(op.deep)}${']'.repeat(op.deep)}}`;
        const out = glbWithJsonText(bytes, text);
        if (op.header) out.writeUInt32LE(op.header.value >>> 0, op.header.at);
        files.set(target, out);
        meta.set(target, { ...meta.get(target)!, deep: Math.max(op.deep ?? 0, meta.get(target)?.deep ?? 0) });
        break;
      }
    }
  }
}

/** Why the files as written must make the package refused: names, kinds and bytes. */
function fileFaults(written: Set<string>, meta: Map<string, FileMeta>): string[] {
  const out: string[] = [];
  for (const name of written) {
    if (['exhibit.json', 'manifest.json', 'signature.json'].includes(name)) continue;
    const m = meta.get(name) ?? { content: 'other' };
    const format = FORMAT_BY_EXT[extOf(name)];
    if (hostileName(name)) out.push(`${name} has a name a package may not use`);
    else if (format === undefined && !ALLOWED_OTHER.test(name)) out.push(`${name} is a kind of file a package may not hold`);
    else if (format !== undefined && m.cut) out.push(`${name} is cut short`);
    else if (format !== undefined && (m.content === 'exhibit' || m.content === 'other' || FORMAT_OF[m.content] !== format))
      out.push(`${name} holds ${m.content} bytes`);
    if (m.deep && m.deep > 1000) out.push(`${name} nests its JSON ${m.deep} levels deep`);
  }
  return out;
}

/** Writes the files and special entries; what could not be made (a file where a folder is) is skipped. */
function writePackage(dir: string, files: Map<string, Buffer>, special: Special): { written: Set<string>; made: string[] } {
  const written = new Set<string>();
  const made: string[] = [];
  fs.mkdirSync(dir, { recursive: true });
  const at = (rel: string) => path.join(dir, ...rel.split('/'));
  for (const [rel, bytes] of files) {
    try {
      fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
      fs.writeFileSync(at(rel), bytes, { flag: 'wx' });
      written.add(rel);
    } catch {
      // a name that cannot be made next to another: skipped
    }
  }
  for (const rel of special.dirs)
    try {
      fs.mkdirSync(at(rel), { recursive: true });
    } catch {
      // skipped
    }
  for (const [rel, target] of special.symlinks)
    try {
      fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
      fs.symlinkSync(target, at(rel));
      made.push(`symbolic link ${rel}`);
    } catch {
      // skipped
    }
  for (const rel of special.fifos)
    try {
      fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
      execFileSync('mkfifo', [at(rel)]);
      made.push(`pipe ${rel}`);
    } catch {
      // skipped
    }
  return { written, made };
}

// ---------------------------------------------------------------------------------------------
// Manifests and signatures
// ---------------------------------------------------------------------------------------------

type ManifestOp =
  | { op: 'path'; entry: number; value: string }
  | { op: 'traverse'; entry: number; ups: number }
  | { op: 'size'; entry: number; value: unknown }
  | { op: 'hash'; entry: number; value: unknown }
  | { op: 'dup'; entry: number; upper: boolean }
  | { op: 'remove'; entry: number }
  | { op: 'add'; path: string; size: number }
  | { op: 'escape'; ups: number; name: string; copyOf: number }
  | { op: 'field'; key: 'manifestVersion' | 'package' | 'files'; value: unknown };

const manifestOpArb: fc.Arbitrary<ManifestOp> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('path' as const),
      entry: fc.nat(),
      value: fc.oneof(fc.constantFrom(...HOSTILE_PATHS), nameArb),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('traverse' as const), entry: fc.nat(), ups: fc.integer({ min: 1, max: 8 }) }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('size' as const),
      entry: fc.nat(),
      value: fc.oneof(
        fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 53, 1e300, '5', null, 2 ** 31),
        fc.integer({ min: -2, max: 2 }).map((d) => `delta:${d}`),
      ),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('hash' as const),
      entry: fc.nat(),
      value: fc.constantFrom<unknown>('0'.repeat(64), 'F'.repeat(64), '', null, 'abc', 5),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('dup' as const), entry: fc.nat(), upper: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), entry: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      path: fc.oneof(fc.constantFrom(...HOSTILE_PATHS), nameArb),
      size: fc.nat({ max: 100 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('escape' as const),
      ups: fc.integer({ min: 1, max: 8 }),
      name: fc.constantFrom('evil/x.webp', 'x.webp', 'evil/deeper/x.webp', 'pictures/a.webp'),
      copyOf: fc.nat(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('field' as const),
      key: fc.constantFrom<'manifestVersion' | 'package' | 'files'>('manifestVersion', 'package', 'files'),
      value: valueArb,
    }),
    weight: 1,
  },
);

/** Applies manifest edits (what must then be refused is decided on the result, by manifestFaults). */
function applyManifestOps(m: ManifestJson, ops: ManifestOp[]): void {
  for (const op of ops) {
    const files = Array.isArray(m.files) ? m.files : undefined;
    const entry = files && 'entry' in op ? files[op.entry % Math.max(1, files.length)] : undefined;
    if ('entry' in op && !entry) continue;
    switch (op.op) {
      case 'path':
        entry!.path = op.value;
        break;
      case 'traverse':
        entry!.path = `${'../'.repeat(op.ups)}${String(entry!.path)}`;
        break;
      case 'size': {
        const was = entry!.size as number;
        entry!.size = typeof op.value === 'string' && op.value.startsWith('delta:') ? was + Number(op.value.slice(6)) : op.value;
        break;
      }
      case 'hash':
        entry!.sha256 = op.value;
        break;
      case 'dup':
        files!.push({ ...entry!, path: op.upper ? String(entry!.path).toUpperCase() : entry!.path });
        break;
      case 'remove':
        files!.splice(files!.indexOf(entry!), 1);
        break;
      case 'escape': {
        // An extra entry, listed after every real file, that climbs out of the package: the size
        // and hash of a real file, so that only the path is wrong.
        const like = files?.[op.copyOf % Math.max(1, files.length)];
        files?.push({ path: `${'../'.repeat(op.ups)}${op.name}`, size: like?.size ?? 1, sha256: like?.sha256 ?? '0'.repeat(64) });
        break;
      }
      case 'add':
        files?.push({ path: op.path, size: op.size, sha256: '0'.repeat(64) });
        break;
      case 'field':
        (m as unknown as Record<string, unknown>)[op.key] = structuredClone(op.value);
        break;
    }
  }
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Why a manifest does not describe the package on disk (`root`), by any reading of the format: empty when it does. */
function manifestFaults(manifest: unknown, root: string, exhibitId?: unknown, exhibitVersion?: unknown): string[] {
  const out: string[] = [];
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return ['the manifest is not an object'];
  const m = manifest as Record<string, unknown>;
  if (m.manifestVersion !== 1) out.push(`the manifest's version is ${JSON.stringify(m.manifestVersion)}`);
  const pkg = m.package as Record<string, unknown> | null | undefined;
  if (!pkg || typeof pkg !== 'object' || typeof pkg.id !== 'string' || typeof pkg.version !== 'string')
    out.push(`the manifest's package is ${JSON.stringify(m.package)?.slice(0, 60)}`);
  else if (exhibitId !== undefined && (pkg.id !== exhibitId || pkg.version !== exhibitVersion))
    out.push(`the manifest is for ${pkg.id} ${pkg.version}, exhibit.json for ${String(exhibitId)} ${String(exhibitVersion)}`);
  if (!Array.isArray(m.files)) return [...out, "the manifest's files are not a list"];
  const disk = snapshot(root);
  const listed = new Set<string>();
  const lower = new Set<string>();
  for (const e of m.files as unknown[]) {
    if (!e || typeof e !== 'object') {
      out.push('a manifest entry is not an object');
      continue;
    }
    const { path: p, size, sha256: hash } = e as Record<string, unknown>;
    if (typeof p !== 'string' || hostileName(p)) {
      out.push(`the manifest lists ${JSON.stringify(p)}`);
      continue;
    }
    if (lower.has(p.toLowerCase())) out.push(`the manifest lists ${p} twice`);
    lower.add(p.toLowerCase());
    listed.add(p);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      out.push(`the manifest gives ${p} the size ${JSON.stringify(size)}`);
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) out.push(`the manifest gives ${p} the hash ${JSON.stringify(hash)}`);
    const node = disk.get(p);
    if (node?.type !== 'file') out.push(`the manifest lists ${p}, which is not a file of the package`);
    else if (node.size !== size || sha256(fs.readFileSync(path.join(root, ...p.split('/')))) !== hash)
      out.push(`${p} does not match the manifest`);
  }
  for (const [rel, node] of disk)
    if (node.type === 'file' && rel !== 'manifest.json' && rel !== 'signature.json' && !listed.has(rel))
      out.push(`${rel} is not in the manifest`);
  return out;
}

type SignatureOp = 'valid' | 'none' | 'garbage' | 'otherKey' | 'rsa' | 'emptySig' | 'badKeyId' | 'otherBytes';
const signatureOpArb = fc.constantFrom<SignatureOp>(
  'valid',
  'valid',
  'valid',
  'none',
  'garbage',
  'otherKey',
  'rsa',
  'emptySig',
  'badKeyId',
  'otherBytes',
);
const OTHER_KEY = crypto
  .createPrivateKey({ key: Buffer.from(`302e020100300506032b657004220420${'22'.repeat(32)}`, 'hex'), format: 'der', type: 'pkcs8' })
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();

function signatureFor(manifest: Buffer, op: SignatureOp): Buffer | undefined {
  if (op === 'none') return undefined;
  if (op === 'garbage') return Buffer.from('{"algorithm":');
  const s: Record<string, unknown> = signatureOf(
    op === 'otherBytes' ? Buffer.from('another manifest') : manifest,
    op === 'otherKey' ? OTHER_KEY : A.privateKey,
  );
  if (op === 'rsa') s.algorithm = 'rsa';
  if (op === 'emptySig') s.signature = '';
  if (op === 'badKeyId') s.keyId = 'museum';
  return Buffer.from(JSON.stringify(s));
}

// ---------------------------------------------------------------------------------------------
// The rules every answer must keep
// ---------------------------------------------------------------------------------------------

interface Problem {
  file: string;
  place: string;
  message: string;
  severity: string;
}

const PLACE_FIRST = /^([^.[\]]+)/;
/** What may be said of a readable JSON file as a whole, with no place in it: its kind, size, nesting, or its manifest entry. */
const WHOLE_FILE =
  /^is (missing|a symbolic link|a special file|not a regular file|nested|not valid JSON|\d|larger than the manifest|not listed in the manifest|listed in the manifest)|^does not match its SHA-256/;

/**
 * Every problem names a file and a place the staff can find: a file of the package (or one of
 * its fixed names, or one the manifest lists), a place in it that starts at a real top-level
 * field, and for an error in a JSON file that parses, a place inside it.
 */
function problemRules(
  problems: unknown,
  known: { files: Set<string>; exhibitJson: unknown; manifestJson: unknown; label?: string; sandbox: string },
): string[] {
  const out: string[] = [];
  if (!Array.isArray(problems)) return [`problems is not an array: ${JSON.stringify(problems)?.slice(0, 200)}`];
  for (const p of problems as Problem[]) {
    const show = JSON.stringify(p).slice(0, 300);
    if (!p || typeof p !== 'object') {
      out.push(`a problem is not an object: ${show}`);
      continue;
    }
    if (p.severity !== 'error' && p.severity !== 'warning') out.push(`a problem has the severity ${JSON.stringify(p.severity)}: ${show}`);
    if (typeof p.message !== 'string' || p.message.trim() === '') out.push(`a problem has no message: ${show}`);
    else if (/\[object Object\]/.test(p.message)) out.push(`a message shows [object Object]: ${show}`);
    if (typeof p.file !== 'string' || p.file === '') {
      out.push(`a problem names no file: ${show}`);
      continue;
    }
    if (typeof p.place !== 'string') out.push(`a problem's place is not a string: ${show}`);
    if (p.severity !== 'error') continue;
    if (p.place === '' && p.file === '.') out.push(`an error names neither a file nor a place: ${show}`);
    if (p.file.includes(known.sandbox) || path.isAbsolute(p.file))
      out.push(`an error names a path on the kiosk, not in the package: ${show}`);
    let file = p.file;
    if (known.label && (file === known.label || file.startsWith(`${known.label}: `))) {
      // A zip's own problem: the zip, or the zip and an entry (no place inside the entry).
      file = file === known.label ? '' : file.slice(known.label.length + 2);
      if (file !== '' && !known.files.has(file) && !known.files.has(file.replace(/\/$/, '')))
        out.push(`an error names an entry that is not in the zip: ${show}`);
      continue;
    }
    const fixed = ['exhibit.json', 'manifest.json', 'signature.json', '.'].includes(file);
    // A folder of the package is a place too (the one past the folder limit, say).
    const folder = [...known.files].some((f) => f.startsWith(`${file.replace(/\/$/, '')}/`));
    if (!fixed && !folder && !known.files.has(file) && !known.files.has(file.replace(/\/$/, '')))
      out.push(`an error names a file that is not in the package: ${show}`);
    const json = file === 'exhibit.json' ? known.exhibitJson : file === 'manifest.json' ? known.manifestJson : undefined;
    if (
      json !== undefined &&
      json !== null &&
      typeof json === 'object' &&
      !Array.isArray(json) &&
      p.place === '' &&
      !WHOLE_FILE.test(p.message)
    )
      out.push(`an error in ${file}, which is readable JSON, names no place in it: ${show}`);
    if (p.place && p.place !== '(root)') {
      const first = PLACE_FIRST.exec(p.place)?.[1];
      const fields =
        file === 'exhibit.json'
          ? EXHIBIT_FIELDS
          : file === 'manifest.json'
            ? MANIFEST_FIELDS
            : file.endsWith('.glb')
              ? ['extensionsRequired']
              : [];
      const own = json && typeof json === 'object' ? Object.keys(json) : [];
      if (!first || (!fields.includes(first) && !own.includes(first)))
        out.push(`an error's place does not start at a field of ${file}: ${show}`);
    }
  }
  return out;
}

const EXHIBIT_FIELDS = [
  '$schema',
  'schemaVersion',
  'id',
  'version',
  'title',
  'subtitle',
  'languages',
  'sections',
  'stories',
  'model',
  'attract',
];
const MANIFEST_FIELDS = ['manifestVersion', 'package', 'files'];

/** The answer of the sandbox as rule breaks: a throw, a crash, a hang. */
function answerRules(answer: Answer): string[] {
  if (answer.hang) return [`hang: no answer within ${CASE_TIMEOUT_MS / 1000} s`];
  if (answer.crash) return [`crash: ${answer.crash}`];
  if (answer.thrown) return [`throws: ${answer.thrown.split('\n').slice(0, 6).join(' | ')}`];
  if (!answer.result) return ['no result'];
  return [];
}

function parseOrUndefined(bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Running a property: cases from fast-check, two sandboxes, failures collected
// ---------------------------------------------------------------------------------------------

interface Failure {
  property: string;
  seed: number;
  index: number;
  rule: string;
  input: string;
}

const failures: Failure[] = [];
/** How the cases came out: accepted, refused, installed… per property. */
const outcomes: Record<string, Record<string, number>> = {};
const outcome = (property: string, what: string) => {
  outcomes[property] ??= {};
  outcomes[property][what] = (outcomes[property][what] ?? 0) + 1;
};
/** Peaks over the limit, in MB, seen (and reset) by the heavy cases. */
const overLimit: number[] = [];
const counts: Record<string, { cases: number; ms: number }> = {};
let sandboxes: Sandbox[] = [];

/** A failure's kind: the rule with the details that vary between cases taken out. */
function kindOf(rule: string): string {
  return rule
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .replace(/\{.*\}/, '{…}')
    .slice(0, 160);
}

async function runProperty<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  numRuns: number,
  seed: number,
  check: (c: T, sandbox: Sandbox, dir: string) => Promise<string[]>,
): Promise<void> {
  const started = performance.now();
  console.log(`fuzz ${name}: ${numRuns} cases, seed ${seed}`);
  const all = fc.sample(arb, { seed, numRuns });
  // FUZZ_REPLAY=folder:1444 runs that one case and prints what the sandbox answered.
  const replay = /^(\w+):(\d+)$/.exec(process.env.FUZZ_REPLAY ?? '');
  if (replay) {
    if (replay[1] !== name) return;
    const index = Number(replay[2]);
    const dir = path.join(cases, `${name}-${index}`);
    fs.mkdirSync(dir);
    const sandbox = sandboxes[0]!;
    const call = sandbox.call.bind(sandbox);
    sandbox.call = async <A>(message: Record<string, unknown>, timeoutMs?: number) => {
      const answer = await call<A>(message, timeoutMs);
      console.log(
        `replay ${name} #${index}: ${JSON.stringify(message).slice(0, 400)}\n  → ${JSON.stringify(answer, null, 1).slice(0, 6000)}`,
      );
      return answer;
    };
    console.log(
      `replay ${name} #${index}: ${fc.stringify(all[index])}\n  rules broken: ${JSON.stringify(await check(all[index]!, sandbox, dir), null, 1)}\n  folder: ${[...snapshot(dir).keys()].join(', ')}`,
    );
    sandbox.call = call;
    releaseFifos(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  let next = 0;
  let slowest = { ms: 0, index: -1 };
  const worker = async (sandbox: Sandbox) => {
    for (let index = next++; index < all.length; index = next++) {
      const c = all[index]!;
      const dir = path.join(cases, `${name}-${index}`);
      fs.mkdirSync(dir);
      let rules: string[];
      const caseStarted = performance.now();
      try {
        rules = await check(c, sandbox, dir);
        if (performance.now() - caseStarted > slowest.ms) slowest = { ms: performance.now() - caseStarted, index };
      } catch (error) {
        rules = [`the test harness failed on this case: ${(error as Error).stack?.split('\n').slice(0, 4).join(' | ')}`];
      }
      releaseFifos(dir);
      fs.rmSync(dir, { recursive: true, force: true });
      const stray = strayWrites();
      if (stray.length > 0) {
        rules.push(`wrote outside its folder: ${stray.join(', ')}`);
        for (const s of stray) fs.rmSync(path.join(top, s), { recursive: true, force: true });
      }
      for (const rule of rules) failures.push({ property: name, seed, index, rule, input: fc.stringify(c).slice(0, 1500) });
      if (index % 500 === 499) await sandbox.sample();
    }
  };
  await Promise.all(sandboxes.map((s) => worker(s)));
  counts[name] = { cases: all.length, ms: performance.now() - started };
  console.log(
    `fuzz ${name}: ${all.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s (sandboxes busy ${sandboxes.map((s) => (s.busy / 1000).toFixed(1)).join(' s, ')} s in all; slowest case #${slowest.index}, ${(slowest.ms / 1000).toFixed(1)} s: ${fc.stringify(all[slowest.index]).slice(0, 200)})`,
  );
}

function report(property?: string): string {
  const mine = failures.filter((f) => !property || f.property === property);
  const kinds = new Map<string, { cases: Set<number>; first: Failure }>();
  for (const f of mine) {
    const key = `${f.property}: ${kindOf(f.rule)}`;
    const seen = kinds.get(key);
    if (seen) seen.cases.add(f.index);
    else kinds.set(key, { cases: new Set([f.index]), first: f });
  }
  return [...kinds.values()]
    .map(
      ({ cases: { size: count }, first }) =>
        `- [${first.property} #${first.index}, seed ${first.seed}, ${count} case${count > 1 ? 's' : ''}] ${first.rule.slice(0, 700)}\n    input: ${first.input}`,
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

interface FolderCase {
  model: boolean;
  exhibit: JsonOp[];
  raw: RawOp | undefined;
  files: FileOp[];
  manifest: { ops: ManifestOp[]; raw: RawOp | undefined } | undefined;
  signature: SignatureOp;
  requireManifest: boolean;
  trusted: boolean;
  asZip: boolean;
}

/**
 * Mostly one kind of fault at a time (the exhibit, the files, the manifest or the raw bytes), so
 * that a fault the validator misses is not hidden behind another it finds; some cases mix them.
 */
function folderCaseArb(): fc.Arbitrary<FolderCase> {
  const build = (model: boolean) => {
    const paths = model ? A.fullPaths : A.lightPaths;
    const assetSet = fc.record({
      op: fc.constant('set' as const),
      path: fc.constantFrom(...A.assetPaths.filter((p) => model || p[0] !== 'model')),
      value: fc.constantFrom(...HOSTILE_PATHS),
    });
    const exhibitOps = fc.array(fc.oneof({ arbitrary: jsonOpArb(paths), weight: 3 }, { arbitrary: assetSet, weight: 1 }), {
      minLength: 1,
      maxLength: 2,
    });
    const fileOps = fc.array(fileOpArb(A.glbPaths, model), { minLength: 1, maxLength: 2 });
    const manifest = fc.record({
      ops: fc.array(manifestOpArb, { maxLength: 2 }),
      raw: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: rawOpArb, weight: 1 }),
    });
    const none: {
      exhibit: fc.Arbitrary<JsonOp[]>;
      raw: fc.Arbitrary<RawOp | undefined>;
      files: fc.Arbitrary<FileOp[]>;
      manifest: fc.Arbitrary<FolderCase['manifest']>;
    } = {
      exhibit: fc.constant([]),
      raw: fc.constant(undefined),
      files: fc.constant([]),
      manifest: fc.constant(undefined),
    };
    const rest = {
      model: fc.constant(model),
      signature: signatureOpArb,
      requireManifest: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
      trusted: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
      asZip: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    };
    const only = (fields: Partial<typeof none>, more: Partial<typeof rest> = {}) =>
      fc.record({ ...none, ...rest, ...more, ...fields }) as fc.Arbitrary<FolderCase>;
    const noKeys = { requireManifest: fc.constant(false), trusted: fc.constant(false) };
    return fc.oneof(
      { arbitrary: only({ exhibit: exhibitOps }, noKeys), weight: 3 },
      { arbitrary: only({ files: fileOps }, noKeys), weight: 4 },
      { arbitrary: only({ manifest }), weight: 2 },
      { arbitrary: only({ raw: rawOpArb }, noKeys), weight: 1 },
      {
        arbitrary: only({
          exhibit: fc.array(fc.oneof(jsonOpArb(paths), assetSet), { maxLength: 2 }),
          raw: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: rawOpArb, weight: 1 }),
          files: fc.array(fileOpArb(A.glbPaths, model), { maxLength: 2 }),
          manifest: fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: manifest, weight: 1 }),
        }),
        weight: 2,
      },
    );
  };
  return fc.oneof({ arbitrary: build(false), weight: 9 }, { arbitrary: build(true), weight: 1 });
}

/** A package folder made from a case: its files, what must make it refused, and what it holds. */
function makeFolderPackage(c: FolderCase, dir: string, seed: number) {
  const must: string[] = [];
  const files = new Map<string, Buffer>([
    ['pictures/a.webp', A.webp],
    ['pictures/b.webp', A.webpB],
  ]);
  if (c.model) files.set('models/m.glb', A.glb);
  const exhibit = applyJsonOps(c.model ? A.full : A.light, c.exhibit);
  const plain = JSON.stringify(exhibit) ?? 'null';
  files.set('exhibit.json', applyRaw(Buffer.from(expandTokens(plain)), c.raw));
  if (/"@@DEEP_[a-z]+_(\d{4,})@@"/.test(plain)) must.push('exhibit.json nests over a thousand levels deep');
  for (const op of c.exhibit) {
    if (
      op.op === 'set' &&
      typeof op.value === 'string' &&
      ['src', 'cover', 'poster', 'picture'].includes(String(op.path.at(-1))) &&
      hostileName(op.value) &&
      getAt(exhibit, op.path) === op.value
    )
      must.push(`an asset path is ${JSON.stringify(op.value)}`);
  }
  for (const key of ['schemaVersion', 'id', 'version', 'title', 'languages', 'sections', 'stories', 'attract'])
    if (exhibit && typeof exhibit === 'object' && !Object.hasOwn(exhibit, key)) must.push(`exhibit.json lacks ${key}`);
  const special: Special = { symlinks: [], fifos: [], dirs: [] };
  const meta = new Map<string, FileMeta>([
    ['pictures/a.webp', { content: 'webp' }],
    ['pictures/b.webp', { content: 'webp' }],
    ['models/m.glb', { content: 'glb' }],
    ['exhibit.json', { content: 'exhibit' }],
  ]);
  applyFileOps(files, c.files, special, seed, meta);
  const exhibitBytes = meta.get('exhibit.json')?.content === 'exhibit' ? files.get('exhibit.json') : undefined;
  const exhibitJson = exhibitBytes && exhibitBytes.length < 200_000 ? parseOrUndefined(exhibitBytes) : undefined;
  if (!exhibitBytes) must.push('exhibit.json is gone or holds something else');
  else if (exhibitBytes.length < 200_000 && exhibitJson === undefined) must.push('exhibit.json is not JSON');
  let manifestJson: unknown;
  const listed = new Set<string>();
  if (c.manifest) {
    const m = manifestOf(files);
    applyManifestOps(m, c.manifest.ops);
    if (Array.isArray(m.files)) for (const f of m.files) if (f && typeof f.path === 'string') listed.add(f.path);
    const bytes = applyRaw(manifestBytes(m), c.manifest.raw);
    files.set('manifest.json', bytes);
    manifestJson = parseOrUndefined(bytes);
    if (manifestJson === undefined) must.push('manifest.json is not JSON');
    if (c.trusted) {
      const signature = signatureFor(bytes, c.signature);
      if (signature) files.set('signature.json', signature);
      if (c.signature !== 'valid') must.push(`the signature is ${c.signature}`);
    }
  } else {
    if (c.requireManifest) must.push('no manifest, and one is required');
    if (c.trusted) must.push('no manifest or signature, and a key is trusted');
  }
  const pkg = path.join(dir, 'pkg');
  const { written, made } = writePackage(pkg, files, special);
  must.push(...made, ...fileFaults(written, meta));
  if (manifestJson !== undefined) must.push(...manifestFaults(manifestJson, pkg));
  if (!written.has('exhibit.json')) must.push('exhibit.json could not be written');
  const known = new Set<string>([...snapshot(pkg).keys(), ...listed]);
  // Names as they read back from a zip of the folder (the zip reader takes a backslash for a slash).
  for (const name of [...known]) if (name.includes('\\')) known.add(name.replace(/\\/g, '/'));
  return { pkg, must, known, exhibitJson, manifestJson };
}

/** Zips a folder's regular files as they are named (a zip holds no links or pipes). */
async function zipFolder(dir: string, out: string): Promise<void> {
  const entries: RawEntry[] = [];
  for (const [rel, node] of snapshot(dir))
    if (node.type === 'file')
      entries.push({
        name: rel,
        data: fs.readFileSync(path.join(dir, ...rel.split('/'))),
        method: node.size < 64 * 1024 ? 8 : 0,
        flags: 0x800,
      });
  fs.writeFileSync(out, rawZip(entries));
}

async function checkFolderCase(c: FolderCase, sandbox: Sandbox, dir: string, seed: number): Promise<string[]> {
  const made = makeFolderPackage(c, dir, seed);
  let source = made.pkg;
  const workDir = path.join(dir, 'unzip');
  fs.mkdirSync(workDir);
  if (c.asZip) {
    source = path.join(dir, 'package.zip');
    await zipFolder(made.pkg, source);
    // A zip holds no links or pipes: those reasons do not apply to it.
    made.must = made.must.filter((m) => !/^(symbolic link|pipe) /.test(m) && !m.includes('\\'));
  }
  const before = snapshot(dir);
  const options = { requireManifest: c.requireManifest, workDir, ...(c.trusted ? { trustedKeys: [A.publicKey] } : {}) };
  const answer = await sandbox.call<{ ok: boolean; problems: Problem[] }>({ op: 'validate', source, options });
  const rules = answerRules(answer);
  if (answer.result) {
    const { ok, problems } = answer.result;
    outcome('folder', ok ? 'accepted' : 'refused');
    rules.push(
      ...problemRules(problems, {
        files: made.known,
        exhibitJson: made.exhibitJson,
        manifestJson: made.manifestJson,
        label: c.asZip ? 'package.zip' : undefined,
        sandbox: top,
      }),
    );
    const errors = problems.filter((p) => p.severity === 'error');
    if (ok !== (errors.length === 0)) rules.push(`ok is ${ok} with ${errors.length} errors`);
    if (ok && made.must.length > 0) rules.push(`accepted, but it must be refused: ${made.must.join('; ')}`);
  }
  if (answer.result || answer.thrown) {
    const after = snapshot(dir);
    const changed = changes(before, after).filter((ch) => !ch.includes('"unzip/'));
    if (changed.length > 0) rules.push(`validating changed the package or its folder: ${changed.slice(0, 5).join(', ')}`);
    if (fs.readdirSync(workDir).length > 0) rules.push('left its unpacked copy of the zip behind');
  }
  return rules;
}

// --- zips -----------------------------------------------------------------------------------------

const ZIP_NAMES = [
  'exhibit.json',
  'pictures/a.webp',
  'pictures/b.webp',
  'models/m.glb',
  'a',
  'a/b',
  'a/b/c',
  'A',
  'A/B',
  'README.txt',
  'pictures/',
  'a/',
  'a/b/',
  '../x',
  '../../x',
  'a/../../x',
  'a/../b',
  '/abs',
  '/etc/passwd',
  'C:/x',
  'C:x',
  'c:\\x',
  '..\\x',
  'a\\b',
  'a\\..\\..\\x',
  './a',
  'a/./b',
  'a//b',
  '.',
  '..',
  '',
  'a\u0000b',
  'a\u0001b',
  'a\u202eb',
  'a%2e',
  'a#b',
  'a:b',
  'con',
  'nul.txt',
  'a.',
  'a ',
  `${'d/'.repeat(15)}x`,
  `${'n'.repeat(300)}`,
  `${'d/'.repeat(2100)}x`,
  'e\u0301',
  '\u{1f642}',
  'İ',
  '\ud800',
];

interface ZipEntryCase {
  name: string;
  kind: 'file' | 'dir' | 'symlink' | 'fifo' | 'device';
  size: 'tiny' | 'small' | 'mib' | 'zeros2m' | 'random';
  compress: boolean;
}
type Conflict = { dup: number } | { caseDup: number } | { child: number } | { parent: number };
type Corruption =
  { flip: { at: number; mask: number }[] } | { truncate: number } | { field: { at: number; value: number } } | { shared: number };
interface ZipCase {
  entries: ZipEntryCase[];
  conflicts: Conflict[];
  yazl: boolean;
  corrupt?: Corruption;
  withPackage: boolean;
}

const zipCaseArb: fc.Arbitrary<ZipCase> = fc.record(
  {
    entries: fc.array(
      fc.record({
        name: fc.oneof(
          { arbitrary: fc.constantFrom(...ZIP_NAMES), weight: 3 },
          { arbitrary: nameArb, weight: 2 },
          { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), weight: 1 },
        ),
        kind: fc.constantFrom<ZipEntryCase['kind']>('file', 'file', 'file', 'file', 'dir', 'symlink', 'fifo', 'device'),
        size: fc.oneof(
          { arbitrary: fc.constantFrom<ZipEntryCase['size']>('tiny', 'small', 'random'), weight: 12 },
          { arbitrary: fc.constantFrom<ZipEntryCase['size']>('mib', 'zeros2m'), weight: 1 },
        ),
        compress: fc.boolean(),
      }),
      { minLength: 0, maxLength: 6 },
    ),
    conflicts: fc.array(
      fc.oneof(
        fc.record({ dup: fc.nat() }),
        fc.record({ caseDup: fc.nat() }),
        fc.record({ child: fc.nat() }),
        fc.record({ parent: fc.nat() }),
      ),
      { maxLength: 2 },
    ),
    yazl: fc.boolean(),
    corrupt: fc.oneof(
      fc.record({
        flip: fc.array(fc.record({ at: fc.double({ min: 0, max: 0.999, noNaN: true }), mask: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      fc.record({ truncate: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
      fc.record({
        field: fc.record({
          at: fc.double({ min: 0, max: 0.999, noNaN: true }),
          value: fc.constantFrom(0, 0xffffffff, 0x7fffffff, 0xffff, 1),
        }),
      }),
      fc.record({ shared: fc.integer({ min: 2, max: 40 }) }),
    ),
    withPackage: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
  },
  { requiredKeys: ['entries', 'conflicts', 'yazl', 'withPackage'] },
);

function zipData(size: ZipEntryCase['size'], i: number): Buffer {
  switch (size) {
    case 'tiny':
      return Buffer.from(`entry ${i}`);
    case 'small':
      return Buffer.alloc(2000 + i, i);
    case 'random':
      return crypto.createHash('sha512').update(`r${i}`).digest();
    case 'mib':
      return Buffer.alloc(1024 * 1024);
    case 'zeros2m':
      return Buffer.alloc(2 * 1024 * 1024);
  }
}

const MODE = { file: 0o100644, dir: 0o040755, symlink: 0o120777, fifo: 0o010644, device: 0o020644 } as const;

async function yazlZip(
  entries: { name: string; data: Buffer; mode: number; compress: boolean; dir: boolean }[],
): Promise<Buffer | undefined> {
  const zip = new yazl.ZipFile();
  try {
    for (const e of entries) {
      if (e.dir) zip.addEmptyDirectory(e.name.replace(/\/$/, ''), { mtime: new Date(0) });
      else zip.addBuffer(e.data, e.name, { mode: e.mode, compress: e.compress, mtime: new Date(0) });
    }
  } catch {
    return undefined;
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function checkZipCase(c: ZipCase, sandbox: Sandbox, dir: string): Promise<string[]> {
  const list = c.entries.map((e, i) => {
    const name = e.kind === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
    return {
      name,
      data: e.kind === 'dir' ? Buffer.alloc(0) : e.kind === 'symlink' ? Buffer.from('/etc/passwd') : zipData(e.size, i),
      mode: MODE[e.kind],
      compress: e.compress,
      dir: e.kind === 'dir',
      kind: e.kind,
    };
  });
  for (const conflict of c.conflicts) {
    if (list.length === 0) break;
    const pick = (n: number) => list[n % list.length]!;
    if ('dup' in conflict) list.push({ ...pick(conflict.dup) });
    else if ('caseDup' in conflict) list.push({ ...pick(conflict.caseDup), name: pick(conflict.caseDup).name.toUpperCase() });
    else if ('child' in conflict) {
      const base = pick(conflict.child);
      if (!base.dir) list.push({ ...base, name: `${base.name}/child.txt`, kind: 'file', mode: MODE.file });
    } else {
      const base = pick(conflict.parent);
      const parent = base.name.replace(/\/$/, '').split('/').slice(0, -1).join('/');
      if (parent) list.push({ ...base, name: parent, kind: 'file', mode: MODE.file, dir: false, data: Buffer.from('parent') });
    }
  }
  if (c.withPackage) {
    list.unshift(
      { name: 'exhibit.json', data: Buffer.from(JSON.stringify(A.light)), mode: MODE.file, compress: true, dir: false, kind: 'file' },
      { name: 'pictures/a.webp', data: A.webp, mode: MODE.file, compress: false, dir: false, kind: 'file' },
      { name: 'pictures/b.webp', data: A.webpB, mode: MODE.file, compress: false, dir: false, kind: 'file' },
    );
  }
  const names = new Set(
    list.flatMap((e) => [
      e.name,
      e.name.replace(/\\/g, '/'),
      Buffer.from(e.name).toString('utf8'),
      Buffer.from(e.name.replace(/\\/g, '/')).toString('utf8'),
    ]),
  );
  let bytes = c.yazl && !c.corrupt ? await yazlZip(list) : undefined;
  if (!bytes) {
    const raw: RawEntry[] = list.map((e) => ({ name: e.name, data: e.data, mode: e.mode, method: e.compress ? 8 : 0, flags: 0x800 }));
    if (c.corrupt && 'shared' in c.corrupt && raw.length > 0)
      for (let i = 0; i < c.corrupt.shared; i += 1) raw.push({ name: `shared/${i}.txt`, shareWith: 0, flags: 0x800 });
    for (const e of raw) names.add(String(e.name));
    bytes = rawZip(raw);
  }
  let corrupted = false;
  if (c.corrupt && !('shared' in c.corrupt)) {
    corrupted = true;
    const out = Buffer.from(bytes);
    if ('flip' in c.corrupt)
      for (const f of c.corrupt.flip) out[Math.floor(f.at * out.length)] = out[Math.floor(f.at * out.length)]! ^ f.mask;
    if ('field' in c.corrupt) {
      const at = Math.min(Math.max(0, out.length - 4), Math.floor(c.corrupt.field.at * out.length));
      if (out.length >= 4) out.writeUInt32LE(c.corrupt.field.value >>> 0, at);
    }
    bytes = 'truncate' in c.corrupt ? out.subarray(0, Math.floor(c.corrupt.truncate * out.length)) : out;
  }
  const zipFile = path.join(dir, 'in.zip');
  fs.writeFileSync(zipFile, bytes);
  const dest = path.join(dir, 'dest');
  fs.mkdirSync(dest);
  const zipHash = crypto.createHash('sha256').update(bytes).digest('hex');
  const rules: string[] = [];

  if (c.withPackage && !corrupted) {
    // The whole path: validatePackage on the zip, unpacking into its own work folder.
    const workDir = path.join(dir, 'work');
    fs.mkdirSync(workDir);
    const answer = await sandbox.call<{ ok: boolean; problems: Problem[] }>({ op: 'validate', source: zipFile, options: { workDir } });
    rules.push(...answerRules(answer));
    if (answer.result) {
      rules.push(
        ...problemRules(answer.result.problems, {
          files: new Set([...names, ...list.map((e) => e.name.replace(/\/$/, ''))]),
          exhibitJson: A.light,
          manifestJson: undefined,
          label: 'in.zip',
          sandbox: top,
        }),
      );
      const bad = list.filter((e) => (e.kind !== 'file' && e.kind !== 'dir') || hostileName(e.name.replace(/\\/g, '/').replace(/\/$/, '')));
      if (answer.result.ok && bad.length > 0)
        rules.push(
          `validatePackage accepted a zip with a hostile entry: ${bad.map((e) => `${e.kind} ${JSON.stringify(e.name)}`).join(', ')}`,
        );
    }
    if ((answer.result || answer.thrown) && fs.readdirSync(workDir).length > 0)
      rules.push('validatePackage left its unpacked copy of the zip behind');
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  const answer = await sandbox.call<{ problems: Problem[] }>({ op: 'zip', zip: zipFile, dest });
  rules.push(...answerRules(answer));
  if (answer.result) {
    const { problems } = answer.result;
    outcome('zip', Array.isArray(problems) && problems.length === 0 ? 'unpacked' : 'refused');
    if (!Array.isArray(problems)) rules.push('extractZip did not return a list');
    else {
      for (const p of problems) {
        if (p.file !== 'in.zip' && !p.file.startsWith('in.zip: '))
          rules.push(`a zip problem does not name the zip: ${JSON.stringify(p).slice(0, 300)}`);
        else if (!corrupted && p.file.startsWith('in.zip: ') && !names.has(p.file.slice(8)))
          rules.push(`a zip problem names an entry the zip does not have: ${JSON.stringify(p).slice(0, 300)}`);
        if (!p.message) rules.push(`a zip problem has no message: ${JSON.stringify(p)}`);
        if (p.severity !== 'error') rules.push(`a zip problem is not an error: ${JSON.stringify(p)}`);
      }
      // The reader takes a backslash for a folder separator (yauzl, strictFileNames off), as zips
      // made on Windows need; what is judged is the name as read.
      const read = list.map((e) => ({ ...e, name: e.name.replace(/\\/g, '/') }));
      const isFolder = (e: (typeof read)[number]) => e.name.endsWith('/');
      const hostile = read.filter((e) => e.kind !== 'file' && e.kind !== 'dir').map((e) => `${e.kind} ${e.name}`);
      hostile.push(...read.filter((e) => hostileName(e.name.replace(/\/$/, ''))).map((e) => `the name ${JSON.stringify(e.name)}`));
      const lower = new Map<string, (typeof read)[number]>();
      for (const e of read) {
        const key = e.name.replace(/\/$/, '').toLowerCase();
        const other = lower.get(key);
        if (other !== undefined && !(isFolder(e) && isFolder(other)))
          hostile.push(`${JSON.stringify(e.name)} clashes with ${JSON.stringify(other.name)}`);
        lower.set(key, e);
      }
      for (const e of read) {
        const parts = e.name.replace(/\/$/, '').toLowerCase().split('/');
        for (let i = 1; i < parts.length; i += 1) {
          const prefix = parts.slice(0, i).join('/');
          if (read.some((f) => !isFolder(f) && f.name.toLowerCase() === prefix))
            hostile.push(`${JSON.stringify(e.name)} goes through a file`);
        }
      }
      if (problems.length === 0 && hostile.length > 0)
        rules.push(`extractZip unpacked a zip it must refuse: ${hostile.slice(0, 4).join('; ')}`);
      if (problems.length === 0 && !corrupted && !(c.corrupt && 'shared' in c.corrupt)) {
        const got = snapshot(dest);
        for (const [rel, node] of got) {
          if (node.type === 'dir') continue;
          if (node.type !== 'file') rules.push(`extractZip made a ${node.type} ${rel}`);
          const asRead = (name: string) => Buffer.from(name.replace(/\\/g, '/')).toString('utf8');
          const entry = list.find((e) => e.name === rel || asRead(e.name) === rel);
          if (!entry) rules.push(`extractZip wrote ${JSON.stringify(rel)}, which is no entry's name`);
          else if (!fs.readFileSync(path.join(dest, ...rel.split('/'))).equals(entry.data))
            rules.push(`extractZip wrote other bytes to ${rel}`);
        }
      }
    }
  }
  if (answer.result || answer.thrown) {
    const listing = fs.readdirSync(dir).sort();
    if (JSON.stringify(listing) !== JSON.stringify(['dest', 'in.zip']))
      rules.push(`unpacking wrote beside its folder: ${listing.join(', ')}`);
    if (crypto.createHash('sha256').update(fs.readFileSync(zipFile)).digest('hex') !== zipHash) rules.push('unpacking changed the zip');
  }
  return rules;
}

// --- import -----------------------------------------------------------------------------------------

interface ImportCase {
  model: boolean;
  manifest: ManifestOp[];
  files: FileOp[];
  version?: string;
  signature: SignatureOp;
  trusted: boolean;
  asZip: boolean;
  fifo?: 'exhibit.json' | 'manifest.json' | 'signature.json';
}

const importCaseArb: fc.Arbitrary<ImportCase> = fc.record(
  {
    model: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    manifest: fc.array(manifestOpArb, { maxLength: 2 }),
    files: fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('add' as const), name: nameArb, content: fc.constantFrom<Content>('webp', 'text', 'png') }),
        fc.record({
          op: fc.constant('flip' as const),
          file: fc.nat(),
          at: fc.double({ min: 0, max: 0.999, noNaN: true }),
          mask: fc.integer({ min: 1, max: 255 }),
        }),
        fc.record({ op: fc.constant('truncate' as const), file: fc.nat(), keep: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
        fc.record({ op: fc.constant('delete' as const), file: fc.nat() }),
        fc.record({ op: fc.constant('symlink' as const), name: nameArb, target: fc.constantFrom('/etc/passwd', '/dev/zero', '../../..') }),
      ),
      { maxLength: 1 },
    ),
    version: fc.oneof(
      { arbitrary: fc.constant('1.0.0'), weight: 8 },
      { arbitrary: fc.constantFrom('2.0.0', '0.0.1', '1.0', 'x'), weight: 1 },
    ),
    signature: signatureOpArb,
    trusted: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
    asZip: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    fifo: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 12 },
      {
        arbitrary: fc.constantFrom<'exhibit.json' | 'manifest.json' | 'signature.json'>('exhibit.json', 'manifest.json', 'signature.json'),
        weight: 1,
      },
    ),
  },
  { requiredKeys: ['model', 'manifest', 'files', 'signature', 'trusted', 'asZip', 'fifo'] },
);

async function checkImportCase(c: ImportCase, sandbox: Sandbox, dir: string, seed: number): Promise<string[]> {
  const must: string[] = [];
  const files = new Map<string, Buffer>([
    ['pictures/a.webp', A.webp],
    ['pictures/b.webp', A.webpB],
  ]);
  if (c.model) files.set('models/m.glb', A.glb);
  const exhibit = structuredClone(c.model ? A.full : A.light);
  if (c.version) exhibit.version = c.version;
  files.set('exhibit.json', Buffer.from(JSON.stringify(exhibit)));
  const m = manifestOf(files, { id: 'fixture', version: String(exhibit.version) });
  applyManifestOps(m, c.manifest);
  const manifest = manifestBytes(m);
  const special: Special = { symlinks: [], fifos: [], dirs: [] };
  applyFileOps(
    files,
    c.files,
    special,
    seed,
    new Map([...files.keys()].map((k) => [k, { content: k.endsWith('.glb') ? 'glb' : k.endsWith('.json') ? 'exhibit' : 'webp' }])),
  );
  files.set('manifest.json', manifest);
  if (c.trusted) {
    const signature = signatureFor(manifest, c.signature);
    if (signature) files.set('signature.json', signature);
    if (c.signature !== 'valid') must.push(`the signature is ${c.signature}`);
  }
  if (c.fifo && !c.asZip) {
    files.delete(c.fifo);
    special.fifos.push(c.fifo);
    must.push(`${c.fifo} is a pipe`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(String(exhibit.version))) must.push('the version is not a version');
  const src = path.join(dir, 'src');
  const { made } = writePackage(src, files, special);
  if (!c.asZip) must.push(...made);
  // What is on the stick now against what the manifest says.
  const entries = Array.isArray(m.files) ? m.files : [];
  const onDisk = snapshot(src);
  must.push(...manifestFaults(m, src, exhibit.id, exhibit.version));
  let source = src;
  if (c.asZip) {
    source = path.join(dir, 'package.zip');
    await zipFolder(src, source);
  }
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  const before = snapshot(src);
  const topBefore = fs.readdirSync(dir).sort();
  const keys = c.trusted ? [A.publicKey] : undefined;

  const verdict = await sandbox.call<{ ok: boolean; problems: Problem[] }>({
    op: 'validate',
    source,
    options: { requireManifest: true, ...(keys ? { trustedKeys: keys } : {}), workDir: work },
  });
  const answer = await sandbox.call<{ ok: boolean; name?: string; problems?: Problem[] }>({
    op: 'import',
    source,
    dataDir: data,
    trustedKeys: keys,
  });
  const rules = answerRules(answer);
  releaseFifos(src);
  if (answer.result) {
    const r = answer.result;
    outcome('import', r.ok ? 'installed' : 'refused');
    if (!r.ok)
      rules.push(
        ...problemRules(r.problems, {
          files: new Set([...onDisk.keys(), ...entries.map((f) => String(f?.path))]),
          exhibitJson: parseOrUndefined(files.get('exhibit.json')),
          manifestJson: parseOrUndefined(manifest),
          label: path.basename(source),
          sandbox: top,
        }),
      );
    else if (r.problems && r.problems.length > 0) rules.push('installed, yet reports problems');
    if (r.ok && must.length > 0) rules.push(`installed a package it must refuse: ${must.slice(0, 4).join('; ')}`);
    if (verdict.result) {
      if (r.ok && !verdict.result.ok)
        rules.push(
          `installed a package validatePackage refuses: ${verdict.result.problems
            .filter((p) => p.severity === 'error')
            .slice(0, 2)
            .map((p) => `${p.file}: ${p.place}: ${p.message}`)
            .join('; ')}`,
        );
      if (!r.ok && verdict.result.ok)
        rules.push(
          `refused a package validatePackage accepts: ${(r.problems ?? [])
            .slice(0, 2)
            .map((p) => `${p.file}: ${p.place}: ${p.message}`)
            .join('; ')}`,
        );
    }
    const staging = path.join(data, 'content', 'staging');
    if (fs.existsSync(staging) && fs.readdirSync(staging).length > 0)
      rules.push(`left files in staging: ${fs.readdirSync(staging).join(', ')}`);
    const versions = path.join(data, 'content', 'versions');
    const installed = fs.existsSync(versions) ? fs.readdirSync(versions) : [];
    if (!r.ok && installed.length > 0) rules.push(`refused, yet a version was left: ${installed.join(', ')}`);
    if (r.ok) {
      if (installed.length !== 1) rules.push(`installed, but the versions are ${installed.join(', ')}`);
      else {
        const pkg = path.join(versions, installed[0]!, 'package');
        const got = [...snapshot(pkg)]
          .filter(([, n]) => n.type !== 'dir')
          .map(([p]) => p)
          .sort();
        const want = [
          ...(Array.isArray(m.files) ? m.files.map((f) => String(f.path)) : []),
          'manifest.json',
          ...(files.has('signature.json') ? ['signature.json'] : []),
        ].sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) rules.push(`installed other files than the manifest lists: ${got.join(', ')}`);
      }
    }
  }
  rules.push(...answerRules(verdict).map((r) => `validatePackage (requireManifest) ${r}`));
  if (answer.result || answer.thrown) {
    const after = snapshot(src);
    const diff = changes(before, after);
    if (diff.length > 0) rules.push(`the import changed the package on the stick: ${diff.slice(0, 5).join(', ')}`);
    const topAfter = fs.readdirSync(dir).sort();
    if (JSON.stringify(topAfter) !== JSON.stringify(topBefore))
      rules.push(`the import wrote outside the data folder: ${topAfter.join(', ')}`);
  }
  return rules;
}

// --- heavy cases, for the memory limit ----------------------------------------------------------------

type HeavyCase =
  | { kind: 'exhibitHugeString'; mb: number; char: 'a' | 'cjk' }
  | { kind: 'exhibitDeep'; depth: number }
  | { kind: 'exhibitManyPanels'; panels: number }
  | { kind: 'markupLong'; kb: number }
  | { kind: 'glbDeep'; depth: number }
  | { kind: 'glbBigBinary'; mb: number }
  | { kind: 'glbBigJson'; mb: number }
  | { kind: 'manifestMany'; entries: number }
  | { kind: 'zipManyEntries'; entries: number }
  | { kind: 'zipBigEntry'; mb: number }
  | { kind: 'pictureAtLimit' }
  | { kind: 'pictureOverLimit' }
  | { kind: 'manyFiles'; files: number };

const heavyCaseArb: fc.Arbitrary<HeavyCase> = fc.oneof(
  fc.record({
    kind: fc.constant('exhibitHugeString' as const),
    mb: fc.double({ min: 0.5, max: 3.9, noNaN: true }),
    char: fc.constantFrom<'a' | 'cjk'>('a', 'cjk'),
  }),
  fc.record({ kind: fc.constant('exhibitDeep' as const), depth: fc.integer({ min: 1000, max: 1_900_000 }) }),
  fc.record({ kind: fc.constant('exhibitManyPanels' as const), panels: fc.integer({ min: 1000, max: 8000 }) }),
  fc.record({ kind: fc.constant('markupLong' as const), kb: fc.integer({ min: 100, max: 3500 }) }),
  fc.record({ kind: fc.constant('glbDeep' as const), depth: fc.integer({ min: 1000, max: 2_000_000 }) }),
  fc.record({ kind: fc.constant('glbBigBinary' as const), mb: fc.integer({ min: 8, max: 64 }) }),
  fc.record({ kind: fc.constant('glbBigJson' as const), mb: fc.integer({ min: 2, max: 15 }) }),
  fc.record({ kind: fc.constant('manifestMany' as const), entries: fc.integer({ min: 2000, max: 15_000 }) }),
  fc.record({ kind: fc.constant('zipManyEntries' as const), entries: fc.integer({ min: 1000, max: 6000 }) }),
  fc.record({ kind: fc.constant('zipBigEntry' as const), mb: fc.integer({ min: 8, max: 100 }) }),
  fc.constant<HeavyCase>({ kind: 'pictureAtLimit' }),
  fc.constant<HeavyCase>({ kind: 'pictureOverLimit' }),
  fc.record({ kind: fc.constant('manyFiles' as const), files: fc.integer({ min: 500, max: 3000 }) }),
);

function glbWithBinary(json: string, binary: number): Buffer {
  let text = json;
  while (Buffer.byteLength(text) % 4) text += ' ';
  const chunk = Buffer.from(text);
  const header = Buffer.alloc(20);
  header.writeUInt32LE(0x46546c67, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(20 + chunk.length + 8 + binary, 8);
  header.writeUInt32LE(chunk.length, 12);
  header.writeUInt32LE(0x4e4f534a, 16);
  const binHeader = Buffer.alloc(8);
  binHeader.writeUInt32LE(binary, 0);
  binHeader.writeUInt32LE(0x004e4942, 4);
  return Buffer.concat([header, chunk, binHeader, Buffer.alloc(binary)]);
}

async function checkHeavyCase(c: HeavyCase, sandbox: Sandbox, dir: string): Promise<string[]> {
  const pkg = path.join(dir, 'pkg');
  const files = new Map<string, Buffer>([
    ['pictures/a.webp', A.webp],
    ['pictures/b.webp', A.webpB],
  ]);
  const exhibit = structuredClone(A.full);
  files.set('models/m.glb', A.glb);
  let source = pkg;
  let exhibitText: string | undefined;
  const listed = new Set<string>();
  const json = JSON.stringify(glbJson(A.glb));
  switch (c.kind) {
    case 'exhibitHugeString':
      exhibit.title.en = [(c.char === 'cjk' ? '文' : 'a').repeat(Math.floor((c.mb * 1024 * 1024) / (c.char === 'cjk' ? 3 : 1)))];
      break;
    case 'exhibitDeep':
      exhibitText = `${JSON.stringify(exhibit).slice(0, -1)},"x":${'['.repeat(c.depth)}${']'.repeat(c.depth)}}`;
      break;
    case 'exhibitManyPanels':
      exhibit.sections[0].panels = Array.from({ length: c.panels }, (_, i) => ({
        id: `p-${i}`,
        type: 'text',
        body: { 'zh-Hans': ['<p>文</p>'], ru: ['<p>Т</p>'], en: [`<p>${'<em>x</em>'.repeat(20)}</p>`] },
      }));
      break;
    case 'markupLong':
      exhibit.sections[0].panels[0].body.en = [`<p>${'<em>a</em><strong>b</strong>'.repeat(Math.floor((c.kb * 1024) / 30))}</p>`];
      break;
    case 'glbDeep':
      files.set('models/m.glb', glbWithJsonText(A.glb, `${json.slice(0, -1)},"extras":${'['.repeat(c.depth)}${']'.repeat(c.depth)}}`));
      break;
    case 'glbBigBinary':
      files.set('models/m.glb', glbWithBinary(json.replace(/"byteLength":\d+/, `"byteLength":${c.mb * 1024 * 1024}`), c.mb * 1024 * 1024));
      break;
    case 'glbBigJson':
      files.set('models/m.glb', glbWithJsonText(A.glb, `${json.slice(0, -1)},"extras":{"pad":"${'x'.repeat(c.mb * 1024 * 1024)}"}}`));
      break;
    case 'manifestMany': {
      const m = manifestOf(new Map([...files, ['exhibit.json', Buffer.from(JSON.stringify(exhibit))]]));
      for (let i = 0; i < c.entries; i += 1) {
        m.files.push({ path: `pad/${i}.webp`, size: 10, sha256: '0'.repeat(64) });
        listed.add(`pad/${i}.webp`);
      }
      files.set('manifest.json', manifestBytes(m));
      break;
    }
    case 'pictureAtLimit':
      files.set('pictures/a.png', A.bigPng);
      exhibit.sections[0].cover = 'pictures/a.png';
      break;
    case 'pictureOverLimit':
      files.set('pictures/a.png', A.hugePng);
      exhibit.sections[0].cover = 'pictures/a.png';
      break;
    case 'manyFiles':
      for (let i = 0; i < c.files; i += 1) files.set(`many/${i % 50}/p${i}.webp`, A.webp);
      break;
    case 'zipManyEntries':
    case 'zipBigEntry':
      break;
  }
  files.set('exhibit.json', Buffer.from(exhibitText ?? JSON.stringify(exhibit)));
  const special: Special = { symlinks: [], fifos: [], dirs: [] };
  const workDir = path.join(dir, 'unzip');
  fs.mkdirSync(workDir);
  if (c.kind === 'zipManyEntries' || c.kind === 'zipBigEntry') {
    const raw: RawEntry[] = [...files].map(([name, data]) => ({ name, data }));
    if (c.kind === 'zipManyEntries')
      for (let i = 0; i < c.entries; i += 1) raw.push({ name: `many/${i}/README.txt`, data: Buffer.from(`${i}`) });
    else raw.push({ name: 'big/README.txt', data: Buffer.alloc(c.mb * 1024 * 1024, 0x61) });
    for (const e of raw) listed.add(String(e.name));
    source = path.join(dir, 'package.zip');
    fs.writeFileSync(source, rawZip(raw));
  } else writePackage(pkg, files, special);
  const answer = await sandbox.call<{ ok: boolean; problems: Problem[] }>({ op: 'validate', source, options: { workDir } }, 120_000);
  const rules = answerRules(answer);
  if (answer.result) {
    rules.push(
      ...problemRules(answer.result.problems, {
        files: new Set([...files.keys(), ...listed]),
        exhibitJson: undefined,
        manifestJson: undefined,
        label: source.endsWith('.zip') ? 'package.zip' : undefined,
        sandbox: top,
      }),
    );
    if (answer.result.ok && ['exhibitDeep', 'glbDeep', 'pictureOverLimit', 'manifestMany'].includes(c.kind))
      rules.push(`accepted a package it must refuse (${c.kind})`);
  }
  // Which case takes the sandbox over the memory limit: the peak is read after every heavy case,
  // and a sandbox that went over is replaced, so that the next case is measured afresh.
  const was = sandbox.peakExtra;
  await sandbox.sample();
  if (process.env.FUZZ_TRACE && sandbox.peakExtra > was)
    console.log(`TRACE ${Math.round(sandbox.peakExtra / 1048576)} MB after ${JSON.stringify(c)}`);
  if (sandbox.peakExtra > HEAP_MB * 1024 * 1024 && sandbox.peakExtra > was) {
    rules.push(`the sandbox's RSS rose to ${Math.round(sandbox.peakExtra / 1024 / 1024)} MB above its loaded size (limit ${HEAP_MB} MB)`);
    overLimit.push(Math.round(sandbox.peakExtra / 1024 / 1024));
    sandbox.peakExtra = 0;
    sandbox.kill();
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('fuzzing the validator, the zip reader and the import', () => {
  beforeAll(async () => {
    // A memory-backed folder where there is one (file operations dominate the time otherwise).
    const shm = '/dev/shm';
    const base = fs.existsSync(shm) && fs.statfsSync(shm).bavail * fs.statfsSync(shm).bsize > 4 * 1024 ** 3 ? shm : os.tmpdir();
    top = fs.mkdtempSync(path.join(base, 'kiosk-fuzz-'));
    cases = path.join(top, ...LEVELS, 'cases');
    fs.mkdirSync(cases, { recursive: true });
    runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-fuzz-runner-'));
    fs.writeFileSync(path.join(runnerDir, 'runner.mjs'), RUNNER);
    const webp = await makePicture(64, 48);
    const glb = Buffer.from(await makeGlb(['hood']));
    const full = validExhibit();
    const light = validExhibit();
    delete light.model;
    const isAsset = (p: JsonPath) =>
      ['src', 'cover', 'poster'].includes(String(p.at(-1))) || (p[0] === 'attract' && p.at(-1) === 'picture');
    const keyDir = path.resolve(HERE, '../../../fixtures/corpus/keys');
    A = {
      webp,
      webpB: await makePicture(80, 60),
      png: await makePicture(8, 8, 'png'),
      jpeg: await makePicture(8, 8, 'jpeg'),
      glb,
      glbPaths: allPaths(glbJson(glb)),
      full,
      light,
      fullPaths: allPaths(full),
      lightPaths: allPaths(light),
      assetPaths: allPaths(full).filter(isAsset),
      privateKey: fs.readFileSync(path.join(keyDir, 'corpus.private.pem'), 'utf8'),
      publicKey: fs.readFileSync(path.join(keyDir, 'corpus.public.pem'), 'utf8'),
      // The largest picture the limits allow (24 megapixels), and one just over them: small files, huge pixels.
      bigPng: await (
        await import('sharp')
      )
        .default({ create: { width: 4898, height: 4898, channels: 3, background: '#b3261e' } })
        .png()
        .toBuffer(),
      hugePng: await (
        await import('sharp')
      )
        .default({ create: { width: 8200, height: 8200, channels: 3, background: '#b3261e' } })
        .png()
        .toBuffer(),
    };
    sandboxes = Array.from({ length: SANDBOXES }, () => new Sandbox(path.join(runnerDir, 'runner.mjs')));
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED), scale ${SCALE} (FUZZ_SCALE), sandboxes of ${HEAP_MB} MB heap in ${top}`);
  }, 120_000);

  afterAll(async () => {
    for (const s of sandboxes) s.kill();
    if (top) fs.rmSync(top, { recursive: true, force: true });
    if (runnerDir) fs.rmSync(runnerDir, { recursive: true, force: true });
    const total = Object.values(counts).reduce((n, c) => n + c.cases, 0);
    console.log(
      `fuzz: ${total} packages in all (${Object.entries(counts)
        .map(([k, c]) => `${k} ${c.cases} in ${(c.ms / 1000).toFixed(0)} s`)
        .join(', ')}); outcomes ${JSON.stringify(outcomes)}`,
    );
    if (failures.length > 0) console.log(`fuzz: every kind of failure, with its first case:\n${report()}`);
  });

  it(`validatePackage on mutated package folders (${RUNS.folder} cases) resolves, names a file and place for every error, and refuses what it must`, async () => {
    await runProperty('folder', folderCaseArb(), RUNS.folder, SEED, (c, s, dir) => checkFolderCase(c, s, dir, SEED));
    expect(report('folder'), 'failures').toBe('');
  }, 900_000);

  it(`extractZip on generated and damaged zips (${RUNS.zip} cases) never throws, names the zip and entry, and writes only inside its folder`, async () => {
    await runProperty('zip', zipCaseArb, RUNS.zip, SEED + 1, checkZipCase);
    expect(report('zip'), 'failures').toBe('');
  }, 900_000);

  it(`importPackage with mutated manifests (${RUNS.import} cases) refuses or installs, agrees with the validator, and writes only in its data folder`, async () => {
    await runProperty('import', importCaseArb, RUNS.import, SEED + 2, (c, s, dir) => checkImportCase(c, s, dir, SEED + 2));
    expect(report('import'), 'failures').toBe('');
  }, 900_000);

  it(`heavy packages (${RUNS.heavy} cases: huge strings, deep nesting, big models, many entries) complete under a ${HEAP_MB} MB heap`, async () => {
    await runProperty('heavy', heavyCaseArb, RUNS.heavy, SEED + 3, checkHeavyCase);
    expect(report('heavy'), 'failures').toBe('');
  }, 900_000);

  it(`every sandbox stayed under ${HEAP_MB} MB of RSS above its loaded size, and the cases add up to at least 10,000 at full scale`, async () => {
    for (const s of sandboxes) await s.sample();
    const peaks = [...sandboxes.map((s) => Math.round(s.peakExtra / 1024 / 1024)), ...overLimit];
    console.log(
      `fuzz: peak RSS above the loaded sandbox: ${peaks.join(' MB, ')} MB; sandbox starts: ${sandboxes.map((s) => s.starts).join(', ')}`,
    );
    expect(Math.max(...peaks), 'peak RSS above the loaded sandbox, MB').toBeLessThan(HEAP_MB);
    if (SCALE >= 1) expect(RUNS.folder + RUNS.zip + RUNS.import + RUNS.heavy).toBeGreaterThanOrEqual(10_000);
  }, 60_000);
});
