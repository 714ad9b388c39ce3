/**
 * Which content package is active: a preview folder when staff asked for one, else the version
 * the data directory's pointer names, else the default package embedded in the app.
 */
import path from 'node:path';
import type { ActiveContent } from '../contract.ts';
import type { Exhibit, Language } from './schema.ts';
import { formatProblem, loadPackage, type LoadResult } from './load.ts';
import { validatePackage } from './validate.ts';
import { packageDirOf, readPointer } from '../import/versions.ts';

/** Loads a package through the full validator: files, media, model, markup and manifest. */
export async function loadValidated(dir: string): Promise<LoadResult> {
  const report = await validatePackage(dir, { installed: true });
  await report.cleanup();
  return report.ok
    ? { ok: true, exhibit: report.exhibit!, format: report.format!, languages: report.languages!, problems: report.problems }
    : { ok: false, problems: report.problems };
}

/** The active package, on disk. */
export interface ActivePackage {
  dir: string;
  source: ActiveContent['source'];
  exhibit: Exhibit;
  languages: Language[];
  key: string;
}

/** Where the store looks. */
export interface ContentStoreOptions {
  /** The kiosk's data directory (installed versions live in `content/` under it). */
  dataDir: string;
  /** The package embedded in the app. */
  defaultDir: string;
  /** A package folder to show instead of everything else (staff preview). */
  previewDir?: string;
  /** Reads and checks a preview or installed package; the full content validator by default. */
  load?: (dir: string) => Promise<LoadResult>;
  /**
   * Reads the embedded default package. It ships inside the app and is validated in full by the
   * test suite, so a schema check suffices at start-up.
   */
  loadDefault?: (dir: string) => Promise<LoadResult>;
}

/** A package that cannot be shown, with every problem found. */
export class PackageError extends Error {
  override name = 'PackageError';
  constructor(
    readonly dir: string,
    readonly problems: readonly string[],
  ) {
    super(`The content package in ${dir} cannot be shown:\n  ${problems.join('\n  ')}`);
  }
}

/** Resolves and caches the active package. */
export class ContentStore {
  private current: ActivePackage | undefined;
  private readonly load: (dir: string) => Promise<LoadResult>;
  private readonly loadDefault: (dir: string) => Promise<LoadResult>;

  constructor(private readonly options: ContentStoreOptions) {
    this.load = options.load ?? loadValidated;
    this.loadDefault = options.loadDefault ?? loadPackage;
  }

  /** The active package (read once, then cached until `refresh`). */
  async active(): Promise<ActivePackage> {
    this.current ??= await this.resolve();
    return this.current;
  }

  /** The package embedded in the app, whatever is active (staff can always go back to it). */
  async builtIn(): Promise<ActivePackage> {
    this.embedded ??= await this.open(this.options.defaultDir, 'default');
    return this.embedded;
  }

  private embedded: ActivePackage | undefined;

  /** Reads the active package again, as after an import or a rollback. */
  async refresh(): Promise<ActivePackage> {
    this.current = await this.resolve();
    return this.current;
  }

  /**
   * Reads a package. Its key names this copy of it: an installed version by its folder (which
   * carries the install's sequence number), so that the same version installed again is new
   * content to the screen, which reloads it and reports it drew.
   */
  private async open(dir: string, source: ActivePackage['source'], name = path.basename(dir)): Promise<ActivePackage> {
    const result = await (source === 'default' ? this.loadDefault : this.load)(dir);
    if (!result.ok) throw new PackageError(dir, result.problems.map(formatProblem));
    const { exhibit } = result;
    return { dir, source, exhibit, languages: result.languages, key: `${source}:${exhibit.id}@${exhibit.version}:${name}` };
  }

  private async resolve(): Promise<ActivePackage> {
    if (this.options.previewDir) return this.open(path.resolve(this.options.previewDir), 'preview');
    const name = await readPointer(this.options.dataDir);
    if (name) {
      try {
        return await this.open(packageDirOf(this.options.dataDir, name), 'installed', name);
      } catch {
        // A damaged installed version never leaves the screen empty: the default stands in.
      }
    }
    return this.open(this.options.defaultDir, 'default');
  }
}
