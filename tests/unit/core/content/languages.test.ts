import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, DEFAULT_LANGUAGE, LANGUAGE, LANGUAGE_RECORDS, LANGUAGES } from '../../../../core/content/languages.ts';
import { LOCALES } from '../../../../locales/index.ts';

const require = createRequire(import.meta.url);
const SHY = '\u00ad';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function values(value: unknown): string[] {
  if (value && typeof value === 'object') return Object.values(value).flatMap(values);
  return [String(value)];
}

const localeFile = (lang: string) => path.join('locales', lang, 'common.json');
const readLocale = (lang: string): unknown => JSON.parse(fs.readFileSync(localeFile(lang), 'utf8'));

/** The code points a bundled font's CSS (as the renderer imports it) says its faces cover. */
function coverage(pkg: string, family: string): (cp: number) => boolean {
  const css = fs.readFileSync(path.join('node_modules', pkg, 'index.css'), 'utf8');
  const ranges: [number, number][] = [];
  for (const face of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    if (!face.includes(`font-family: '${family}'`)) continue;
    for (const part of /unicode-range:\s*([^;]+);/.exec(face)?.[1]?.split(',') ?? []) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      ranges.push([parseInt(from!, 16), parseInt(to ?? from!, 16)]);
    }
  }
  return (cp) => ranges.some(([from, to]) => cp >= from && cp <= to);
}

/** Unicode's name for an ISO 15924 script where the two differ (Simplified and Traditional Chinese are both Han). */
const unicodeScript = (script: string) => (script === 'Hans' || script === 'Hant' ? 'Hani' : script);

describe('the language record', () => {
  it('lists each language once, by a canonical BCP 47 tag, the first the default', () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    for (const lang of LANGUAGES) expect(Intl.getCanonicalLocales(lang)[0]).toBe(lang);
    expect(DEFAULT_LANGUAGE).toBe(LANGUAGES[0]);
    expect(LANGUAGE_RECORDS.map((r) => LANGUAGE[r.tag])).toEqual(LANGUAGE_RECORDS);
  });

  it('gives each language the script and direction its tag has, and an endonym written in that script', () => {
    for (const record of LANGUAGE_RECORDS) {
      const locale = new Intl.Locale(record.tag).maximize();
      expect(locale.script, record.tag).toBe(record.script);
      const info = locale as unknown as { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
      const direction = (info.getTextInfo?.() ?? info.textInfo)?.direction;
      if (direction) expect(record.direction, record.tag).toBe(direction);
      expect(record.endonym, record.tag).toMatch(new RegExp(`^[\\p{sc=${unicodeScript(record.script)}}\\s]+$`, 'u'));
    }
  });

  it('has a locales/<tag>/common.json for every language, with the default language’s keys, and a record entry for every locale folder', () => {
    const folders = fs.readdirSync('locales', { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual([...LANGUAGES].sort());
    const source = keys(readLocale(DEFAULT_LANGUAGE)).sort();
    for (const lang of LANGUAGES) {
      expect(fs.existsSync(localeFile(lang)), lang).toBe(true);
      expect(keys(readLocale(lang)).sort(), lang).toEqual(source);
      // locales/index.ts hands each language its own file, not another's.
      expect(LOCALES[lang], lang).toEqual(readLocale(lang));
    }
  });

  it('draws each language in a bundled font: a pinned dependency the renderer imports, whose faces cover its letters', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const entry = fs.readFileSync('renderer/main.tsx', 'utf8');
    for (const record of LANGUAGE_RECORDS) {
      const family = record.fontStack[0];
      const fontPackage = BUNDLED_FONTS[family];
      expect(pkg.dependencies[fontPackage], `${record.tag}: ${fontPackage} in package.json`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(entry, `${record.tag}: renderer/main.tsx imports ${fontPackage}`).toContain(`import '${fontPackage}';`);
      const covered = coverage(fontPackage, family);
      const letters = new Set([record.endonym, ...values(readLocale(record.tag))].join('').match(/\p{L}/gu));
      const missing = [...letters].filter((ch) => !covered(ch.codePointAt(0)!));
      expect(missing, `${record.tag}: letters ${family} does not draw`).toEqual([]);
    }
  });

  it('hyphenates with patterns that are bundled and work on the language’s own strings', () => {
    for (const record of LANGUAGE_RECORDS) {
      if (record.hyphenation === null) continue;
      const specifier = `hyphen/${record.hyphenation}`;
      expect(() => require.resolve(specifier), specifier).not.toThrow();
      const { hyphenateSync } = require(specifier) as { hyphenateSync: (text: string) => string };
      const text = values(readLocale(record.tag)).join(' ');
      expect(hyphenateSync(text), specifier).toContain(SHY);
    }
  });
});

describe('languages outside the record', () => {
  const tag = new RegExp(`(['"\`])(${LANGUAGES.join('|')})\\1|[{,\\s](${LANGUAGES.filter((l) => /^[a-z]+$/.test(l)).join('|')})\\s*:\\s`);
  /** Records keyed by the record's type, whose keys the type-checker holds to it. */
  const KEYED_BY_THE_RECORD = ['core/content/languages.ts', 'core/content/typesetting.ts', 'renderer/typography/hyphenation.ts'];

  function files(dir: string): string[] {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(tsx?|html)$/.test(e.name) ? [path.join(dir, e.name)] : []));
  }

  it('are named by hand nowhere in the product’s code: core, the renderer, the hosts', () => {
    const found: string[] = [];
    for (const file of ['core', 'renderer', 'electron', 'browser-host'].flatMap(files)) {
      if (KEYED_BY_THE_RECORD.includes(file.split(path.sep).join('/'))) continue;
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      code.split('\n').forEach((line, i) => {
        if (tag.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
