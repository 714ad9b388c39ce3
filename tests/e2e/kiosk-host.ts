import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, type Request } from '@playwright/test';

/** A browser host started through its real command line, on a fresh data directory. */
export interface KioskHost {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Options passed to `npm run preview` as flags. */
export interface HostOptions {
  content?: string;
  dataDir?: string;
  idle?: number;
  countdown?: number;
  mountRoots?: string[];
}

/** Starts the built browser host (`npm run preview` runs the same file) and waits for the address it prints. */
export async function startHost(options: HostOptions = {}): Promise<KioskHost> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-data-'));
  const args = ['dist/browser-host/cli.js', '--no-open', '--data', dataDir];
  if (options.content) args.push('--content', options.content);
  if (options.idle !== undefined) args.push('--idle', String(options.idle));
  if (options.countdown !== undefined) args.push('--countdown', String(options.countdown));
  args.push('--mount-roots', (options.mountRoots ?? [path.join(dataDir, 'no-media')]).join(','));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kiosk ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Records every request the page makes that does not stay on the host (or in memory). */
export function watchOutsideRequests(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  return outside;
}

/** Opens the kiosk and waits for the home screen's title. */
export async function openKiosk(page: Page, host: KioskHost): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
