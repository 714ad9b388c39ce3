/**
 * Assembles the kiosk from its parts for a host: the content store, settings, the staff PIN,
 * the stick watcher, the admin side and the service behind the contract. Electron and the
 * browser host both call this, so nothing is wired twice.
 */
import type { HostInfo } from './contract.ts';
import { AdminService } from './admin/admin-service.ts';
import { PinStore } from './admin/pin.ts';
import { ContentStore } from './content/store.ts';
import { tidy } from './import/versions.ts';
import type { MountFilter } from './import/mounts.ts';
import { StickWatcher } from './import/sticks.ts';
import { KioskService, type KioskServiceOptions } from './kiosk-service.ts';
import { appLayout } from './paths.ts';
import { SettingsStore, type Settings } from './settings.ts';

/** What a host hands the kiosk: where the app and its data live, the content URL it serves, the mount roots to watch, and where logs go. */
export interface KioskOptions {
  appRoot: string;
  dataDir: string;
  previewDir?: string;
  settingsOverrides?: Partial<Settings>;
  host: HostInfo;
  contentBaseUrl: string;
  mountRoots: readonly string[];
  /** `any`: every mount under the roots is a stick (roots named on the command line, as tests do); removable devices only by default. */
  mountFilter?: MountFilter;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  /** Hears the renderer's heartbeat (the Electron host's recovery watches for it to stop). */
  onHeartbeat?: KioskServiceOptions['onHeartbeat'];
}

/** A running kiosk as a host holds it: the service it forwards requests to, the stores behind it, the stick watcher, and a way to stop it all. */
export interface Kiosk {
  service: KioskService;
  content: ContentStore;
  settings: SettingsStore;
  watcher: StickWatcher;
  stop(): void;
}

/** Builds the kiosk; call `service.invoke` for requests and `service.subscribe` for pushes. */
export async function createKiosk(options: KioskOptions): Promise<Kiosk> {
  const layout = appLayout(options.appRoot);
  await tidy(options.dataDir).catch(() => undefined);
  const content = new ContentStore({
    dataDir: options.dataDir,
    defaultDir: layout.defaultContentDir,
    ...(options.previewDir ? { previewDir: options.previewDir } : {}),
  });
  const settings = new SettingsStore(options.dataDir, options.settingsOverrides ?? {});
  const late: { admin?: AdminService; service?: KioskService } = {};
  const watcher = new StickWatcher({
    roots: options.mountRoots,
    filter: options.mountFilter ?? 'removable',
    onChange: (sticks) => late.admin?.sticksChanged(sticks),
  });
  const admin = new AdminService({
    dataDir: options.dataDir,
    content,
    pins: new PinStore(options.dataDir),
    sticks: () => watcher.sticks,
    trustedKeys: async () => (await settings.read()).trustedKeys,
    refresh: async () => late.service!.refreshContent(),
    push: (channel, payload) => late.service!.push(channel, payload),
    ...(options.log ? { log: options.log } : {}),
  });
  const service = new KioskService({
    content,
    settings,
    host: options.host,
    contentBaseUrl: options.contentBaseUrl,
    admin,
    dataDir: options.dataDir,
    ...(options.onHeartbeat ? { onHeartbeat: options.onHeartbeat } : {}),
  });
  late.admin = admin;
  late.service = service;
  if (!options.previewDir) watcher.start();
  return { service, content, settings, watcher, stop: () => watcher.stop() };
}
