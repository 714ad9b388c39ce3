/**
 * `kiosk-content pack`: makes a package ready for a stick. Pictures become display-sized WebP,
 * every file is listed in the manifest with its size and SHA-256, the manifest is signed when
 * a key is given, and the whole is zipped. The result is validated before it is written.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import yazl from 'yazl';
import { buildManifest, MANIFEST_FILE, signManifest, SIGNATURE_FILE } from './manifest.ts';
import { expectedFormat } from './sniff.ts';
import { validatePackage, type ValidationReport } from './validate.ts';

/** The longest side a picture keeps: sharp on a 4K screen, small on disk. */
export const DISPLAY_SIDE = 2560;
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/** How to pack a folder into a package: the key to sign it with, if any, and where progress lines go. */
export interface PackOptions {
  privateKey?: string;
  log?: (line: string) => void;
}

/** A packed package (how many files it holds), or the validation report that stopped it. */
export type PackResult = { ok: true; files: number } | { ok: false; report: ValidationReport };

function renamePaths(node: unknown, renames: Map<string, string>): unknown {
  if (typeof node === 'string') return renames.get(node) ?? node;
  if (Array.isArray(node)) return node.map((n) => renamePaths(n, renames));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, renamePaths(v, renames)]));
  return node;
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relPath)));
    else if (entry.isFile()) out.push(relPath);
  }
  return out.sort();
}

/** Packs the folder `source` into the zip `out`. */
export async function packPackage(source: string, out: string, options: PackOptions = {}): Promise<PackResult> {
  const log = options.log ?? (() => {});
  const first = await validatePackage(source);
  await first.cleanup();
  if (!first.ok) return { ok: false, report: first };

  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'kiosk-pack-'));
  try {
    for (const rel of await listFiles(source)) {
      if (rel === MANIFEST_FILE || rel === SIGNATURE_FILE) continue;
      await fsp.mkdir(path.dirname(path.join(staging, rel)), { recursive: true });
      await fsp.copyFile(path.join(source, rel), path.join(staging, rel));
    }
    const renames = new Map<string, string>();
    for (const rel of await listFiles(staging)) {
      if (expectedFormat(rel)?.kind !== 'picture') continue;
      const full = path.join(staging, rel);
      const meta = await sharp(full).metadata();
      const large = Math.max(meta.width ?? 0, meta.height ?? 0) > DISPLAY_SIDE;
      if (meta.format === 'webp' && !large) continue;
      const target = rel.replace(/\.(png|jpe?g|webp)$/i, '.webp');
      const bytes = await sharp(full)
        .rotate()
        .resize({ width: DISPLAY_SIDE, height: DISPLAY_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 84 })
        .toBuffer();
      await fsp.rm(full);
      await fsp.writeFile(path.join(staging, target), bytes);
      if (target !== rel) renames.set(rel, target);
      log(`  picture ${rel} → ${target} (${meta.width}×${meta.height}${large ? `, resized to fit ${DISPLAY_SIDE} px` : ''})`);
    }
    const exhibitFile = path.join(staging, 'exhibit.json');
    if (renames.size > 0) {
      const exhibit = JSON.parse(await fsp.readFile(exhibitFile, 'utf8')) as unknown;
      await fsp.writeFile(exhibitFile, `${JSON.stringify(renamePaths(exhibit, renames), null, 2)}\n`);
    }

    const files = await listFiles(staging);
    const manifest = await buildManifest(staging, files, { id: first.exhibit!.id, version: first.exhibit!.version });
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await fsp.writeFile(path.join(staging, MANIFEST_FILE), manifestBytes);
    if (options.privateKey)
      await fsp.writeFile(
        path.join(staging, SIGNATURE_FILE),
        `${JSON.stringify(signManifest(manifestBytes, options.privateKey), null, 2)}\n`,
      );

    const check = await validatePackage(staging, { requireManifest: true });
    await check.cleanup();
    if (!check.ok) return { ok: false, report: check };

    const zip = new yazl.ZipFile();
    const all = await listFiles(staging);
    for (const rel of all) {
      const compress = /\.(json|md|txt|glb)$/i.test(rel);
      zip.addFile(path.join(staging, rel), rel, { mtime: FIXED_DATE, mode: 0o100644, compress });
    }
    zip.end();
    const partial = `${out}.partial`;
    await new Promise<void>((resolve, reject) => {
      const stream = fs.createWriteStream(partial);
      zip.outputStream
        .pipe(stream)
        .on('close', () => resolve())
        .on('error', reject);
      zip.outputStream.on('error', reject);
    });
    await fsp.rename(partial, out);
    return { ok: true, files: all.length };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
