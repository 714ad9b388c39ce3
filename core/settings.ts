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
  /** Local time `HH:MM` at which the kiosk restarts itself each night; null: never. */
  nightlyRestart: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 03:30')
    .nullable()
    .default(null),
  /** The renderer's memory, in MB, above which it is recycled; null: no ceiling. */
  memoryCeilingMb: z.number().int().min(256).max(65_536).nullable().default(null),
  /** Hide the mouse cursor: on touch screens (as Electron reports them), always, or never. */
  hideCursor: z.enum(['touch', 'always', 'never']).default('touch'),
});
/** The kiosk's settings as read from its data folder, defaults filled in. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings of a kiosk with an empty data directory. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Whether the cursor is hidden, given the setting and what the displays report about touch
 * (Electron's `Display.touchSupport`): a touch kiosk shows no arrow under the visitor's finger,
 * while a screen driven by a mouse keeps it.
 */
export function hidesCursor(setting: Settings['hideCursor'], touchSupport: readonly ('available' | 'unavailable' | 'unknown')[]): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return touchSupport.includes('available');
}

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
