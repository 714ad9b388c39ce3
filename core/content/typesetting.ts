import { LANGUAGE, LANGUAGES, type Language } from './languages.ts';

/**
 * What a text is, for typesetting: running `body` text (panel paragraphs, captions, summaries)
 * is hyphenated where its language wants it and breaks freely; a `heading` (titles, tile and
 * card titles, eyebrows, quotes set large) and a `name` (labels, attributions, names) are never
 * hyphenated and, in Chinese, break only between words.
 */
export type TextRole = 'body' | 'heading' | 'name';

/**
 * How one language is set, beyond what the language record says (its script, fonts and
 * hyphenation patterns, in `languages.ts`).
 */
export interface Typesetting {
  /**
   * Headings and names break only between words (CSS `word-break: keep-all`, with a break
   * opportunity put between the words that Intl.Segmenter finds): a script without spaces.
   */
  phraseBreaks: boolean;
  /**
   * Fewest letters or digits on the last line of a paragraph or title, kept together by the
   * text itself (0: left to the browser's `text-wrap: pretty`).
   */
  minLastLine: number;
  /**
   * How large the screen titles (the home title, section headings) are set, against the
   * design's size: Russian words run long, so its titles are set smaller to fit two lines.
   */
  headingScale: number;
  /** Proper names of the exhibit in this script that no line may split. */
  names: readonly string[];
}

/**
 * The typesetting of each language the kiosk offers, keyed by the record's type: a language
 * added to the record without an entry here does not compile.
 */
export const TYPESETTING: { readonly [L in Language]: Typesetting } = {
  'zh-Hans': {
    phraseBreaks: true,
    minLastLine: 2,
    headingScale: 1,
    names: [
      '东方红',
      '哈尔科夫',
      '洛阳',
      '涧西',
      '莫斯科',
      '斯大林格勒',
      '鲁布佐夫斯克',
      '阿尔泰',
      '毛泽东',
      '巴拉金',
      '阿廖申',
      '帕维尔·阿廖申',
      '文安立',
      '单霁翔',
      '一拖',
    ],
  },
  ru: {
    phraseBreaks: false,
    minLastLine: 0,
    headingScale: 0.875,
    names: ['Дунфанхун', 'Гипроавтотракторопром'],
  },
  en: {
    phraseBreaks: false,
    minLastLine: 0,
    headingScale: 1,
    names: ['Dongfanghong', 'Giproavtotraktoroprom'],
  },
};

/** True when body text in `lang` gets soft hyphens: the record names patterns for it. */
function hyphenatesBody(lang: Language): boolean {
  return LANGUAGE[lang].hyphenation !== null;
}

/** A piece of prepared text: plain text, text no line may break inside, or a break opportunity between words. */
export type Piece = { kind: 'text'; text: string } | { kind: 'keep'; text: string } | { kind: 'break' };

/** What `prepareText` needs besides the text: the hyphenation to use, and whether the text ends a paragraph. */
export interface PrepareOptions {
  /** Inserts soft hyphens (Russian patterns once loaded); used only for body text of a hyphenated script. */
  hyphenate?: (text: string) => string;
  /** The text ends a paragraph (or a line before a break), so the last-line rule applies. Default true. */
  paragraphEnd?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = /[\p{L}\p{N}]/u;
const HAN = /\p{sc=Han}/u;
/** Longest a whole `name` text is kept on one line; a longer one breaks only between its words. */
const SHORT_NAME = 16;

const patterns = new Map<Language, RegExp>();
/**
 * Where names sit in a text: the exhibit's names (optionally with a model number: 东方红-54),
 * any Latin or Cyrillic word joined by a hyphen to digits (DT-54, Дунфанхун-54), up to three
 * Chinese characters so joined, and a range of numbers (1953—1957), each with the quotation
 * marks around it.
 */
function namePattern(lang: Language): RegExp {
  let pattern = patterns.get(lang);
  if (!pattern) {
    // A name may be quoted in any language's text (东方红 in a Russian caption).
    const lexicon = Object.values(TYPESETTING)
      .flatMap((t) => t.names)
      .sort((a, b) => b.length - a.length)
      .map(escape);
    const core = `(?:${[...lexicon.map((n) => `${n}(?:-\\d+)?`), '[\\p{sc=Latn}\\p{sc=Cyrl}]+-\\d+', '\\p{sc=Han}{1,3}-\\d+', '\\d+[—–~～-]\\d+'].join('|')})`;
    pattern = new RegExp(`[«“‘"]?${core}[»”’"]?`, 'gu');
    patterns.set(lang, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Words joined by hyphens (северо-запад, Soviet-era): a heading keeps them on one line. */
const COMPOUND = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/** Where the last line's kept ending starts: the last `min` letters or digits and what follows them. */
function endingStart(text: string, min: number): number {
  let count = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (/\s/.test(text[i]!)) return -1;
    if (LETTER.test(text[i]!)) count += 1;
    if (count === min) return i;
  }
  return -1;
}

function push(pieces: Piece[], piece: Piece): void {
  const last = pieces[pieces.length - 1];
  if (piece.kind === 'text' && piece.text === '') return;
  if (last && last.kind === piece.kind && piece.kind !== 'break') (last as { text: string }).text += (piece as { text: string }).text;
  else if (!(piece.kind === 'break' && (!last || last.kind === 'break'))) pieces.push(piece);
}

/** Hyphenates the words of `text` that may be hyphenated: not abbreviations or words in capitals. */
function hyphenateWords(text: string, hyphenate: (text: string) => string): string {
  return text.replace(/\p{L}+/gu, (word) => (word === word.toUpperCase() ? word : hyphenate(word)));
}

/** Break opportunities between the words of a Chinese run (between two word-like segments only). */
function phrases(text: string, lang: Language, pieces: Piece[]): void {
  const segments = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)];
  segments.forEach((segment, i) => {
    const before = segments[i - 1];
    if (before?.isWordLike && segment.isWordLike && (HAN.test(before.segment) || HAN.test(segment.segment)))
      push(pieces, { kind: 'break' });
    push(pieces, { kind: 'text', text: segment.segment });
  });
}

/** One line of text (no line breaks in it) made into pieces. */
function prepareLine(text: string, lang: Language, role: TextRole, options: PrepareOptions): Piece[] {
  const record = TYPESETTING[lang];
  const hyphenated = hyphenatesBody(lang);
  const pieces: Piece[] = [];
  if (role === 'name' && text.length <= SHORT_NAME && !/\s/.test(text.trim())) return [{ kind: 'keep', text }];

  // Spans no line may break: names, compounds in headings, and the ending of the last line.
  const kept: [number, number][] = [];
  for (const m of text.matchAll(namePattern(lang))) kept.push([m.index, m.index + m[0].length]);
  if (role !== 'body') for (const m of text.matchAll(COMPOUND)) kept.push([m.index, m.index + m[0].length]);
  if (record.minLastLine > 0 && options.paragraphEnd !== false && HAN.test(text)) {
    const start = endingStart(text, record.minLastLine);
    if (start > 0) kept.push([start, text.length]);
  }
  kept.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of kept) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }

  const phrased = role !== 'body' && record.phraseBreaks;
  const free = (part: string) => {
    if (role === 'body' && hyphenated && options.hyphenate) push(pieces, { kind: 'text', text: hyphenateWords(part, options.hyphenate) });
    else if (phrased) phrases(part, lang, pieces);
    else push(pieces, { kind: 'text', text: part });
  };
  let at = 0;
  for (const [start, end] of merged) {
    free(text.slice(at, start));
    if (phrased && start > 0 && LETTER.test(text[start - 1]!)) push(pieces, { kind: 'break' });
    push(pieces, { kind: 'keep', text: text.slice(start, end) });
    if (phrased && end < text.length && LETTER.test(text[end]!)) push(pieces, { kind: 'break' });
    at = end;
  }
  free(text.slice(at));
  return pieces;
}

/**
 * Prepares `text` in `lang` for its `role`: the pieces to render, whose texts joined give back
 * `text` (with soft hyphens added in hyphenated body text, nothing else), so what a screen
 * reader or a test reads is unchanged.
 */
export function prepareText(text: string, lang: Language, role: TextRole, options: PrepareOptions = {}): Piece[] {
  const lines = text.split('\n');
  const pieces: Piece[] = [];
  lines.forEach((line, i) => {
    if (i > 0) push(pieces, { kind: 'text', text: '\n' });
    for (const piece of prepareLine(line, lang, role, { ...options, paragraphEnd: i < lines.length - 1 ? true : options.paragraphEnd }))
      push(pieces, piece);
  });
  return pieces;
}

/** The CSS `font-family` value of a language's stack (from the language record). */
export function fontFamily(lang: Language): string {
  return LANGUAGE[lang].fontStack.map((f: string) => (f === 'sans-serif' || f === 'serif' ? f : `'${f}'`)).join(', ');
}

/**
 * The per-language rules of the renderer's typography, written from the record so that a new
 * language needs no CSS of its own: each language's font stack (as `--font`, which monospace
 * codes fall back to) and its titles' scale (`--heading-scale`); for a script without spaces,
 * strict line breaking (no line starts with a closing mark) and `word-break: keep-all` for its
 * headings and names; for a hyphenated language, only the soft hyphens its patterns put in.
 * Zero specificity, so a component's own rule still wins.
 */
export function typographyCss(): string {
  const rules = LANGUAGES.map((lang) => {
    const lines = [`--font: ${fontFamily(lang)};`, 'font-family: var(--font);', `--heading-scale: ${TYPESETTING[lang].headingScale};`];
    if (TYPESETTING[lang].phraseBreaks) lines.push('line-break: strict;', 'word-break: normal;', 'overflow-wrap: anywhere;');
    if (hyphenatesBody(lang)) lines.push('hyphens: manual;', 'overflow-wrap: break-word;');
    return `:where(:lang(${lang})) {\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;
  });
  for (const lang of LANGUAGES.filter((l) => TYPESETTING[l].phraseBreaks))
    rules.push(
      `:where([data-typeset='heading'], [data-typeset='name']):lang(${lang}),\n:where([data-typeset='heading'], [data-typeset='name']) :lang(${lang}) {\n  word-break: keep-all;\n}\n`,
    );
  return rules.join('\n');
}
