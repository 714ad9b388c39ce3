/**
 * The content validator: one function the CLI and the kiosk both run before anything is
 * shown. Every problem is reported with its file and place, all at once.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSmallFile } from './files.ts';
import { checkGlb } from './glb.ts';
import { commonCoverage, undrawableTexts } from './glyphs.ts';
import { findMissingTexts, formatPath } from './lang.ts';
import { DEFAULT_LIMITS, formatBytes, type PackageLimits } from './limits.ts';
import { checkExhibitData, codedProblem, readExhibitJson, type Problem } from './load.ts';
import { MANIFEST_FILE, SIGNATURE_FILE, hashFile, type Manifest } from './manifest.ts';
import { readManifest } from './manifest-check.ts';
import { pictureProblem, pixelProblem, readMedia } from './media-check.ts';
import { parseMarkup } from './markup.ts';
import { englishProblem, type ContentProblem } from './problem-codes.ts';
import { scanPackage, type PackageFile } from './scan.ts';
import type { Exhibit, Language, Narration, Video } from './schema.ts';
import { expectedFormat, sniffFile, type MediaKind } from './sniff.ts';
import { v1Place } from './migrate.ts';
import { checkSubtitles } from './webvtt.ts';
import { extractZip, packageRootIn } from './zip.ts';

/** How strictly to validate. */
export interface ValidateOptions {
  limits?: PackageLimits;
  /** Trusted Ed25519 public keys (PEM). When any is given, an unsigned package is refused. */
  trustedKeys?: readonly string[];
  /** Refuse a package without a manifest (installation needs one to check every copied byte). */
  requireManifest?: boolean;
  /** Where a zip is unpacked (a temporary folder by default). */
  workDir?: string;
  /** Every file's SHA-256 was just checked against the manifest (by the import's copy): sizes only. */
  hashesVerified?: boolean;
  /**
   * The package is already on the kiosk, being shown or about to be (its start, its self-check).
   * The checks that only keep new packages out warn instead, so that a kiosk update with a
   * stricter check never takes down an exhibit the museum already has on screen.
   */
  installed?: boolean;
}

/**
 * What refuses a package arriving (validate, pack, import) but only warns of one installed
 * before the check existed: what it finds was already on screen, and the exhibit beats a box.
 */
export const REFUSED_ON_ARRIVAL_ONLY: ReadonlySet<ContentProblem['code']> = new Set(['text-undrawable', 'more-undrawable-texts']);

/** The validator's verdict on a package. */
export interface ValidationReport {
  ok: boolean;
  problems: Problem[];
  /** The folder that was checked (for a zip, where it was unpacked). */
  root?: string;
  /** The exhibit, in the current format whatever format its file is in. */
  exhibit?: Exhibit;
  /** The format `exhibit.json` is written in (1 for a package made before format 2). */
  format?: 1 | 2;
  /** Languages complete everywhere. */
  languages?: Language[];
  files: Map<string, PackageFile>;
  manifest?: Manifest;
  /** Removes a zip's unpacked copy. */
  cleanup(): Promise<void>;
}

/** Files a package may hold besides media. */
const PACKAGE_FILES = new Set(['exhibit.json', MANIFEST_FILE, SIGNATURE_FILE, 'exhibit.schema.json']);
const TEXT_FILE = /(^|\/)(README|LICENSE|CREDITS)(\.(md|txt))?$/i;

interface AssetRef {
  path: string;
  kind: MediaKind;
  place: string;
  /** The language of subtitles, which are set in that language's fonts. */
  language?: Language;
  /** The film subtitles belong to, whose length their cues must stay within. */
  film?: string;
}

const bad = (file: string, place: string, issue: ContentProblem): Problem => codedProblem(file, place, issue);

/** Every file the exhibit refers to, with the kind of media it must be. */
export function assetReferences(exhibit: Exhibit): AssetRef[] {
  const refs: AssetRef[] = [];
  const add = (path: string | undefined, kind: MediaKind, place: string, language?: Language, film?: string) =>
    path !== undefined && refs.push({ path, kind, place, ...(language ? { language } : {}), ...(film ? { film } : {}) });
  const picture = (p: { src: string } | undefined, place: string) => add(p?.src, 'picture', `${place}.src`);
  const video = (v: Video | undefined, place: string) => {
    if (!v) return;
    add(v.src, 'video', `${place}.src`);
    add(v.poster, 'picture', `${place}.poster`);
    for (const [language, file] of Object.entries(v.subtitles ?? {}) as [Language, string][])
      add(file, 'subtitles', `${place}.subtitles.${language}`, language, v.src);
  };
  const narration = (n: Narration | undefined, place: string) => {
    for (const [language, file] of Object.entries(n?.audio ?? {})) add(file, 'audio', `${place}.narration.audio.${language}`);
  };
  exhibit.sections.forEach((section, s) => {
    add(section.cover, 'picture', `sections[${s}].cover`);
    section.panels.forEach((panel, p) => {
      const at = `sections[${s}].panels[${p}]`;
      if (panel.type === 'picture') picture(panel.picture, `${at}.picture`);
      if (panel.type === 'video') video(panel.video, `${at}.video`);
      narration(panel.narration, at);
      panel.more?.pictures?.forEach((extra, i) => picture(extra, `${at}.more.pictures[${i}]`));
    });
  });
  exhibit.stories.forEach((story, s) => {
    add(story.cover, 'picture', `stories[${s}].cover`);
    story.slides.forEach((slide, i) => {
      const at = `stories[${s}].slides[${i}]`;
      picture(slide.picture, `${at}.picture`);
      video(slide.video, `${at}.video`);
      picture(slide.compare?.before, `${at}.compare.before`);
      picture(slide.compare?.after, `${at}.compare.after`);
      narration(slide.narration, at);
    });
  });
  exhibit.models.forEach((model, m) => {
    add(model.src, 'model', `models[${m}].src`);
    add(model.poster, 'picture', `models[${m}].poster`);
    model.hotspots.forEach((h, i) => narration(h.narration, `models[${m}].hotspots[${i}]`));
    model.tour.forEach((stop, i) => narration(stop.narration, `models[${m}].tour[${i}]`));
  });
  exhibit.attract.playlist.forEach((item, i) => {
    add(item.picture, 'picture', `attract.playlist[${i}].picture`);
    add(item.video, 'video', `attract.playlist[${i}].video`);
  });
  return refs;
}

/** Ids used more than once, anywhere in the exhibit (one id space for links and tests). */
function duplicateIds(exhibit: Exhibit): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  const walk = (node: unknown, at: (string | number)[]): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, [...at, i]));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (at.length > 0 && typeof record.id === 'string' && !('kind' in record && at[at.length - 1] === 'opens')) {
        const place = formatPath([...at, 'id']);
        const first = seen.get(record.id);
        if (first) problems.push(bad('exhibit.json', place, { code: 'duplicate-id', id: record.id, first }));
        else seen.set(record.id, place);
      }
      for (const [k, v] of Object.entries(record)) if (typeof v === 'object') walk(v, [...at, k]);
    }
  };
  walk(exhibit, []);
  return problems;
}

/** Links inside the exhibit that lead nowhere, and settings that contradict each other. */
function brokenLinks(exhibit: Exhibit): Problem[] {
  const problems: Problem[] = [];
  const stories = new Set(exhibit.stories.map((s) => s.id));
  const sections = new Set(exhibit.sections.map((s) => s.id));
  const models = new Set(exhibit.models.map((m) => m.id));
  const model = (id: string | undefined, at: string) => {
    if (exhibit.models.length === 0) problems.push(bad('exhibit.json', at, { code: 'shows-missing-model' }));
    else if (id !== undefined && !models.has(id)) problems.push(bad('exhibit.json', `${at}.opens.id`, { code: 'no-such-model', id }));
  };
  if (!exhibit.languages.available.includes(exhibit.languages.default))
    problems.push(bad('exhibit.json', 'languages.default', { code: 'default-not-available', language: exhibit.languages.default }));
  exhibit.attract.playlist.forEach((item, i) => {
    const at = `attract.playlist[${i}]`;
    const opens = item.opens;
    if (opens.kind === 'story' && !stories.has(opens.id))
      problems.push(bad('exhibit.json', `${at}.opens.id`, { code: 'no-such-story', id: opens.id }));
    if (opens.kind === 'section' && !sections.has(opens.id))
      problems.push(bad('exhibit.json', `${at}.opens.id`, { code: 'no-such-section', id: opens.id }));
    if (opens.kind === 'model') model(opens.id, at);
    if (item.type === 'model' && opens.kind !== 'model') model(undefined, at);
    if (item.type === 'model' && item.model !== undefined && !models.has(item.model))
      problems.push(bad('exhibit.json', `${at}.model`, { code: 'no-such-model', id: item.model }));
    if ((item.type === 'picture' || item.type === 'video') && !item.picture)
      problems.push(bad('exhibit.json', `${at}.picture`, { code: 'picture-item-needs-picture' }));
    if (item.type === 'video' && !item.video) problems.push(bad('exhibit.json', `${at}.video`, { code: 'video-item-needs-film' }));
    if (item.type === 'quote' && !item.quote) problems.push(bad('exhibit.json', `${at}.quote`, { code: 'quote-item-needs-quote' }));
  });
  exhibit.sections.forEach((section, s) =>
    section.panels.forEach((panel, p) =>
      panel.models?.forEach((id, i) => {
        if (!models.has(id)) problems.push(bad('exhibit.json', `sections[${s}].panels[${p}].models[${i}]`, { code: 'no-such-model', id }));
      }),
    ),
  );
  exhibit.models.forEach((m, n) => {
    const hotspots = new Set(m.hotspots.map((h) => h.id));
    m.tour.forEach((stop, i) => {
      if (stop.hotspot && !hotspots.has(stop.hotspot))
        problems.push(bad('exhibit.json', `models[${n}].tour[${i}].hotspot`, { code: 'no-such-hotspot', id: stop.hotspot }));
    });
    const { minDistance, maxDistance } = m.camera;
    if (minDistance >= maxDistance) problems.push(bad('exhibit.json', `models[${n}].camera.minDistance`, { code: 'min-not-below-max' }));
  });
  return problems;
}

/** Rich text of `value` (a text panel's body, a "more" layer's text), with the markup outside what is allowed. */
function markupProblems(map: Record<string, string[] | undefined>, place: string): Problem[] {
  const problems: Problem[] = [];
  for (const [language, values] of Object.entries(map))
    (values ?? []).forEach((value, v) => {
      const parsed = parseMarkup(value);
      if (!parsed.ok) problems.push(bad('exhibit.json', `${place}.${language}[${v}]`, parsed.issue));
    });
  return problems;
}

/** Rich text outside the allowed markup (script above all). */
function badMarkup(exhibit: Exhibit): Problem[] {
  return exhibit.sections.flatMap((section, s) =>
    section.panels.flatMap((panel, p) => [
      ...(panel.type === 'text' ? markupProblems(panel.body, `sections[${s}].panels[${p}].body`) : []),
      ...(panel.more ? markupProblems(panel.more.text, `sections[${s}].panels[${p}].more.text`) : []),
    ]),
  );
}

/** The most texts named as having a character the kiosk cannot draw; the rest are counted, at the first of them. */
const MAX_UNDRAWABLE_TEXTS = 20;

/**
 * Texts with a character no font of their language draws, each named with its first such
 * character: an error, as the kiosk would show visitors an empty box in its place.
 */
function undrawable(exhibit: Exhibit): Problem[] {
  const found = undrawableTexts(exhibit, exhibit.languages.available);
  const problems = found
    .slice(0, MAX_UNDRAWABLE_TEXTS)
    .map(({ place, character, codePoint }) => bad('exhibit.json', place, { code: 'text-undrawable', character, codePoint }));
  const next = found[MAX_UNDRAWABLE_TEXTS];
  // Named where the first text not listed is, for staff to go on from there.
  if (next) problems.push(bad('exhibit.json', next.place, { code: 'more-undrawable-texts', count: found.length - MAX_UNDRAWABLE_TEXTS }));
  return problems;
}

/** Texts missing a declared language: an error for the default language, else a warning. */
function missingLanguages(exhibit: Exhibit): Problem[] {
  return findMissingTexts(exhibit, exhibit.languages.available).map(({ path: place, language }) =>
    language === exhibit.languages.default
      ? codedProblem('exhibit.json', place, { code: 'no-default-text', language })
      : codedProblem('exhibit.json', place, { code: 'no-text-in', language }, 'warning'),
  );
}

/**
 * Why a file is too large for its kind, before anything reads it (the import asks this of every
 * file on the stick before copying), or undefined. Models have a limit of their own: the glTF
 * validator holds a model whole.
 */
export function sizeIssue(file: PackageFile, limits: PackageLimits): ContentProblem | undefined {
  if (expectedFormat(file.path)?.kind === 'model' && file.size > limits.maxModelBytes)
    return { code: 'model-too-large', size: file.size, maximum: limits.maxModelBytes };
  return undefined;
}

/** `sizeIssue` in English, for the import's check of the files on a stick. */
export function sizeProblem(file: PackageFile, limits: PackageLimits): string | undefined {
  const issue = sizeIssue(file, limits);
  return issue && englishProblem(issue);
}

/** The text of `bytes` as UTF-8, or undefined when they are not UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

async function checkFiles(root: string, exhibit: Exhibit, files: Map<string, PackageFile>, limits: PackageLimits): Promise<Problem[]> {
  const problems: Problem[] = [];
  const referenced = new Set<string>();
  const subtitleLanguages = new Map<string, Language[]>();
  /** The films each subtitle file belongs to, and each film's length as its container gives it. */
  const subtitleFilms = new Map<string, string[]>();
  const filmSeconds = new Map<string, number>();
  /** Subtitles are read once every film's length is known. */
  const later: (() => void)[] = [];
  const lower = new Map([...files.keys()].map((f) => [f.toLowerCase(), f]));
  for (const ref of assetReferences(exhibit)) {
    referenced.add(ref.path);
    if (ref.language) subtitleLanguages.set(ref.path, [...(subtitleLanguages.get(ref.path) ?? []), ref.language]);
    if (ref.film) subtitleFilms.set(ref.path, [...(subtitleFilms.get(ref.path) ?? []), ref.film]);
    const expected = expectedFormat(ref.path);
    if (!expected || expected.kind !== ref.kind) {
      const code = (
        {
          picture: 'must-be-picture',
          audio: 'must-be-audio',
          video: 'must-be-video',
          subtitles: 'must-be-subtitles',
          model: 'must-be-model',
        } as const
      )[ref.kind];
      problems.push(bad('exhibit.json', ref.place, { code, path: ref.path }));
      continue;
    }
    if (!files.has(ref.path)) {
      const other = lower.get(ref.path.toLowerCase());
      problems.push(
        bad(
          'exhibit.json',
          ref.place,
          other ? { code: 'not-in-package-case', path: ref.path, found: other } : { code: 'not-in-package', path: ref.path },
        ),
      );
    }
  }
  for (const file of files.values()) {
    const full = path.join(root, ...file.path.split('/'));
    if (PACKAGE_FILES.has(file.path) || TEXT_FILE.test(file.path)) continue;
    const expected = expectedFormat(file.path);
    if (!expected) {
      problems.push(bad(file.path, '', { code: 'kind-not-allowed' }));
      continue;
    }
    const sniffed = await sniffFile(full);
    if (sniffed.format !== expected.format) {
      problems.push(
        bad(
          file.path,
          '',
          sniffed.format
            ? { code: 'bytes-other-format', named: expected.format, actual: sniffed.format }
            : { code: 'bytes-not-format', named: expected.format },
        ),
      );
      continue;
    }
    if (expected.kind === 'picture') {
      // The header first (cheap, and exact for a picture that only claims its size), then the pixels.
      if (sniffed.width === undefined || sniffed.height === undefined)
        problems.push(bad(file.path, '', { code: 'picture-size-unreadable' }));
      else {
        const why = pixelProblem(sniffed.width, sniffed.height, limits) ?? (await pictureProblem(full, limits));
        if (why) problems.push(bad(file.path, '', why));
      }
    }
    if (expected.kind === 'audio' || expected.kind === 'video') {
      const { problem: why, seconds } = await readMedia(full, expected.kind, limits);
      if (why) problems.push(bad(file.path, '', why));
      if (seconds !== undefined) filmSeconds.set(file.path, seconds);
    }
    if (expected.kind === 'subtitles') {
      const read = await readSmallFile(root, file.path, limits.maxSubtitleBytes);
      if ('bytes' in read) {
        const text = utf8(read.bytes);
        if (text === undefined) problems.push(bad(file.path, '', { code: 'subtitles-not-utf8' }));
        else
          later.push(() => {
            // Cues are set in the fonts of each language that shows them, and end with the shortest film they belong to.
            const languages = subtitleLanguages.get(file.path);
            const coverage = languages ? commonCoverage(languages) : undefined;
            const lengths = (subtitleFilms.get(file.path) ?? []).map((f) => filmSeconds.get(f)).filter((s) => s !== undefined);
            const duration = lengths.length ? Math.min(...lengths) : undefined;
            for (const { line, issue } of checkSubtitles(text, duration, coverage).problems.slice(0, 10))
              problems.push(bad(file.path, `line ${line}`, issue));
          });
      } else if ('problem' in read) problems.push(bad(file.path, '', read.issue));
    }
    const tooLarge = sizeIssue(file, limits);
    if (tooLarge) {
      problems.push(bad(file.path, '', tooLarge));
      continue;
    }
    if (expected.kind === 'model') {
      const report = await checkGlb(full);
      for (const detail of report.errors.slice(0, 10)) problems.push(bad(file.path, '', { code: 'model-invalid', detail }));
      if (report.errors.length > 10) problems.push(bad(file.path, '', { code: 'more-model-errors', count: report.errors.length - 10 }));
      for (const detail of report.unsupported) problems.push(bad(file.path, 'extensionsRequired', { code: 'model-invalid', detail }));
      if (report.errors.length === 0 && report.unsupported.length === 0)
        exhibit.models.forEach((model, m) => {
          if (file.path !== model.src) return;
          model.hotspots.forEach((h, i) => {
            if (h.node && !report.nodeNames.has(h.node))
              problems.push(
                bad('exhibit.json', `models[${m}].hotspots[${i}].node`, { code: 'no-such-node', node: h.node, model: model.src }),
              );
          });
          model.liveries.forEach((l, i) => {
            if (!report.variants.includes(l.variant))
              problems.push(
                bad('exhibit.json', `models[${m}].liveries[${i}].variant`, {
                  code: 'no-such-variant',
                  variant: l.variant,
                  model: model.src,
                }),
              );
          });
        });
    }
    if (!referenced.has(file.path)) problems.push(codedProblem(file.path, '', { code: 'not-used' }, 'warning'));
  }
  for (const check of later) check();
  return problems;
}

async function checkManifest(
  root: string,
  files: Map<string, PackageFile>,
  options: ValidateOptions,
  limits: PackageLimits,
): Promise<{ problems: Problem[]; manifest?: Manifest }> {
  const read = await readManifest(root, limits, { trustedKeys: options.trustedKeys ?? [], required: options.requireManifest ?? false });
  const { manifest } = read;
  if (!manifest) return { problems: read.problems };
  const problems: Problem[] = [];
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const entry of manifest.files) {
    const file = files.get(entry.path);
    if (!file) problems.push(bad(entry.path, '', { code: 'listed-file-missing', size: entry.size }));
    else if (file.size > entry.size) problems.push(bad(entry.path, '', { code: 'larger-than-listed', size: entry.size }));
    else if (file.size !== entry.size)
      problems.push(bad(entry.path, '', { code: 'other-size-than-listed', size: file.size, expected: entry.size }));
    else if (!options.hashesVerified && (await hashFile(path.join(root, ...entry.path.split('/')))) !== entry.sha256)
      problems.push(bad(entry.path, '', { code: 'other-hash-than-listed' }));
  }
  for (const name of files.keys())
    if (name !== MANIFEST_FILE && name !== SIGNATURE_FILE && !listed.has(name)) problems.push(bad(name, '', { code: 'file-not-listed' }));
  return { problems, manifest };
}

/** Validates a package folder or `.zip`. */
export async function validatePackage(source: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let cleanup = async () => {};
  const fail = (problems: Problem[]): ValidationReport => ({ ok: false, problems, files: new Map(), cleanup });
  let stat;
  try {
    stat = await fs.lstat(source);
  } catch {
    return fail([bad(path.basename(source), '', { code: 'source-missing' })]);
  }
  let root = source;
  if (stat.isFile() && source.toLowerCase().endsWith('.zip')) {
    const parent = options.workDir ?? os.tmpdir();
    const work = await fs.mkdtemp(path.join(parent, 'kiosk-unzip-'));
    cleanup = () => fs.rm(work, { recursive: true, force: true });
    const problems = await extractZip(source, work, limits, path.basename(source), {
      beforeUnpack: (bytes) => noRoomFor(parent, bytes),
    }).catch(async (error: unknown) => {
      await cleanup();
      throw error;
    });
    if (problems.length > 0) return fail(problems);
    root = await packageRootIn(work);
  } else if (stat.isSymbolicLink()) {
    return fail([bad(path.basename(source), '', { code: 'source-symlink' })]);
  } else if (!stat.isDirectory()) {
    return fail([bad(path.basename(source), '', { code: 'source-not-package' })]);
  }
  try {
    return await validateFolder(root, options, limits, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Why `bytes` more cannot be written under `dir` (with room to spare), or undefined when they can. */
export async function noRoomFor(
  dir: string,
  bytes: number,
  freeBytes: (dir: string) => Promise<number> = diskFree,
): Promise<string | undefined> {
  const free = await freeBytes(dir);
  return bytes + 16 * 1024 * 1024 > free
    ? `needs ${formatBytes(bytes)} but the kiosk’s disk has only ${formatBytes(free)} free`
    : undefined;
}

/** Free bytes on the disk that holds `dir`. */
export async function diskFree(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}

async function validateFolder(
  root: string,
  options: ValidateOptions,
  limits: PackageLimits,
  cleanup: () => Promise<void>,
): Promise<ValidationReport> {
  const { files, problems } = await scanPackage(root, limits);
  const refuse = (more: Problem[]): ValidationReport => ({ ok: false, problems: [...problems, ...more], root, files, cleanup });
  // With a key trusted, nothing else of a package is looked at until its signature holds.
  let manifest = (options.trustedKeys ?? []).length > 0 ? await checkManifest(root, files, options, limits) : undefined;
  if (manifest && !manifest.manifest) return refuse(manifest.problems);
  if (!files.has('exhibit.json') && problems.some((p) => p.file === 'exhibit.json')) return refuse([]);
  const read = await readExhibitJson(root, limits.maxExhibitBytes);
  if (!read.ok) {
    const other = files.has('exhibit.json') ? undefined : [...files.keys()].find((f) => f.toLowerCase() === 'exhibit.json');
    return refuse([
      other && read.problem.issue?.code === 'exhibit-missing'
        ? codedProblem('exhibit.json', '', { code: 'exhibit-misnamed', found: other })
        : read.problem,
    ]);
  }
  const checked = checkExhibitData(read.data);
  problems.push(...checked.problems);
  manifest ??= await checkManifest(root, files, options, limits);
  problems.push(...manifest.problems);
  if (!checked.ok) return refuse([]);

  const { exhibit } = checked;
  const listed = manifest.manifest?.package;
  if (listed && (listed.id !== exhibit.id || listed.version !== exhibit.version))
    problems.push(
      bad(MANIFEST_FILE, 'package', {
        code: 'manifest-other-package',
        manifestId: listed.id,
        manifestVersion: listed.version,
        id: exhibit.id,
        version: exhibit.version,
      }),
    );
  const found = [
    ...duplicateIds(exhibit),
    ...brokenLinks(exhibit),
    ...badMarkup(exhibit),
    ...missingLanguages(exhibit),
    ...undrawable(exhibit),
  ];
  found.push(...(await checkFiles(root, exhibit, files, limits)));
  // What was found in the exhibit moved up from format 1 is named where the format-1 file has it.
  const inFile = (p: Problem): Problem => (checked.format === 1 && p.file === 'exhibit.json' ? { ...p, place: v1Place(p.place) } : p);
  const spared = (p: Problem): Problem =>
    options.installed && p.issue && REFUSED_ON_ARRIVAL_ONLY.has(p.issue.code) ? { ...p, severity: 'warning' } : p;
  problems.push(...found.map(inFile).map(spared));
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    ok,
    problems,
    root,
    exhibit,
    format: checked.format,
    languages: checked.languages,
    files,
    ...(manifest.manifest ? { manifest: manifest.manifest } : {}),
    cleanup,
  };
}
