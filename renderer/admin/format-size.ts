import type { Language } from '../../core/content/schema.ts';
import type { Strings } from '../i18n.ts';

/** The units of sizes: `admin.size` of one language's locale file. */
export type SizeStrings = Strings['admin']['size'];

const UNITS = ['kb', 'mb', 'gb'] as const;

/**
 * A size in bytes as staff read it in their language: 「1.5 MB」, «1,5 МБ», "1.5 MB", with the
 * number written the language's way. Steps of 1024, like `formatBytes` in core/content/limits.ts,
 * so the screen and the core's messages agree on a figure.
 */
export function formatSize(bytes: number, language: Language, units: SizeStrings): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return units.bytes.replace('{{size}}', number(bytes, 0));
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return units[UNITS[unit]!].replace('{{size}}', number(value, value >= 10 ? 0 : 1));
}
