/**
 * The problems an import finds itself, each made once from its code: the code goes to the admin
 * screen (which says it in the staff's language), and the English below goes into the problem's
 * message for the CLI, the logs and the report on the stick. The validator's problems with a
 * package's content pass through as they are, with their own codes (`core/content/problem-codes.ts`).
 */
import { confirmationFinding, type ImportFinding } from '../admin/messages.ts';
import type { NeedsConfirmation } from '../contract.ts';
import { explainIoError, explainIoKind, ioErrorKind } from '../content/files.ts';
import { formatBytes } from '../content/limits.ts';
import type { Problem } from '../content/load.ts';
import { manifestMessages } from '../content/manifest-check.ts';

/** A problem of an import: the validator's (with its `issue` code), or one the import found itself (with its `finding`). */
export interface ImportProblem extends Problem {
  finding?: ImportFinding;
}

/** An import that did not install: why, and what staff must confirm when that is all that stands in the way. */
export interface ImportRefusal {
  ok: false;
  problems: ImportProblem[];
  needsConfirmation?: NeedsConfirmation;
}

/**
 * A finding in English, in the words of the validator's problems (the predicate that follows
 * `file: place:`), for the CLI and the logs. The manifest's findings use the validator's own
 * sentences, so the import and the validator say a damaged file the same way.
 */
export function englishFinding(finding: ImportFinding): string {
  switch (finding.code) {
    case 'source-not-found':
      return 'cannot be found, or is neither a package folder nor a .zip';
    case 'same-version':
      return `is ${finding.incoming}, the same as the version on screen (${finding.active}); confirm to install it anyway`;
    case 'older-version':
      return `is ${finding.incoming}, older than the version on screen (${finding.active}); confirm to install it anyway`;
    case 'other-exhibit':
      return `is the exhibit "${finding.incomingId}", not "${finding.activeId}" that is on screen; confirm to replace it`;
    case 'other-package':
      return manifestMessages.otherPackage(
        { id: finding.manifestId, version: finding.manifestVersion },
        { id: finding.id, version: finding.version },
      );
    case 'not-listed':
      return manifestMessages.notListed;
    case 'no-room':
      return `needs ${formatBytes(finding.needed)} but the kiosk’s disk has only ${formatBytes(finding.free)} free`;
    case 'file-missing':
      return manifestMessages.missingFile(finding.size);
    case 'not-regular':
      return manifestMessages.notRegular;
    case 'file-larger':
      return manifestMessages.larger(finding.size);
    case 'file-other-size':
      return manifestMessages.otherSize(finding.size, finding.expected);
    case 'hash-mismatch':
      return manifestMessages.otherHash;
    case 'signature-missing':
      return manifestMessages.missingSignature;
    case 'disk-full':
    case 'file-vanished':
    case 'stick-pulled':
    case 'stick-silent':
    case 'io-error':
    case 'permission-refused':
      return `could not be installed: ${explainIoKind(finding.code)} [${finding.error}]`;
    case 'install-failed':
      return `could not be installed: ${finding.error}`;
  }
}

/** A problem the import found, with its code and its English. */
export function findingProblem(file: string, finding: ImportFinding, place = ''): ImportProblem {
  return { file, place, message: englishFinding(finding), severity: 'error', finding };
}

/** An import refused for one finding. */
export function refuse(file: string, finding: ImportFinding, place = ''): ImportRefusal {
  return { ok: false, problems: [findingProblem(file, finding, place)] };
}

/** Why a file operation failed, as staff can act on it: a stick pulled out, a full disk, … (`ioErrorKind`). */
export function failureFinding(error: unknown): ImportFinding {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const kind = ioErrorKind(error);
  if (kind && code) return { code: kind, error: code };
  return { code: 'install-failed', error: `${explainIoError(error)}${code ? ` [${code}]` : ''}` };
}

/** The problem that stands for a confirmation staff have not given, at the field that differs. */
export function confirmationProblem(confirm: NeedsConfirmation): ImportProblem {
  return findingProblem('exhibit.json', confirmationFinding(confirm), confirm.reason === 'other-exhibit' ? 'id' : 'version');
}
