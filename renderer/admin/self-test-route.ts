import { LANGUAGES, type Language } from '../../core/content/schema.ts';

/**
 * The language of the stand-alone self-test when the address asks for it (`#selftest`, or
 * `#selftest/ru` and the like), else null. Until the admin screen mounts the self-test behind
 * its PIN, this is how a technician (and the end-to-end tests) open it under the browser host,
 * whose address carries a per-start token; nothing in the Electron kiosk navigates there.
 */
export function selfTestRoute(hash: string): Language | null {
  const match = /^#selftest(?:\/([\w-]+))?$/.exec(hash);
  if (!match) return null;
  const lang = match[1] ?? 'zh-Hans';
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'zh-Hans';
}
