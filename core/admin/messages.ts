/**
 * What the admin screen tells staff about a request or an import, as codes with parameters
 * rather than sentences. The core decides what happened; the renderer says it in the staff's
 * own language from `admin.message.<code>` in `locales/<lang>/common.json`, so a member of
 * staff who reads Chinese reads Chinese, not the core's English. The CLI and the logs say the
 * same codes through the English formatter (`core/admin/english.ts`).
 *
 * Runs in Node and in the browser, with no runtime dependencies.
 */
import type { MisnamedParams, ParamsOf as ParamsOfUnion } from '../codes.ts';
import type { NeedsConfirmation } from '../contract.ts';

/** The answer to a staff request: why it was refused, or what it did. */
export type AdminAnswer =
  /** Install refused: another import is still running. */
  | { code: 'import-running' }
  /** Check or install refused: the package is no longer on any stick (the stick was pulled out). */
  | { code: 'package-gone' }
  /** Saving the logs refused: the stick is no longer there. */
  | { code: 'stick-gone' }
  /** Rollback refused: no kept version has that name. */
  | { code: 'no-such-version'; name: string }
  /** Rollback refused: nothing earlier is kept to go back to (the CLI without `--to`). */
  | { code: 'no-earlier-version' }
  /** Rollback done: `version` is on screen now. */
  | { code: 'rolled-back'; version: string }
  /** The logs were saved to the stick, `count` files. */
  | { code: 'logs-saved'; count: number }
  /** The logs could not be written to the stick; `error` is the system's code, for a technician. */
  | { code: 'logs-not-written'; error: string };

/**
 * Why a file operation of an import failed, in the terms staff can act on (the grouping of
 * system error codes is `ioErrorKind` in core/content/files.ts).
 */
export type IoFindingCode = 'disk-full' | 'file-vanished' | 'stick-pulled' | 'stick-silent' | 'io-error' | 'permission-refused';

type IoFinding = { [C in IoFindingCode]: { code: C; error: string } }[IoFindingCode];

/**
 * A problem the import finds itself, before, during or after the copy. (The validator's own
 * problems with a package's content have codes of their own, `core/content/problem-codes.ts`.)
 */
export type ImportFinding =
  /** The package named is not there, or is neither a folder nor a `.zip`. */
  | { code: 'source-not-found' }
  /** The package is the version already on screen: staff confirm to install it again. */
  | { code: 'same-version'; incoming: string; active: string }
  /** The package is older than the version on screen: staff confirm to install it. */
  | { code: 'older-version'; incoming: string; active: string }
  /** The package is another exhibit than the one on screen: staff confirm to replace it. */
  | { code: 'other-exhibit'; incomingId: string; activeId: string }
  /** The manifest was made for another package than its exhibit.json. */
  | { code: 'other-package'; manifestId: string; manifestVersion: string; id: string; version: string }
  /** A file on the stick is not in the manifest: it was added after the package was made. */
  | { code: 'not-listed' }
  /** The kiosk's disk has too little room for the package. */
  | { code: 'no-room'; needed: number; free: number }
  /** A file in the manifest is missing from the stick. */
  | { code: 'file-missing'; size: number }
  /** A file in the manifest is not a regular file on the stick. */
  | { code: 'not-regular' }
  /** A file is larger than the manifest says. */
  | { code: 'file-larger'; size: number }
  /** A file has another size than the manifest says. */
  | { code: 'file-other-size'; size: number; expected: number }
  /** A file's bytes do not match its SHA-256 in the manifest. */
  | { code: 'hash-mismatch' }
  /** The signature file went missing between the check and the copy. */
  | { code: 'signature-missing' }
  | IoFinding
  /** The install failed for a reason with no staff-facing name; `error` says it for a technician. */
  | { code: 'install-failed'; error: string };

/** Everything the admin screen says from a code. */
export type AdminMessage = AdminAnswer | ImportFinding;

/** A code of the admin screen. */
export type AdminMessageCode = AdminMessage['code'];

type ParamsOf<C extends AdminMessageCode> = ParamsOfUnion<AdminMessage, C>;

/** The answers' codes with their parameters and how each is written (held to `AdminAnswer` by the compiler). */
export const ANSWER_PARAMS = {
  'import-running': {},
  'package-gone': {},
  'stick-gone': {},
  'no-such-version': { name: 'text' },
  'no-earlier-version': {},
  'rolled-back': { version: 'text' },
  'logs-saved': { count: 'count' },
  'logs-not-written': { error: 'text' },
} as const satisfies { [C in AdminAnswer['code']]: ParamsOf<C> };

/** The findings' codes with their parameters and how each is written (held to `ImportFinding` by the compiler). */
export const FINDING_PARAMS = {
  'source-not-found': {},
  'same-version': { incoming: 'text', active: 'text' },
  'older-version': { incoming: 'text', active: 'text' },
  'other-exhibit': { incomingId: 'text', activeId: 'text' },
  'other-package': { manifestId: 'text', manifestVersion: 'text', id: 'text', version: 'text' },
  'not-listed': {},
  'no-room': { needed: 'bytes', free: 'bytes' },
  'file-missing': { size: 'bytes' },
  'not-regular': {},
  'file-larger': { size: 'bytes' },
  'file-other-size': { size: 'bytes', expected: 'bytes' },
  'hash-mismatch': {},
  'signature-missing': {},
  'disk-full': { error: 'text' },
  'file-vanished': { error: 'text' },
  'stick-pulled': { error: 'text' },
  'stick-silent': { error: 'text' },
  'io-error': { error: 'text' },
  'permission-refused': { error: 'text' },
  'install-failed': { error: 'text' },
} as const satisfies { [C in ImportFinding['code']]: ParamsOf<C> };

type Misnamed = MisnamedParams<AdminMessage, typeof ANSWER_PARAMS & typeof FINDING_PARAMS>;
const paramsNamedExactly: [Misnamed] extends [never] ? true : Misnamed = true;
void paramsNamedExactly;

/**
 * Every code with its parameters and how each is written. The compiler holds this to the
 * unions above (every code, exactly its parameters); the locale test holds every language's
 * string to it (the same placeholders), and the renderer formats sizes by it.
 */
export const MESSAGE_PARAMS: { readonly [C in AdminMessageCode]: ParamsOf<C> } = { ...ANSWER_PARAMS, ...FINDING_PARAMS };

/** True when `message` answers a staff request (rather than being a finding of an import). */
export function isAnswer(message: AdminMessage): message is AdminAnswer {
  return Object.hasOwn(ANSWER_PARAMS, message.code);
}

/** Every code, for tests and tools that go through them all. */
export const MESSAGE_CODES = Object.keys(MESSAGE_PARAMS) as AdminMessageCode[];

/**
 * What staff read about a confirmation they are asked for: the same version, an older one, or
 * another exhibit. The admin screen's check and the import's refusal say it with the same code.
 */
export function confirmationFinding(confirm: NeedsConfirmation): ImportFinding {
  if (confirm.reason === 'other-exhibit') return { code: 'other-exhibit', incomingId: confirm.incomingId, activeId: confirm.activeId };
  return { code: confirm.reason === 'same' ? 'same-version' : 'older-version', incoming: confirm.incoming, active: confirm.active };
}
