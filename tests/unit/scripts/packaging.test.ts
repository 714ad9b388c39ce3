import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../../scripts/electronegativity.mjs';

const root = path.resolve('.');
let config: Configuration;

beforeAll(async () => {
  // The built app is checked below: build it when the sources are newer (a no-op otherwise).
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'ignore' });
  // electron-builder's own reader (the pinned electron-builder's app-builder-lib), so the test reads the file as packaging will.
  config = await getConfig(root, 'electron-builder.yml', null);
}, 180_000);

/** The `files` patterns, as electron-builder normalises them. */
function filePatterns(): string[] {
  const files = (config.files ?? []) as (string | { filter?: string | string[] })[];
  return files.flatMap((f) => (typeof f === 'string' ? [f] : [f.filter ?? []].flat()));
}

/** Whether electron-builder's `files` would put `file` (relative to the project) in the package. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of filePatterns()) {
    if (pattern.startsWith('!')) {
      if (path.matchesGlob(file, pattern.slice(1))) included = false;
    } else if (path.matchesGlob(file, pattern)) included = true;
  }
  return included;
}

/** Every module a bundled file imports or requires. */
function importsOf(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const re of [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\b(?:__)?require\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s*["']([^"']+)["']/gm,
  ])
    for (const match of code.matchAll(re)) found.add(match[1]!);
  // What only looks like an import inside a string ("not separated from '-->'") names no module.
  return [...found].filter((m) => /^(node:|\.{1,2}\/|@?[a-z0-9])/i.test(m));
}

describe('packaging (electron-builder.yml)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets the fuses: no Node mode, no inspector or NODE_OPTIONS, the app only from its integrity-checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('packs into an asar, as an AppImage and a deb for Linux and an NSIS installer for Windows', () => {
    expect(config.asar).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.executableName).toBe('dongfanghong-kiosk');
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('ships the built main process, renderer and default content, and no node_modules', () => {
    const patterns = filePatterns();
    for (const p of ['dist/electron/**', 'dist/renderer/**', 'assets/content/**']) expect(patterns).toContain(p);
    expect(patterns).toContain('!node_modules/**');
    for (const file of [
      'package.json',
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/safe-mode/index.html',
      'assets/content/exhibit.json',
      'assets/content/models/dt54.glb',
    ])
      expect(packaged(file), file).toBe(true);
    for (const file of [
      'node_modules/zod/package.json',
      'dist/renderer/assets/index.js.map',
      'electron/main.ts',
      'tests/fixtures/packages/minimal/exhibit.json',
      'dist/browser-host/bridge.js',
    ])
      expect(packaged(file), file).toBe(false);
  });
});

describe('supervisor files (deploy/)', () => {
  it('run the packaged executable under systemd, restarting it always, after the desktop session starts', () => {
    const unit = fs.readFileSync('deploy/linux/dongfanghong-kiosk.service', 'utf8');
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];
    expect(value('ExecStart')).toBe(`/usr/bin/${config.linux?.executableName}`);
    expect(value('Restart')).toBe('always');
    expect(Number(value('RestartSec'))).toBeGreaterThan(0);
    expect(value('After')).toBe('graphical-session.target');
    expect(value('WantedBy')).toBe('graphical-session.target');
    expect(value('StartLimitIntervalSec')).toBe('0');
    expect(value('Environment')).toMatch(/^KIOSK_DATA_DIR=/);
  });

  it('start the installed app at logon under Windows and start it again every minute when it is not running', () => {
    const task = fs.readFileSync('deploy/windows/dongfanghong-kiosk-task.xml', 'utf8');
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(task)?.[1];
    expect(task).toContain('<LogonTrigger>');
    expect(tag('Interval')).toBe('PT1M');
    expect(tag('MultipleInstancesPolicy')).toBe('IgnoreNew');
    expect(tag('ExecutionTimeLimit')).toBe('PT0S');
    expect(tag('DisallowStartIfOnBatteries')).toBe('false');
    expect(tag('Command')).toBe(`"C:\\Program Files\\${config.productName}\\${config.productName}.exe"`);
    expect(config.nsis?.perMachine).toBe(true);
  });
});

describe('the built app (dist/)', () => {
  it('has the main process, the preload, the renderer and the safe-mode page where package.json and the window expect them', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    for (const file of [
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/safe-mode/index.html',
      'dist/renderer/safe-mode/fonts.css',
      'dist/renderer/safe-mode/safe-mode.css',
    ])
      expect(fs.statSync(file).size, file).toBeGreaterThan(0);
    const fonts = fs.readFileSync('dist/renderer/safe-mode/fonts.css', 'utf8');
    for (const [, file] of fonts.matchAll(/url\(\.\.\/assets\/([^)]+)\)/g))
      expect(fs.existsSync(path.join('dist/renderer/assets', file!)), file).toBe(true);
  });

  it('needs nothing from node_modules at run time but sharp (native code), which is packaged with what it needs and unpacked from the asar', () => {
    const native = ['sharp'];
    for (const file of ['dist/electron/main.js', 'dist/electron/preload.cjs']) {
      const imports = importsOf(file);
      const chunks = imports.filter((m) => m.startsWith('./'));
      for (const chunk of chunks) expect(fs.existsSync(path.join(path.dirname(file), chunk)), `${file} → ${chunk}`).toBe(true);
      const foreign = imports.filter((m) => m !== 'electron' && !isBuiltin(m) && !m.startsWith('./'));
      expect(foreign, file).toEqual(file.endsWith('main.js') ? native : []);
    }
    // Every module sharp loads at run time, walked from the installed tree, is in the package.
    const needed = new Set<string>();
    const walk = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const manifest = JSON.parse(fs.readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})])
        if (fs.existsSync(path.join('node_modules', dep, 'package.json'))) walk(dep);
    };
    for (const name of native) walk(name);
    for (const name of needed) expect(packaged(`node_modules/${name}/package.json`), name).toBe(true);
    expect(packaged('node_modules/react/package.json')).toBe(false);
    const unpacked = (config.asarUnpack ?? []) as string[];
    for (const name of needed.values())
      if (fs.readdirSync(path.join('node_modules', name), { recursive: true }).some((f) => /\.(node|so(\.\d+)*|dll)$/.test(String(f))))
        expect(
          unpacked.some((u) => path.matchesGlob(`node_modules/${name}/x`, u)),
          name,
        ).toBe(true);
  });

  it('puts the glTF validator beside both hosts as files a worker thread can load, outside the asar', () => {
    for (const dir of ['dist/electron', 'dist/browser-host'])
      expect(fs.statSync(path.join(dir, 'gltf-validator', 'gltf_validator.dart.js')).size).toBeGreaterThan(100_000);
    expect(packaged('dist/electron/gltf-validator/index.js')).toBe(true);
    expect(((config.asarUnpack ?? []) as string[]).some((u) => path.matchesGlob('dist/electron/gltf-validator/index.js', u))).toBe(true);
  });

  it('carries the kiosk CSP in the page itself, not only in the hosts’ headers', () => {
    const html = fs.readFileSync('dist/renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta![1]!.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});

describe('Electronegativity audit of electron/ and dist/', () => {
  it('leaves no HIGH or MEDIUM finding unfixed or unreviewed (scripts/electronegativity.json)', async () => {
    const { findings, errors } = await audit();
    expect(errors).toEqual([]);
    expect(findings.filter((f) => f.blocking).map((f) => `${f.severity} ${f.check} ${f.scan}/${f.file}:${f.line} ${f.sample}`)).toEqual([]);
    // Both scans ran and saw the Electron host.
    expect(findings.some((f) => f.scan === 'dist' && f.file === 'electron/main.js')).toBe(true);
    expect(findings.some((f) => f.scan === 'electron')).toBe(true);
  }, 120_000);
});
