/**
 * The one contract between the renderer and whichever host runs it (Electron or the loopback
 * browser host). Channel names are the keys; each request lists its payload and result, each
 * push message its payload. Both hosts and `window.kiosk` are typed from here, and
 * `contract-validate.ts` holds the runtime checks, typed against these same keys.
 *
 * Runs in Node and in the browser, with no runtime dependencies.
 */
import type { AdminAnswer, ImportFinding } from './admin/messages.ts';
import type { ContentProblem } from './content/problem-codes.ts';
import type { Exhibit, Language } from './content/schema.ts';

export type { AdminAnswer, AdminMessage, ImportFinding } from './admin/messages.ts';

/** What the renderer needs to show the active content package. */
export interface ActiveContent {
  /** A key that changes whenever another package (or version) becomes active. */
  key: string;
  /** Where the package comes from: the embedded default, an installed version, or a preview folder. */
  source: 'default' | 'installed' | 'preview';
  /** URL prefix (ending in `/`) under which the package's files are served. */
  baseUrl: string;
  /** The validated exhibit. */
  exhibit: Exhibit;
  /** Languages with text everywhere, in switcher order: the only ones a visitor is offered. */
  languages: Language[];
}

/** Settings the renderer may read. */
export interface PublicSettings {
  /** Idle time before the "Are you still there?" dialog, seconds; null: the package's. */
  idleSeconds: number | null;
  /** Countdown of that dialog, seconds; null: the package's. */
  countdownSeconds: number | null;
}

/** Facts about the host, for diagnostics. */
export interface HostInfo {
  host: 'electron' | 'browser';
  appVersion: string;
  platform: string;
}

/** A problem in a package, as staff read it. */
export interface ProblemView {
  file: string;
  place: string;
  /**
   * The same place as its steps, field names and zero-based indexes
   * (`['sections', 4, 'panels', 3, 'body', 'ru', 0]`), for the admin screen to say in the staff's
   * language; empty for the whole file.
   */
  path: (string | number)[];
  /** What is wrong, in English (the validator's words; the logs and the stick's report use it). */
  message: string;
  /** `file: place: message` in one line. */
  text: string;
  /** The problem as a code, when the import found it itself: the admin screen says it in the staff's language. */
  finding?: ImportFinding;
  /** The problem as a code, when the validator has one for it: the admin screen says it in the staff's language. */
  issue?: ContentProblem;
}

/** An installed version, as the admin screen shows it. */
export interface VersionView {
  name: string;
  id: string;
  version: string;
  installedAt: string;
  source: string;
  languages: Language[];
  sections: number;
  stories: number;
}

/** A package found on a stick; staff refer to it by `packageId`, never by path. */
export interface StickPackageView {
  packageId: string;
  name: string;
  kind: 'folder' | 'zip';
}

/** A stick and the packages found on it, by the label staff see. */
export interface StickView {
  label: string;
  packages: StickPackageView[];
}

/** What the admin screen shows first. */
export interface AdminOverview {
  builtIn: { id: string; version: string };
  active: VersionView | null;
  previous: VersionView[];
  sticks: StickView[];
  importing: boolean;
  /** Languages complete in the content on screen. */
  languages: Language[];
  /**
   * Who may sign the packages this kiosk installs: the ids (`keyId` in core/content/manifest.ts)
   * of the keys in `settings.json` `trustedKeys`. Empty means no key is trusted, so unsigned and
   * foreign-signed packages install unchecked: the admin screen warns staff and says how to fix it.
   */
  signing: { trustedKeyIds: string[] };
}

/** A package's check before installing: the validator's verdict and what it would change. */
export interface InspectResult {
  ok: boolean;
  id?: string;
  version?: string;
  problems: ProblemView[];
  warnings: ProblemView[];
  changes?: {
    sections: {
      added: { id: string; title: Exhibit['title'] }[];
      removed: { id: string; title: Exhibit['title'] }[];
      changed: { id: string; title: Exhibit['title'] }[];
    };
    stories: {
      added: { id: string; title: Exhibit['title'] }[];
      removed: { id: string; title: Exhibit['title'] }[];
      changed: { id: string; title: Exhibit['title'] }[];
    };
    modelChanged: boolean;
    missingTranslations: string[];
  };
  /**
   * Set when staff must confirm: the package is the same or an older version of the exhibit on
   * screen (the built-in one included), or another exhibit altogether.
   */
  needsConfirmation?: NeedsConfirmation;
  /** Set when the check could not run at all (the package is no longer on a stick). */
  refused?: AdminAnswer;
}

/** What staff are asked to confirm before an install: the versions, and the exhibits when they differ. */
export interface NeedsConfirmation {
  /** The version on screen. */
  active: string;
  /** The package's version. */
  incoming: string;
  reason: 'same' | 'older' | 'other-exhibit';
  activeId: string;
  incomingId: string;
}

/** The answer to an install request: started (progress and the result follow as pushes), or why not. */
export type InstallAnswer = { started: true } | { started: false; answer: AdminAnswer };

/** The answer to a rollback: what is on screen now, or why nothing changed. */
export interface RollbackAnswer {
  ok: boolean;
  answer: AdminAnswer;
}

/** The answer to saving the logs to a stick: the files written, and what to tell staff. */
export interface ExportLogsAnswer {
  ok: boolean;
  files: string[];
  answer: AdminAnswer;
}

/** The answer to a PIN. */
export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; secondsLeft: number }
  | { ok: false; reason: 'no-pin' };

/** Progress of an import. */
export interface ImportProgressView {
  phase: 'checking' | 'copying' | 'validating' | 'switching' | 'done';
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** Estimated seconds left, from the throughput so far; null until it can be told. */
  secondsLeft: number | null;
}

/** How an import ended. */
export interface ImportResultView {
  ok: boolean;
  id?: string;
  version?: string;
  problems: ProblemView[];
  /** The new content failed its health check on screen and the previous version came back. */
  rolledBack: boolean;
  /** A report was written back to the stick. */
  reportWritten: boolean;
}

/** A renderer's sign of life, sent every few seconds (see `core/recovery.ts`). */
export interface Heartbeat {
  /** False when the page runs but shows nothing (the app's root is empty). */
  rendered: boolean;
}

/** What the host knows for the field self-test on the admin screen. */
export interface SelfTestInfo {
  host: HostInfo['host'];
  appVersion: string;
  platform: string;
  arch: string;
  /** Runtime versions: Node always, Electron and Chromium under Electron. */
  versions: { node: string; electron?: string; chrome?: string };
  /** The package on screen; null when none could be read. */
  content: { id: string; version: string; source: ActiveContent['source']; languages: Language[] } | null;
  /** Space on the data directory's disk, bytes; null when it could not be read. */
  disk: { freeBytes: number; totalBytes: number } | null;
}

/** Request channels: payload (undefined: none) and result. */
export interface Requests {
  'app:info': { payload: undefined; result: HostInfo };
  'content:current': { payload: undefined; result: ActiveContent };
  'content:health': { payload: { key: string; ok: boolean; detail?: string }; result: { ok: true } };
  'settings:get': { payload: undefined; result: PublicSettings };
  'admin:unlock': { payload: { pin: string }; result: UnlockResult };
  'admin:lock': { payload: undefined; result: { ok: true } };
  'admin:overview': { payload: undefined; result: AdminOverview };
  'admin:inspect': { payload: { packageId: string }; result: InspectResult };
  'admin:install': { payload: { packageId: string; confirm: boolean }; result: InstallAnswer };
  'admin:rollback': { payload: { name: string }; result: RollbackAnswer };
  'admin:exportLogs': { payload: { stick: string }; result: ExportLogsAnswer };
  'app:heartbeat': { payload: Heartbeat; result: { ok: true } };
  'selftest:info': { payload: undefined; result: SelfTestInfo };
}

/** Push channels, host to renderer: payload. */
export interface Pushes {
  'content:changed': ActiveContent;
  'admin:sticks': StickView[];
  'import:progress': ImportProgressView;
  'import:result': ImportResultView;
}

/** A request channel's name. */
export type RequestChannel = keyof Requests;
/** What a request carries, typed from its channel. */
export type RequestPayload<C extends RequestChannel> = Requests[C]['payload'];
/** What a request answers, typed from its channel. */
export type RequestResult<C extends RequestChannel> = Requests[C]['result'];
/** A push channel's name. */
export type PushChannel = keyof Pushes;

/** Every request channel (the compiler checks the list is complete). */
export const requestChannels = [
  'app:info',
  'content:current',
  'content:health',
  'settings:get',
  'admin:unlock',
  'admin:lock',
  'admin:overview',
  'admin:inspect',
  'admin:install',
  'admin:rollback',
  'admin:exportLogs',
  'app:heartbeat',
  'selftest:info',
] as const satisfies readonly RequestChannel[];
/** Every push channel, for the preload and the browser bridge to subscribe to. */
export const pushChannels = [
  'content:changed',
  'admin:sticks',
  'import:progress',
  'import:result',
] as const satisfies readonly PushChannel[];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const allRequestsListed: Missing<RequestChannel, (typeof requestChannels)[number]> = true;
const allPushesListed: Missing<PushChannel, (typeof pushChannels)[number]> = true;
void allRequestsListed;
void allPushesListed;

/** True when `channel` names a request of the contract. */
export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && (requestChannels as readonly string[]).includes(channel);
}

/** True when `channel` names a push message of the contract. */
export function isPushChannel(channel: unknown): channel is PushChannel {
  return typeof channel === 'string' && (pushChannels as readonly string[]).includes(channel);
}

/** A request that breaks the contract (unknown channel, bad payload, wrong sender). */
export class ContractError extends Error {
  override name = 'ContractError';
}

/** What the renderer sees as `window.kiosk`, whichever host provides it. */
export interface KioskBridge {
  invoke<C extends RequestChannel>(
    channel: C,
    ...payload: RequestPayload<C> extends undefined ? [] : [RequestPayload<C>]
  ): Promise<RequestResult<C>>;
  on<C extends PushChannel>(channel: C, listener: (payload: Pushes[C]) => void): () => void;
}
