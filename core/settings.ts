/**
 * Kiosk settings, kept as `settings.json` in the data directory. A missing or damaged file
 * means the defaults: a kiosk must start whatever state its disk is in.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './fs-atomic.ts';

/** Everything a settings file may hold. */
export const SettingsSchema = z.object({
  idleSeconds: z.number().min(1).max(3600).nullable().default(null),
  countdownSeconds: z.number().min(1).max(600).nullable().default(null),
  /** Ed25519 public keys (PEM) of those allowed to sign packages; once one is set, unsigned packages are refused. */
  trustedKeys: z.array(z.string().max(2000)).max(20).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings of a kiosk with an empty data directory. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads and writes the settings file of one data directory. */
export class SettingsStore {
  readonly file: string;
  private overrides: Partial<Settings>;

  /** `overrides` (from the command line) win over the file and are never written. */
  constructor(dataDir: string, overrides: Partial<Settings> = {}) {
    this.file = path.join(dataDir, 'settings.json');
    this.overrides = overrides;
  }

  /** The settings in force: the file's (or the defaults) with the overrides on top. */
  async read(): Promise<Settings> {
    let stored: Settings = DEFAULT_SETTINGS;
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      if (parsed.success) stored = parsed.data;
    } catch {
      // No file, or not JSON: the defaults.
    }
    return { ...stored, ...this.overrides };
  }

  /** Changes stored settings (the overrides stay as they are), written atomically. */
  async update(change: Partial<Settings>): Promise<Settings> {
    let stored: Settings = DEFAULT_SETTINGS;
    try {
      stored = SettingsSchema.parse(JSON.parse(await fs.readFile(this.file, 'utf8')));
    } catch {
      // Start from the defaults.
    }
    const next = SettingsSchema.parse({ ...stored, ...change });
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    return { ...next, ...this.overrides };
  }
}
