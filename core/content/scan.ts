/**
 * Walking a package folder without following anything: every entry is looked at with lstat,
 * symbolic links and special files are refused, sizes and counts are held to the limits.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PackageLimits } from './limits.ts';
import { codedProblem, type Problem } from './load.ts';
import { packagePathIssue, pathClashes } from './package-path.ts';
import type { ContentProblem } from './problem-codes.ts';

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

const error = (file: string, issue: ContentProblem): Problem => codedProblem(file, '', issue);
const systemCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Lists a package folder's regular files, refusing links, special files and oversize. */
export async function scanPackage(root: string, limits: PackageLimits): Promise<ScanResult> {
  const files = new Map<string, PackageFile>();
  const problems: Problem[] = [];
  let total = 0;
  let count = 0;
  let folders = 0;

  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth) {
      problems.push(error(rel, { code: 'path-too-deep', maximum: limits.maxDepth }));
      return;
    }
    let entries: string[];
    try {
      entries = (await fs.readdir(dir)).sort();
    } catch (e) {
      problems.push(error(rel || '.', { code: 'unreadable', error: systemCode(e) }));
      return;
    }
    for (const name of entries) {
      const relPath = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, name);
      let stat;
      try {
        stat = await fs.lstat(full);
      } catch (e) {
        problems.push(error(relPath, { code: 'unreadable', error: systemCode(e) }));
        continue;
      }
      if (stat.isSymbolicLink()) {
        problems.push(error(relPath, { code: 'symlink' }));
        continue;
      }
      if (stat.isDirectory()) {
        // Folders are counted too: a stick of 100,000 empty folders is no package.
        folders += 1;
        if (folders > limits.maxFolders) {
          if (folders === limits.maxFolders + 1) problems.push(error(relPath, { code: 'too-many-folders', maximum: limits.maxFolders }));
          continue;
        }
        await walk(full, relPath, depth + 1);
        continue;
      }
      if (!stat.isFile()) {
        problems.push(error(relPath, { code: 'special-file' }));
        continue;
      }
      const bad = packagePathIssue(relPath);
      if (bad) {
        problems.push(error(relPath, bad));
        continue;
      }
      count += 1;
      if (count > limits.maxFiles) {
        if (count === limits.maxFiles + 1) problems.push(error(relPath, { code: 'too-many-files', maximum: limits.maxFiles }));
        continue;
      }
      if (stat.size > limits.maxFileBytes) {
        problems.push(error(relPath, { code: 'file-too-large', size: stat.size, maximum: limits.maxFileBytes }));
        continue;
      }
      total += stat.size;
      files.set(relPath, { path: relPath, size: stat.size });
    }
  };

  await walk(root, '', 0);
  for (const clash of pathClashes(files.keys())) {
    problems.push(error(clash.path, clash.issue));
    files.delete(clash.path);
  }
  if (total > limits.maxTotalBytes) problems.push(error('.', { code: 'package-too-large', size: total, maximum: limits.maxTotalBytes }));
  return { files, problems };
}
