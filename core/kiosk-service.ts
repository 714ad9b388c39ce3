/**
 * The kiosk behind the contract: what each request answers and when push messages go out.
 * Both hosts only carry messages to and from this service.
 */
import {
  ContractError,
  isRequestChannel,
  type ActiveContent,
  type Heartbeat,
  type HostInfo,
  type PushChannel,
  type Pushes,
  type RequestChannel,
  type RequestPayload,
  type RequestResult,
} from './contract.ts';
import type { ActivePackage, ContentStore } from './content/store.ts';
import type { LangMap } from './content/schema.ts';
import { gatherSelfTest } from './selftest.ts';
import type { SettingsStore } from './settings.ts';
import type { AdminService } from './admin/admin-service.ts';
import { parseRequest } from './contract-validate.ts';
import { resolveInside } from './content/files.ts';

/** A push message on its way to the renderer. */
export type PushListener = <C extends PushChannel>(channel: C, payload: Pushes[C]) => void;

/** What a host gives the service. */
export interface KioskServiceOptions {
  content: ContentStore;
  settings: SettingsStore;
  host: HostInfo;
  /** The URL prefix under which this host serves the active package's files. */
  contentBaseUrl: string;
  /** The staff side; without it every admin request is refused. */
  admin?: AdminService;
  /** The data directory, whose free space the field self-test reports; without it, unknown. */
  dataDir?: string;
  /** Hears the renderer's heartbeat (the Electron host's recovery watches for it to stop). */
  onHeartbeat?: (beat: Heartbeat) => void;
}

type Handlers = { [C in RequestChannel]: (payload: RequestPayload<C>) => Promise<RequestResult<C>> };

/** The kiosk's request handlers and push messages, independent of any host. */
export class KioskService {
  private readonly listeners = new Set<PushListener>();
  private readonly handlers: Handlers;
  private readonly recent = new Map<string, string>();

  constructor(private readonly options: KioskServiceOptions) {
    this.handlers = {
      'app:info': async () => options.host,
      'content:current': async () => this.describe(await options.content.active()),
      'settings:get': async () => {
        const { idleSeconds, countdownSeconds } = await options.settings.read();
        return { idleSeconds, countdownSeconds };
      },
      'content:health': async ({ key, ok, detail }) => this.admin('content:health', false).reportHealth(key, ok, detail),
      'admin:unlock': async ({ pin }) => this.admin('admin:unlock', false).unlock(pin),
      'admin:lock': async () => this.admin('admin:lock', false).lock(),
      'admin:overview': async () => this.admin('admin:overview').overview(),
      'admin:inspect': async ({ packageId }) => this.admin('admin:inspect').inspect(packageId),
      'admin:install': async ({ packageId, confirm }) => this.admin('admin:install').install(packageId, confirm),
      'admin:rollback': async ({ name }) => this.admin('admin:rollback').rollback(name),
      'admin:exportLogs': async ({ stick }) => this.admin('admin:exportLogs').exportLogs(stick),
      'app:heartbeat': async (beat) => {
        options.onHeartbeat?.(beat);
        return { ok: true };
      },
      'selftest:info': async () => {
        this.admin('selftest:info');
        return gatherSelfTest({ host: options.host, dataDir: options.dataDir, active: () => options.content.active() });
      },
    };
  }

  private admin(channel: string, requireUnlocked = true): AdminService {
    const admin = this.options.admin;
    if (!admin) throw new ContractError(`${channel}: this kiosk has no admin side`);
    if (requireUnlocked) admin.requireUnlocked(channel);
    return admin;
  }

  /** Sends a push message to the renderer (for the staff side's progress and sticks). */
  push<C extends PushChannel>(channel: C, payload: Pushes[C]): void {
    this.emit(channel, payload);
  }

  /**
   * Answers a request that came over a host's transport: the channel and payload are
   * untrusted and checked against the contract first.
   */
  async invoke(channel: unknown, payload: unknown): Promise<unknown> {
    if (!isRequestChannel(channel)) throw new ContractError(`unknown request channel ${JSON.stringify(channel)}`);
    return this.run(channel, parseRequest(channel, payload));
  }

  private run<C extends RequestChannel>(channel: C, payload: RequestPayload<C>): Promise<RequestResult<C>> {
    const handler = this.handlers[channel] as (p: RequestPayload<C>) => Promise<RequestResult<C>>;
    return handler(payload);
  }

  /** Subscribes to push messages; returns the unsubscribe. */
  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the active package and tells the renderer when it changed. */
  async refreshContent(): Promise<ActiveContent> {
    const before = await this.options.content.active();
    const after = await this.options.content.refresh();
    const described = this.describe(after);
    if (after.key !== before.key) this.emit('content:changed', described);
    return described;
  }

  /**
   * The file behind a content URL: `key` names the package (the active one, or one recently
   * active so that a screen fading out can finish), `relPath` a file inside it.
   */
  async contentFile(key: string, relPath: string): Promise<string | undefined> {
    const active = await this.options.content.active();
    const dir = active.key === key ? active.dir : this.recent.get(key);
    return dir ? resolveInside(dir, relPath) : undefined;
  }

  /** The exhibit's title for the safe-mode page, or undefined when no package can be read (the page then shows its own). */
  async exhibitTitle(): Promise<LangMap | undefined> {
    try {
      return (await this.options.content.active()).exhibit.title;
    } catch {
      return undefined;
    }
  }

  private emit<C extends PushChannel>(channel: C, payload: Pushes[C]): void {
    for (const listener of this.listeners) listener(channel, payload);
  }

  private describe(pkg: ActivePackage): ActiveContent {
    this.recent.set(pkg.key, pkg.dir);
    while (this.recent.size > 3) this.recent.delete(this.recent.keys().next().value as string);
    const base = this.options.contentBaseUrl;
    return {
      key: pkg.key,
      source: pkg.source,
      baseUrl: `${base}${encodeURIComponent(pkg.key)}/`,
      exhibit: pkg.exhibit,
      languages: pkg.languages,
    };
  }
}
