/**
 * Watching for sticks that carry a content package. Late mounts and sticks pulled out are
 * ordinary events: the watcher polls, compares, and reports only changes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { listMounts, type Mount, type MountFilter } from './mounts.ts';

/** A package found on a stick: a folder with `exhibit.json`, or a `.zip`. */
export interface StickPackage {
  path: string;
  kind: 'folder' | 'zip';
  /** The folder or file name, for staff to recognise it. */
  name: string;
}

/** A mounted stick and the packages on it. */
export interface Stick {
  mountPoint: string;
  label: string;
  packages: StickPackage[];
}

const MAX_ENTRIES = 500;

/** The packages at the top of a stick or one folder down; a hostile stick cannot make this slow. */
export async function findPackages(mountPoint: string): Promise<StickPackage[]> {
  const found: StickPackage[] = [];
  const isFile = async (p: string) => (await fs.lstat(p).catch(() => undefined))?.isFile() ?? false;
  if (await isFile(path.join(mountPoint, 'exhibit.json')))
    found.push({ path: mountPoint, kind: 'folder', name: path.basename(mountPoint) });
  const entries = (await fs.readdir(mountPoint, { withFileTypes: true }).catch(() => [])).slice(0, MAX_ENTRIES);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(mountPoint, entry.name);
    if (entry.isDirectory() && (await isFile(path.join(full, 'exhibit.json'))))
      found.push({ path: full, kind: 'folder', name: entry.name });
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.zip')) found.push({ path: full, kind: 'zip', name: entry.name });
  }
  return found;
}

/** Options of a watcher; the mount listing and package search are parameters so tests can pass their own. */
export interface StickWatcherOptions {
  roots: readonly string[];
  /** Which mounts under the roots are sticks (removable devices by default). */
  filter?: MountFilter;
  intervalMs?: number;
  list?: (roots: readonly string[]) => Promise<Mount[]>;
  find?: (mountPoint: string) => Promise<StickPackage[]>;
  onChange: (sticks: Stick[]) => void;
}

/** Polls the mount table and reports the sticks whenever what is mounted (or on them) changes. */
export class StickWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = '';
  private current: Stick[] = [];
  private running = false;

  constructor(private readonly options: StickWatcherOptions) {}

  /** The sticks seen at the last poll. */
  get sticks(): Stick[] {
    return this.current;
  }

  /** Looks once, now; reports a change if there is one. */
  async poll(): Promise<Stick[]> {
    const list =
      this.options.list ?? ((roots: readonly string[]) => listMounts(roots, process.platform, this.options.filter ?? 'removable'));
    const find = this.options.find ?? findPackages;
    const mounts = await list(this.options.roots);
    const sticks: Stick[] = [];
    for (const m of mounts)
      sticks.push({ mountPoint: m.mountPoint, label: path.basename(m.mountPoint), packages: await find(m.mountPoint).catch(() => []) });
    const key = JSON.stringify(sticks);
    if (key !== this.last) {
      this.last = key;
      this.current = sticks;
      this.options.onChange(sticks);
    }
    return sticks;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = async () => {
      if (!this.running) return;
      await this.poll().catch(() => undefined);
      if (this.running) this.timer = setTimeout(() => void tick(), this.options.intervalMs ?? 2000);
    };
    void tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }
}
