/**
 * Walking a package folder without following anything: every entry is looked at with lstat,
 * symbolic links and special files are refused, sizes and counts are held to the limits.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, type PackageLimits } from './limits.ts';
import type { Problem } from './load.ts';
import { packagePathProblem, pathClashes } from './package-path.ts';

/** A regular file of the package. */
export interface PackageFile {
  /** Path relative to the package root, with forward slashes. */
  path: string;
  size: number;
}

/** The files of a package folder and what was wrong with the rest. */
export interface ScanResult {
  files: Map<string, PackageFile>;
  problems: Problem[];
}

const error = (file: string, message: string): Problem => ({ file, place: '', message, severity: 'error' });

/** Lists a package folder's regular files, refusing links, special files and oversize. */
export async function scanPackage(root: string, limits: PackageLimits): Promise<ScanResult> {
  const files = new Map<string, PackageFile>();
  const problems: Problem[] = [];
  let total = 0;
  let count = 0;
  let folders = 0;

  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth) {
      problems.push(error(rel, `is nested more than ${limits.maxDepth} folders deep`));
      return;
    }
    let entries: string[];
    try {
      entries = (await fs.readdir(dir)).sort();
    } catch (e) {
      problems.push(error(rel || '.', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
      return;
    }
    for (const name of entries) {
      const relPath = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, name);
      let stat;
      try {
        stat = await fs.lstat(full);
      } catch (e) {
        problems.push(error(relPath, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
        continue;
      }
      if (stat.isSymbolicLink()) {
        problems.push(error(relPath, 'is a symbolic link; a package holds real files only'));
        continue;
      }
      if (stat.isDirectory()) {
        // Folders are counted too: a stick of 100,000 empty folders is no package.
        folders += 1;
        if (folders > limits.maxFolders) {
          if (folders === limits.maxFolders + 1)
            problems.push(error(relPath, `is one folder more than the ${limits.maxFolders} a package may have`));
          continue;
        }
        await walk(full, relPath, depth + 1);
        continue;
      }
      if (!stat.isFile()) {
        problems.push(error(relPath, 'is a special file (device, pipe or socket), not a regular file'));
        continue;
      }
      const bad = packagePathProblem(relPath);
      if (bad) {
        problems.push(error(relPath, bad));
        continue;
      }
      count += 1;
      if (count > limits.maxFiles) {
        if (count === limits.maxFiles + 1) problems.push(error(relPath, `is one file more than the ${limits.maxFiles} a package may hold`));
        continue;
      }
      if (stat.size > limits.maxFileBytes) {
        problems.push(error(relPath, `is ${formatBytes(stat.size)}, more than the ${formatBytes(limits.maxFileBytes)} a file may be`));
        continue;
      }
      total += stat.size;
      files.set(relPath, { path: relPath, size: stat.size });
    }
  };

  await walk(root, '', 0);
  for (const clash of pathClashes(files.keys())) {
    problems.push(error(clash.path, clash.message));
    files.delete(clash.path);
  }
  if (total > limits.maxTotalBytes)
    problems.push(error('.', `the package holds ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} allowed`));
  return { files, problems };
}
