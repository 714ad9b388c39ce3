/**
 * `kiosk-content`: validate, pack, sign and verify content packages, in plain words for staff.
 * `runCli` takes the arguments and where to write, and returns the exit code, so that tests
 * run it in-process.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, type Problem } from '../content/load.ts';
import { generateKeyPair, MANIFEST_FILE, signManifest, SIGNATURE_FILE } from '../content/manifest.ts';
import { packPackage } from '../content/pack.ts';
import { exhibitJsonSchema } from '../content/schema.ts';
import { validatePackage, type ValidationReport } from '../content/validate.ts';

/** Where the CLI writes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: kiosk-content <command> [options]

  validate <folder|zip> [--json] [--key PUBLIC.pem ...]
                         check a content package; exit 0 when it can be shown
  schema [--out FILE]    write the JSON Schema of exhibit.json
  pack <folder> --out FILE.zip [--sign PRIVATE.pem]
                         make display-sized WebP pictures, write the manifest,
                         sign it if asked, and zip the package
  keygen --out NAME      write NAME.private.pem and NAME.public.pem (Ed25519)
  sign <folder> --key PRIVATE.pem
                         sign a folder's manifest (after pack, or by hand)
  verify <folder|zip> [--key PUBLIC.pem ...]
                         check every file against the manifest (and the signature)
`;

function summary(report: ValidationReport): { errors: Problem[]; warnings: Problem[] } {
  return { errors: report.problems.filter((p) => p.severity === 'error'), warnings: report.problems.filter((p) => p.severity === 'warning') };
}

function printReport(io: CliIo, source: string, report: ValidationReport): void {
  const { errors, warnings } = summary(report);
  if (report.ok) {
    const e = report.exhibit!;
    io.out(`OK: ${source} can be shown: "${e.id}" version ${e.version}, ${e.sections.length} sections, ${e.stories.length} stories${e.model ? ', a 3D model' : ''}.\n`);
    io.out(`Languages complete: ${report.languages!.join(', ') || 'none'}.\n`);
  } else {
    io.err(`REFUSED: ${source} cannot be shown. ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix:\n`);
    for (const p of errors) io.err(`  ✗ ${formatProblem(p)}\n`);
  }
  if (warnings.length > 0) {
    io.out(`${warnings.length} ${warnings.length === 1 ? 'note' : 'notes'} (the package can still be shown):\n`);
    for (const p of warnings) io.out(`  • ${formatProblem(p)}\n`);
  }
}

async function readKeys(files: readonly string[]): Promise<string[]> {
  return Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
}

/** Runs the CLI; returns the exit code (0 success, 1 refused or failed, 2 wrong usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        key: { type: 'string', multiple: true },
        sign: { type: 'string' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const target = positionals[0];
  const need = (what: string): number => {
    io.err(`${command} needs ${what}.\n\n${USAGE}`);
    return 2;
  };

  switch (command) {
    case 'validate':
    case 'verify': {
      if (!target) return need('a package folder or .zip');
      const keys = await readKeys(values.key ?? []);
      const report = await validatePackage(target, { trustedKeys: keys, requireManifest: command === 'verify' });
      try {
        if (values.json) {
          const { errors, warnings } = summary(report);
          io.out(
            `${JSON.stringify(
              {
                ok: report.ok,
                package: report.exhibit ? { id: report.exhibit.id, version: report.exhibit.version } : null,
                languages: report.languages ?? [],
                errors: errors.map((p) => ({ file: p.file, place: p.place, message: p.message, text: formatProblem(p) })),
                warnings: warnings.map((p) => ({ file: p.file, place: p.place, message: p.message, text: formatProblem(p) })),
              },
              null,
              2,
            )}\n`,
          );
        } else {
          printReport(io, target, report);
          if (report.ok && command === 'verify')
            io.out(`Every file matches the manifest${keys.length > 0 ? ', and the signature holds' : ''}.\n`);
        }
        return report.ok ? 0 : 1;
      } finally {
        await report.cleanup();
      }
    }
    case 'schema': {
      const text = `${JSON.stringify(exhibitJsonSchema(), null, 2)}\n`;
      if (values.out) {
        await fs.writeFile(values.out, text);
        io.out(`Wrote the JSON Schema to ${values.out}.\n`);
      } else io.out(text);
      return 0;
    }
    case 'keygen': {
      if (!values.out) return need('--out NAME');
      const pair = generateKeyPair();
      await fs.writeFile(`${values.out}.private.pem`, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
      await fs.writeFile(`${values.out}.public.pem`, pair.publicKeyPem, { flag: 'wx' });
      io.out(`Wrote ${values.out}.private.pem (keep it secret, off the kiosk) and ${values.out}.public.pem (install it on the kiosk). Key id ${pair.keyId}.\n`);
      return 0;
    }
    case 'sign': {
      if (!target) return need('a package folder');
      if (!values.key?.[0]) return need('--key PRIVATE.pem');
      const manifest = await fs.readFile(path.join(target, MANIFEST_FILE)).catch(() => undefined);
      if (!manifest) {
        io.err(`${target} has no ${MANIFEST_FILE}: make the package with "kiosk-content pack" first.\n`);
        return 1;
      }
      const signature = signManifest(manifest, await fs.readFile(values.key[0], 'utf8'));
      await fs.writeFile(path.join(target, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);
      io.out(`Signed ${target} with key ${signature.keyId}.\n`);
      return 0;
    }
    case 'pack': {
      if (!target) return need('a package folder');
      if (!values.out) return need('--out FILE.zip');
      const privateKey = values.sign ? await fs.readFile(values.sign, 'utf8') : undefined;
      const result = await packPackage(target, values.out, { ...(privateKey ? { privateKey } : {}), log: (s) => io.out(`${s}\n`) });
      if (!result.ok) {
        printReport(io, target, result.report);
        return 1;
      }
      io.out(`Packed ${result.files} files into ${values.out}${privateKey ? ', signed' : ''}.\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
