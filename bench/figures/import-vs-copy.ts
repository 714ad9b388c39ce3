/** `import-vs-copy-ratio`: installing a package from a stick against a plain `cp -r` of it. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildManifest } from '../../core/content/manifest.ts';
import { importPackage } from '../../core/import/pipeline.ts';
import { figure, percentile, type Bench, type Figures } from '../lib.ts';

/** A valid package of about `mb` megabytes: the default exhibit plus large audio tracks. */
function bigPackage(mb: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-package-'));
  fs.cpSync('assets/content', dir, { recursive: true });
  const exhibitFile = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(exhibitFile, 'utf8')) as { stories: { slides: { audio?: unknown }[] }[] };
  fs.mkdirSync(path.join(dir, 'audio'));
  const slides = exhibit.stories.flatMap((s) => s.slides);
  const count = Math.min(slides.length, 10);
  const each = Math.floor((mb * 1024 * 1024) / count);
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, 'audio', `track-${i}.mp3`);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'));
    const chunk = Buffer.alloc(1024 * 1024, i + 1);
    for (let written = 10; written < each; written += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, each - written));
    fs.closeSync(fd);
    slides[i]!.audio = { src: `audio/track-${i}.mp3`, credit: { none: ['bench'] }, rights: 'https://creativecommons.org/licenses/by/4.0/' };
  }
  fs.writeFileSync(exhibitFile, JSON.stringify(exhibit, null, 2));
  return dir;
}

export async function importVsCopy({ quick }: Bench): Promise<Figures> {
  const mb = quick ? 100 : 500;
  const source = bigPackage(mb);
  const files = execFileSync('find', [source, '-type', 'f', '-printf', '%P\\n'], { encoding: 'utf8' }).trim().split('\n');
  fs.writeFileSync(
    path.join(source, 'manifest.json'),
    JSON.stringify(await buildManifest(source, files, { id: 'kharkiv-luoyang', version: '9.0.0' })),
  );
  const exhibit = JSON.parse(fs.readFileSync(path.join(source, 'exhibit.json'), 'utf8')) as { version: string };
  exhibit.version = '9.0.0';
  fs.writeFileSync(path.join(source, 'exhibit.json'), JSON.stringify(exhibit, null, 2));
  const manifestFiles = execFileSync('find', [source, '-type', 'f', '-not', '-name', 'manifest.json', '-printf', '%P\\n'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  fs.writeFileSync(
    path.join(source, 'manifest.json'),
    JSON.stringify(await buildManifest(source, manifestFiles, { id: 'kharkiv-luoyang', version: '9.0.0' })),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const ratios: number[] = [];
  const copies: number[] = [];
  const synced: number[] = [];
  const imports: number[] = [];
  /** Both start from a cold stick: the page cache is dropped where the system allows it. */
  const cold = () => {
    execFileSync('sync');
    try {
      fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    } catch {
      // Not allowed here: both runs read from the cache alike.
    }
  };
  for (let i = 0; i < (quick ? 2 : 5); i += 1) {
    cold();
    const t0 = performance.now();
    execFileSync('cp', ['-r', source, path.join(work, `copy-${i}`)]);
    const copy = performance.now() - t0;
    execFileSync('sync');
    synced.push(performance.now() - t0);
    cold();
    const data = path.join(work, `data-${i}`);
    const t1 = performance.now();
    const result = await importPackage({ source, dataDir: data });
    const imported = performance.now() - t1;
    if (!result.ok) throw new Error(`bench import failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
    copies.push(copy);
    imports.push(imported);
    ratios.push(imported / copy);
    fs.rmSync(path.join(work, `copy-${i}`), { recursive: true, force: true });
    fs.rmSync(data, { recursive: true, force: true });
  }
  fs.rmSync(source, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
  return {
    'import-vs-copy-ratio': figure(ratios, 'ratio', {
      target: '≤ 1.25',
      note: `${mb} MB package: import ${Math.round(percentile(imports, 50))} ms (hash, fsync, validate) ÷ cp -r ${Math.round(percentile(copies, 50))} ms; ÷ cp -r then sync ${Math.round(percentile(synced, 50))} ms: ${(percentile(imports, 50) / percentile(synced, 50)).toFixed(2)}`,
    }),
  };
}
