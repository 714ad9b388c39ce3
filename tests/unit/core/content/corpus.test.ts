/**
 * The malformed-package corpus (tests/fixtures/corpus, made by make-corpus.ts): every entry is
 * a tiny valid package with one deliberate fault, and the validator must refuse it with its
 * first error naming the file (and the place, when expect.json gives one) that holds the fault.
 *
 * Entries marked "pending" in expect.json are faults the current code does not refuse yet (or
 * not with the right file or place): they run as `it.fails`, so they turn red the day the code
 * is fixed and the mark can go.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type PackageLimits } from '../../../../core/content/limits.ts';
import { formatProblem } from '../../../../core/content/load.ts';
import { validatePackage, type ValidateOptions } from '../../../../core/content/validate.ts';
import type { Expectation, SetupOp } from '../../../fixtures/corpus/make-corpus.ts';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');
const PUBLIC_KEY = fs.readFileSync(path.join(CORPUS, 'keys', 'corpus.public.pem'), 'utf8');
const names = fs
  .readdirSync(CORPUS)
  .filter((name) => fs.existsSync(path.join(CORPUS, name, 'expect.json')))
  .sort();
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-corpus-'));

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : fs.lstatSync(full).size;
  }
  return total;
}

/** Makes what git does not hold portably (links, pipes, odd names) in the copy `root`. */
function applySetup(root: string, ops: SetupOp[]): string[] {
  const at = (rel: string) => path.join(root, ...rel.split('/'));
  const fifos: string[] = [];
  for (const op of ops) {
    if ('symlink' in op) fs.symlinkSync(op.to, at(op.symlink));
    else if ('fifo' in op) {
      execFileSync('mkfifo', [at(op.fifo)]);
      fifos.push(at(op.fifo));
    } else if ('copy' in op) fs.copyFileSync(at(op.copy), at(op.to));
    else if ('rename' in op) fs.renameSync(at(op.rename), at(op.to));
    else fs.writeFileSync(at(op.write), op.text);
  }
  return fifos;
}

/** Lets go of anything stuck opening a pipe for reading (a reader waits for a writer for ever). */
function releaseFifos(fifos: string[]): void {
  for (const fifo of fifos) {
    try {
      fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // no reader waiting: nothing to release
    }
  }
}

const pending: string[] = [];

describe('malformed package corpus', () => {
  it('has at least 150 entries and stays small (under 2 MB)', () => {
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(sizeOf(CORPUS)).toBeLessThan(2 * 1024 * 1024);
  });

  for (const name of names) {
    const expectation = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expect.json'), 'utf8')) as Expectation;
    if (expectation.pending) pending.push(`${name}: ${expectation.pending}`);
    const test = expectation.pending ? it.fails : it;
    test(`${name}: ${expectation.why}${expectation.pending ? ` [pending: ${expectation.pending}]` : ''}`, async () => {
      const entry = path.join(CORPUS, name);
      const work = fs.mkdtempSync(path.join(tmpRoot, `${name}-`));
      const unzipDir = path.join(work, 'unzip');
      fs.mkdirSync(unzipDir);
      let source = path.join(entry, 'package.zip');
      let fifos: string[] = [];
      if (!fs.existsSync(source)) {
        source = path.join(work, 'package');
        fs.cpSync(path.join(entry, 'package'), source, { recursive: true, verbatimSymlinks: true });
        fifos = applySetup(source, expectation.setup ?? []);
      }
      const limits: PackageLimits = { ...DEFAULT_LIMITS, ...(expectation.validate?.limits ?? {}) };
      const options: ValidateOptions = {
        limits,
        workDir: unzipDir,
        ...(expectation.validate?.trustedKeys ? { trustedKeys: [PUBLIC_KEY] } : {}),
        ...(expectation.validate?.requireManifest ? { requireManifest: true } : {}),
      };
      try {
        const report = await validatePackage(source, options);
        await report.cleanup();
        const errors = report.problems.filter((p) => p.severity === 'error');
        const all = `\nevery problem:\n${report.problems.map(formatProblem).join('\n') || '(none)'}`;
        expect(report.ok, `the package was accepted${all}`).toBe(false);
        expect(errors.length, `no error${all}`).toBeGreaterThan(0);
        const first = errors[0]!;
        expect(first.message, `the first error has no message${all}`).not.toBe('');
        expect([expectation.file].flat(), `the first error names the wrong file: ${formatProblem(first)}${all}`).toContain(first.file);
        if (expectation.place)
          expect(first.place, `the first error names the wrong place: ${formatProblem(first)}${all}`).toBe(expectation.place);
        expect(fs.readdirSync(unzipDir), 'the unpacked copy of a zip was not cleaned up').toEqual([]);
      } finally {
        releaseFifos(fifos);
      }
    }, 60_000);
  }

  afterAll(() => {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
    if (pending.length > 0)
      console.log(
        `corpus: ${pending.length} of ${names.length} entries are pending (not yet refused as expect.json says):\n  ${pending.join('\n  ')}`,
      );
  });
});
