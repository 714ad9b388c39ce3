/**
 * `kiosk-content`: validate, pack, sign and verify content packages, in plain words for staff.
 * `runCli` takes the arguments and where to write, and returns the exit code, so that tests
 * run it in-process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../fs-atomic.ts';
import { checkExhibitData, formatProblem, loadPackage, readExhibitJson, type Problem } from '../content/load.ts';
import { appLayout } from '../paths.ts';
import { PinStore } from '../admin/pin.ts';
import { generateKeyPair, keyId, MANIFEST_FILE, signManifest, SIGNATURE_FILE } from '../content/manifest.ts';
import { SettingsStore } from '../settings.ts';
import { packPackage } from '../content/pack.ts';
import { exhibitJsonSchema, SCHEMA_VERSION } from '../content/schema.ts';
import { validatePackage, type ValidationReport } from '../content/validate.ts';
import { describeResult, importPackage } from '../import/pipeline.ts';
import { BUILT_IN, readStatus, rollback, verifyActive, type InstalledVersion } from '../import/versions.ts';
import { englishAnswer } from '../admin/english.ts';

/** The checkout (or installed app) this CLI belongs to, whose built-in exhibit a kiosk shows while nothing is installed. */
const appRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the CLI writes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: kiosk-content <command> [options]

  validate <folder|zip> [--json] [--key PUBLIC.pem ...]
                         check a content package; exit 0 when it can be shown
  schema [--out FILE]    write the JSON Schema of exhibit.json
  migrate <folder>       rewrite an older exhibit.json in the current format
                         (what the kiosk shows does not change)
  pack <folder> --out FILE.zip [--sign PRIVATE.pem]
                         make display-sized WebP pictures, write the manifest,
                         sign it if asked, and zip the package
  keygen --out NAME      write NAME.private.pem and NAME.public.pem (Ed25519)
  sign <folder> --key PRIVATE.pem
                         sign a folder's manifest (after pack, or by hand)
  verify <folder|zip> [--key PUBLIC.pem ...]
                         check every file against the manifest (and the signature)

  On a kiosk's data folder (the same pipeline the admin screen uses):
  install <folder|zip> --data DIR [--key PUBLIC.pem ...] [--yes]
                         install a package; --yes installs a same or older version
  status --data DIR [--json]
                         the active version and the earlier ones kept
  verify --data DIR      check every active file against its hash (exit 0 if whole)
  rollback --data DIR [--to NAME]
                         go back to the previous version (or NAME; built-in: the app's own exhibit)
  set-pin --data DIR     set the staff PIN (six digits, read from standard input)
  trust-key --data DIR --key PUBLIC.pem
                         accept only packages signed with this key from now on
`;

const exists = (file: string): Promise<boolean> =>
  fs.lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );

function summary(report: ValidationReport): { errors: Problem[]; warnings: Problem[] } {
  return {
    errors: report.problems.filter((p) => p.severity === 'error'),
    warnings: report.problems.filter((p) => p.severity === 'warning'),
  };
}

function printReport(io: CliIo, source: string, report: ValidationReport): void {
  const { errors, warnings } = summary(report);
  if (report.ok) {
    const e = report.exhibit!;
    io.out(
      `OK: ${source} can be shown: "${e.id}" version ${e.version}, ${e.sections.length} sections, ${e.stories.length} stories, ${e.models.length} 3D ${e.models.length === 1 ? 'object' : 'objects'}.\n`,
    );
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
        data: { type: 'string' },
        yes: { type: 'boolean', default: false },
        to: { type: 'string' },
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

  const describeVersion = (v: InstalledVersion) => ({
    name: v.name,
    id: v.id,
    version: v.version,
    installedAt: v.installedAt,
    source: v.source,
    languages: v.languages,
    sections: v.sections,
    stories: v.stories,
  });

  switch (command) {
    case 'install': {
      if (!target) return need('a package folder or .zip');
      if (!values.data) return need('--data DIR');
      // The keys the data folder trusts (kiosk-content trust-key), as the kiosk itself uses them, and any given here.
      const keys = [...(await new SettingsStore(values.data).read()).trustedKeys, ...(await readKeys(values.key ?? []))];
      if (keys.length === 0)
        io.out('Note: this kiosk trusts no signing key, so packages are not checked for who made them (see "trust-key").\n');
      const builtIn = await loadPackage(appLayout(appRoot).defaultContentDir);
      let last = -1;
      const result = await importPackage({
        source: target,
        dataDir: values.data,
        trustedKeys: keys,
        allowSameOrOlder: values.yes,
        ...(builtIn.ok ? { builtIn: { id: builtIn.exhibit.id, version: builtIn.exhibit.version } } : {}),
        onProgress: (p) => {
          const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
          if (p.phase === 'copying' && percent >= last + 10) {
            last = percent;
            io.out(
              `  copying: ${percent}% (${p.filesDone}/${p.filesTotal} files${p.secondsLeft !== null ? `, about ${p.secondsLeft} s left` : ''})\n`,
            );
          }
        },
      });
      if (result.ok) {
        io.out(`${describeResult(result)[0]}\n`);
        return 0;
      }
      io.err(`NOT INSTALLED: ${target}. The exhibit on screen is unchanged.\n`);
      for (const line of describeResult(result)) io.err(`  ✗ ${line}\n`);
      if (result.needsConfirmation) io.err('  Run again with --yes to install it anyway.\n');
      return 1;
    }
    case 'status': {
      if (!values.data) return need('--data DIR');
      const status = await readStatus(values.data);
      const json = { active: status.active ? describeVersion(status.active) : null, previous: status.previous.map(describeVersion) };
      if (values.json) io.out(`${JSON.stringify(json, null, 2)}\n`);
      else {
        io.out(
          status.active
            ? `On screen: "${status.active.id}" ${status.active.version} (installed ${status.active.installedAt} from ${status.active.source}; languages ${status.active.languages.join(', ')}).\n`
            : 'On screen: the exhibit built into the kiosk (nothing installed).\n',
        );
        for (const v of status.previous) io.out(`  kept for rollback: ${v.name} ("${v.id}" ${v.version})\n`);
      }
      return 0;
    }
    case 'set-pin': {
      if (!values.data) return need('--data DIR');
      const pin = (await readStdin()).trim();
      try {
        await new PinStore(values.data).set(pin);
      } catch (e) {
        io.err(`${(e as Error).message}\n`);
        return 1;
      }
      io.out(
        'The staff PIN is set. Hold the top-left corner, then the bottom-right corner, for three seconds each to open the admin screen.\n',
      );
      return 0;
    }
    case 'trust-key': {
      if (!values.data) return need('--data DIR');
      if (!values.key?.[0]) return need('--key PUBLIC.pem');
      const pem = await fs.readFile(values.key[0], 'utf8');
      let id: string;
      try {
        id = keyId(crypto.createPublicKey(pem));
      } catch {
        io.err(`${values.key[0]} is not a public key.\n`);
        return 1;
      }
      const settings = new SettingsStore(values.data);
      const current = await settings.read();
      if (!current.trustedKeys.includes(pem)) await settings.update({ trustedKeys: [...current.trustedKeys, pem] });
      io.out(`Key ${id} is trusted. From now on this kiosk installs only packages signed with a trusted key.\n`);
      return 0;
    }
    case 'rollback': {
      if (!values.data) return need('--data DIR');
      const back = await rollback(values.data, values.to);
      if (!back.ok) {
        io.err(`${englishAnswer(back.refusal)}\n`);
        return 1;
      }
      io.out(
        back.target === BUILT_IN
          ? 'Back to the exhibit built into the kiosk.\n'
          : `Back to "${back.target.id}" ${back.target.version} (${back.target.name}).\n`,
      );
      return 0;
    }
    case 'validate':
    case 'verify': {
      if (command === 'verify' && values.data && !target) {
        const result = await verifyActive(values.data);
        if (result.ok) {
          io.out(
            result.active
              ? `Whole: every file of "${result.active.id}" ${result.active.version} matches its hash.\n`
              : 'Nothing installed: the kiosk shows its built-in exhibit.\n',
          );
          return 0;
        }
        io.err('DAMAGED: the active content does not match its manifest.\n');
        for (const line of result.problems) io.err(`  ✗ ${line}\n`);
        return 1;
      }
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
    case 'migrate': {
      if (!target) return need('a package folder');
      const read = await readExhibitJson(target);
      if (!read.ok) {
        io.err(`REFUSED: ${formatProblem(read.problem)}\n`);
        return 1;
      }
      const declared = (read.data as { schemaVersion?: unknown }).schemaVersion;
      if (declared === SCHEMA_VERSION) {
        io.out(`${target} is already in format ${SCHEMA_VERSION}: nothing to do.\n`);
        return 0;
      }
      const checked = checkExhibitData(read.data);
      if (!checked.ok) {
        io.err(`REFUSED: ${target}/exhibit.json cannot be read, so it cannot be moved to format ${SCHEMA_VERSION}:\n`);
        for (const p of checked.problems) io.err(`  ✗ ${formatProblem(p)}\n`);
        return 1;
      }
      await writeFileAtomic(path.join(target, 'exhibit.json'), `${JSON.stringify(checked.exhibit, null, 2)}\n`);
      io.out(`Rewrote ${target}/exhibit.json from format ${String(declared)} to format ${SCHEMA_VERSION}; the kiosk shows it as before.\n`);
      if (await exists(path.join(target, 'exhibit.schema.json'))) {
        await writeFileAtomic(path.join(target, 'exhibit.schema.json'), `${JSON.stringify(exhibitJsonSchema(), null, 2)}\n`);
        io.out(`Rewrote ${target}/exhibit.schema.json for format ${SCHEMA_VERSION}.\n`);
      }
      if (await exists(path.join(target, MANIFEST_FILE)))
        io.out(`Its ${MANIFEST_FILE} no longer matches: make the package again with "kiosk-content pack".\n`);
      return 0;
    }
    case 'keygen': {
      if (!values.out) return need('--out NAME');
      const pair = generateKeyPair();
      await fs.writeFile(`${values.out}.private.pem`, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
      await fs.writeFile(`${values.out}.public.pem`, pair.publicKeyPem, { flag: 'wx' });
      io.out(
        `Wrote ${values.out}.private.pem (keep it secret, off the kiosk) and ${values.out}.public.pem (install it on the kiosk). Key id ${pair.keyId}.\n`,
      );
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
