/**
 * What the validator finds wrong with a package, as codes with parameters rather than
 * sentences, in the style of the admin screen's codes (`core/admin/messages.ts`). The validator
 * decides what is wrong; the admin screen says it in the staff's own language from
 * `admin.problem.<code>` in `locales/<lang>/common.json`, and the CLI, the logs and the report on
 * the stick say it in English through `englishProblem` below (the words a problem's `message`
 * carries).
 *
 * Runs in Node and in the browser, with no runtime dependencies.
 */
import type { MisnamedParams, ParamsOf } from '../codes.ts';
import { formatBytes } from './limits.ts';

/** A problem with a package path (a file's name or a reference to one), by `packagePathIssue`. */
export type PathProblem =
  /** The path is empty. */
  | { code: 'path-empty' }
  /** The path is longer than `maximum` characters. */
  | { code: 'path-too-long'; maximum: number }
  /** The path uses `\` between folders. */
  | { code: 'path-backslash' }
  /** The path starts at the root of a disk. */
  | { code: 'path-absolute' }
  /** A name has control or invisible characters. */
  | { code: 'path-invisible' }
  /** The path climbs out of the package with `..`. */
  | { code: 'path-leaves' }
  /** The path has an empty part or a `.` part. */
  | { code: 'path-empty-part' }
  /** The path is nested more than `maximum` folders deep. */
  | { code: 'path-too-deep'; maximum: number }
  /** A name has a character Windows or a URL cannot carry. */
  | { code: 'path-forbidden-character' }
  /** A name starts with a space or ends with a dot or a space. */
  | { code: 'path-bad-ends' }
  /** A name is one Windows keeps for devices. */
  | { code: 'path-device-name' };

/** A problem with the fields of `exhibit.json`, as the schema finds it. */
export type SchemaProblem =
  /** The package declares a format newer than this kiosk reads. */
  | { code: 'needs-newer-kiosk'; declared: number; supported: number }
  /** A required field is not there. */
  | { code: 'required' }
  /** The field must be a text. */
  | { code: 'not-text' }
  /** The field must be a number. */
  | { code: 'not-number' }
  /** The field must be a list. */
  | { code: 'not-list' }
  /** The field must be an object (a group of fields), such as a text in several languages. */
  | { code: 'not-object' }
  /** The field has another type than `expected` (a name of the schema's types, for a technician). */
  | { code: 'wrong-type'; expected: string }
  /** The value is not one of those `allowed`. */
  | { code: 'not-allowed-value'; allowed: string }
  /** The value does not name a kind this format knows (`allowed`). */
  | { code: 'unknown-kind'; allowed: string }
  /** The object has fields (`keys`) that this format does not know, such as a language it has not. */
  | { code: 'unknown-fields'; keys: string }
  /** A number below `minimum`. */
  | { code: 'number-too-small'; minimum: string }
  /** A number that must be above `minimum`. */
  | { code: 'number-not-above'; minimum: string }
  /** A number above `maximum`. */
  | { code: 'number-too-large'; maximum: string }
  /** A text longer than `maximum` characters. */
  | { code: 'text-too-long'; maximum: number }
  /** A text shorter than `minimum` characters. */
  | { code: 'text-too-short'; minimum: number }
  /** A list with more than `maximum` items. */
  | { code: 'list-too-long'; maximum: number }
  /** A list with fewer than `minimum` items. */
  | { code: 'list-too-short'; minimum: number }
  /** A value that is not written the way it must be. */
  | { code: 'bad-format' }
  /** A field that is empty (a text with nothing in it, an empty list). */
  | { code: 'empty' }
  /** A language of a text has no string. */
  | { code: 'no-text' }
  /** A text has no language at all. */
  | { code: 'no-text-any-language' }
  /** An id is not lower-case letters, digits and hyphens. */
  | { code: 'bad-id' }
  /** A rights field is not a RightsStatements.org or Creative Commons address. */
  | { code: 'bad-rights' }
  /** A version is not like 1.2.0. */
  | { code: 'bad-version' }
  /** A timeline has no entries. */
  | { code: 'no-entries' }
  /** A sources panel lists no sources. */
  | { code: 'no-sources' }
  /** A section has no panels. */
  | { code: 'no-panels' }
  /** A story has no slides. */
  | { code: 'no-slides' }
  /** The exhibit has no sections. */
  | { code: 'no-sections' }
  /** The exhibit lists no language. */
  | { code: 'no-languages' }
  /** A hotspot has neither a node nor a position. */
  | { code: 'hotspot-needs-place' }
  /** Narration names no audio file in any language. */
  | { code: 'no-audio-any-language' }
  /** A slide has neither a picture nor a film, or has both. */
  | { code: 'slide-picture-or-film' }
  /** An attract item is shown for less than 2 seconds. */
  | { code: 'duration-too-short' }
  /** An attract item is shown for more than 600 seconds. */
  | { code: 'duration-too-long' };

/** A problem of the exhibit as a whole, or of a file in the package, as the validator finds it. */
export type PackageProblem =
  /** The package named is not there. */
  | { code: 'source-missing' }
  /** The package named is a symbolic link. */
  | { code: 'source-symlink' }
  /** The package named is neither a folder nor a `.zip`. */
  | { code: 'source-not-package' }
  /** The package has no `exhibit.json` at its top level. */
  | { code: 'exhibit-missing' }
  /** The package has no `exhibit.json`, but a file whose name differs only in case (`found`). */
  | { code: 'exhibit-misnamed'; found: string }
  /** An id used twice; `first` is where it was first used. */
  | { code: 'duplicate-id'; id: string; first: string }
  /** The default language is not among the available ones. */
  | { code: 'default-not-available'; language: string }
  /** An attract item opens a story that is not there. */
  | { code: 'no-such-story'; id: string }
  /** An attract item opens a section that is not there. */
  | { code: 'no-such-section'; id: string }
  /** A tour stop names a hotspot that is not there. */
  | { code: 'no-such-hotspot'; id: string }
  /** Something shows the 3D model, but the package has none. */
  | { code: 'shows-missing-model' }
  /** A picture item of the attract loop has no picture. */
  | { code: 'picture-item-needs-picture' }
  /** A quote item of the attract loop has no quote. */
  | { code: 'quote-item-needs-quote' }
  /** The camera's nearest distance is not below its farthest. */
  | { code: 'min-not-below-max' }
  /** A text lacks the default language, which must be complete. */
  | { code: 'no-default-text'; language: string }
  /** A text lacks a language (a warning: visitors of that language see the default). */
  | { code: 'no-text-in'; language: string }
  /** A text with a character (`character`; `codePoint` as U+XXXX) that no font of the kiosk draws in its language (a box on screen). */
  | { code: 'text-undrawable'; character: string; codePoint: string }
  /** More texts with a character the kiosk cannot draw than are listed, counted from the first not listed. */
  | { code: 'more-undrawable-texts'; count: number }
  /** A 3D model larger than a model may be. */
  | { code: 'model-too-large'; size: number; maximum: number }
  /** A reference to `path`, which must be a picture. */
  | { code: 'must-be-picture'; path: string }
  /** A reference to `path`, which must be an audio file. */
  | { code: 'must-be-audio'; path: string }
  /** A reference to `path`, which must be a video. */
  | { code: 'must-be-video'; path: string }
  /** A reference to `path`, which must be a WebVTT subtitle file. */
  | { code: 'must-be-subtitles'; path: string }
  /** Something names a 3D object (`id`) that is not among the package's models. */
  | { code: 'no-such-model'; id: string }
  /** A video item of the attract loop has no film. */
  | { code: 'video-item-needs-film' }
  /** A reference to `path`, which must be a 3D model. */
  | { code: 'must-be-model'; path: string }
  /** A reference to `path`, which is not in the package. */
  | { code: 'not-in-package'; path: string }
  /** A reference to `path`, which is not in the package, though `found` differs only in case. */
  | { code: 'not-in-package-case'; path: string; found: string }
  /** A file of a kind a package may not hold. */
  | { code: 'kind-not-allowed' }
  /** A file named as `named` whose bytes are `actual`. */
  | { code: 'bytes-other-format'; named: string; actual: string }
  /** A file named as `named` whose bytes are of no format known. */
  | { code: 'bytes-not-format'; named: string }
  /** A picture whose size cannot be read from its header. */
  | { code: 'picture-size-unreadable' }
  /** The glTF validator (or the model check) refuses the model; `detail` is its own English, for a technician. */
  | { code: 'model-invalid'; detail: string }
  /** More errors of the glTF validator than are listed. */
  | { code: 'more-model-errors'; count: number }
  /** A hotspot names a node not in the model. */
  | { code: 'no-such-node'; node: string; model: string }
  /** A livery names a material variant not in the model. */
  | { code: 'no-such-variant'; variant: string; model: string }
  /** A file nothing in exhibit.json uses (a warning). */
  | { code: 'not-used' };

/** A problem with the small markup of rich text (`markup.ts`); tags are named without their angle brackets. */
export type MarkupProblem =
  /** An entity other than the few allowed. */
  | { code: 'markup-entity'; entity: string }
  /** Text directly inside a list, outside its items. */
  | { code: 'markup-text-in-list'; tag: string }
  /** An allowed tag written with attributes (`markup` is the tag as written). */
  | { code: 'markup-attributes'; markup: string; tag: string }
  /** Markup that is no tag allowed (`markup`, its first 40 characters). */
  | { code: 'markup-not-allowed'; markup: string }
  /** A tag that is not allowed. */
  | { code: 'markup-tag-not-allowed'; tag: string }
  /** A `</br>`. */
  | { code: 'markup-br-closed' }
  /** A tag inside one it cannot stand in. */
  | { code: 'markup-cannot-stand'; tag: string; parent: string }
  /** A tag that cannot stand at the top level. */
  | { code: 'markup-cannot-stand-top'; tag: string }
  /** A tag written `<p/>`. */
  | { code: 'markup-self-closing'; tag: string }
  /** A closing tag with nothing open. */
  | { code: 'markup-closes-nothing'; tag: string }
  /** A closing tag while another (`open`) is open. */
  | { code: 'markup-closes-other'; tag: string; open: string }
  /** A `<` that starts a tag never closed. */
  | { code: 'markup-unclosed-lt' }
  /** A tag never closed. */
  | { code: 'markup-never-closed'; tag: string };

/** A problem with the files of a package as they lie on the disk or the stick (`scan.ts`, `files.ts`, `json.ts`). */
export type FileProblem =
  /** A file or folder the system would not read; `error` is its code, for a technician. */
  | { code: 'unreadable'; error: string }
  /** A file that could not be read; `detail` says why, for a technician. */
  | { code: 'read-failed'; detail: string }
  /** A symbolic link, where a package holds real files only. */
  | { code: 'symlink' }
  /** A device, pipe or socket. */
  | { code: 'special-file' }
  /** Something that is not a regular file where one must be. */
  | { code: 'not-regular-file' }
  /** One folder more than a package may have. */
  | { code: 'too-many-folders'; maximum: number }
  /** One file more than a package may hold. */
  | { code: 'too-many-files'; maximum: number }
  /** A file larger than any file may be. */
  | { code: 'file-too-large'; size: number; maximum: number }
  /** A file larger than that file may be (exhibit.json, the manifest, the signature). */
  | { code: 'too-large'; size: number; maximum: number }
  /** The whole package is larger than allowed. */
  | { code: 'package-too-large'; size: number; maximum: number }
  /** A path that appears twice. */
  | { code: 'path-twice' }
  /** A path that differs from `other` only in case. */
  | { code: 'path-case-clash'; other: string }
  /** A file that `other` uses as a folder. */
  | { code: 'path-file-as-folder'; other: string }
  /** A path that goes through the file `other` as a folder. */
  | { code: 'path-through-file'; other: string }
  /** JSON nested deeper than `maximum` levels. */
  | { code: 'json-too-deep'; maximum: number }
  /** Text that is not valid JSON; `detail` is the parser's English, for a technician. */
  | { code: 'not-json'; detail: string };

/** A problem inside a picture, a sound or a film, found by decoding it (`media-check.ts`). */
export type MediaProblem =
  /** A picture larger than `megapixels` or `side` pixels a side. */
  | { code: 'picture-too-large'; width: number; height: number; megapixels: number; side: number }
  /** A picture whose size the decoder cannot read. */
  | { code: 'picture-size-not-decoded' }
  /** A small file that decodes to a picture larger than `megapixels`. */
  | { code: 'picture-decodes-too-large'; megapixels: number }
  /** A picture the decoder refuses; `detail` is its English, for a technician. */
  | { code: 'picture-damaged'; detail: string }
  /** An audio file with no track that plays. */
  | { code: 'no-sound' }
  /** A video file with no video track. */
  | { code: 'no-film' }
  /** An audio file that cannot be parsed; `detail` is the parser's English. */
  | { code: 'sound-damaged'; detail: string }
  /** A video file that cannot be parsed; `detail` is the parser's English. */
  | { code: 'film-damaged'; detail: string }
  /** A film whose video is in a codec (`codec`) the kiosk's Chromium cannot play. */
  | { code: 'film-codec-not-played'; codec: string }
  /** A film whose sound is in a codec (`codec`) the kiosk's Chromium cannot play. */
  | { code: 'film-sound-not-played'; codec: string }
  /** A film or sound of `seconds`, longer than the `maximum` allowed. */
  | { code: 'media-too-long'; seconds: number; maximum: number }
  /** A subtitle file that does not start with "WEBVTT". */
  | { code: 'subtitles-not-webvtt' }
  /** A subtitle file that is not UTF-8 text. */
  | { code: 'subtitles-not-utf8' }
  /** A subtitle file without a single cue. */
  | { code: 'subtitles-empty' }
  /** A cue that starts before the cue above it. */
  | { code: 'subtitles-out-of-order' }
  /** A cue's text with a tag WebVTT does not allow, or one left open. */
  | { code: 'subtitles-markup' }
  /** A cue of `characters`, more than the `maximum` a visitor can read while it is shown. */
  | { code: 'subtitles-cue-too-long'; characters: number; maximum: number }
  /** A cue that starts after the film, which is `seconds` long, has ended. */
  | { code: 'subtitles-after-film'; seconds: number }
  /** A line the WebVTT parser refuses; `detail` is its English. */
  | { code: 'subtitles-invalid'; detail: string };

/** A problem with a `.zip` package, found before or while it is unpacked (`zip.ts`). */
export type ZipProblem =
  /** Not a zip the reader can open; `detail` is its English. */
  | { code: 'zip-unreadable'; detail: string }
  /** More entries than a package may have files (twice over). */
  | { code: 'zip-too-many-entries'; count: number; maximum: number }
  /** An entry name the zip reader refuses. */
  | { code: 'zip-bad-name' }
  /** A zip whose listing is damaged; `detail` is the reader's English. */
  | { code: 'zip-damaged'; detail: string }
  /** More files than a package may hold. */
  | { code: 'zip-too-many-files'; count: number; maximum: number }
  /** An entry that is a special file. */
  | { code: 'zip-special-file' }
  /** An entry named like a folder that holds a file. */
  | { code: 'zip-folder-holds-file' }
  /** An entry that unpacks larger than a file may be. */
  | { code: 'zip-entry-too-large'; size: number; maximum: number }
  /** An entry that unpacks `ratio` times larger than it is packed. */
  | { code: 'zip-entry-bomb'; ratio: number }
  /** A folder entry with the name of a file. */
  | { code: 'zip-folder-file-name' }
  /** The zip unpacks larger than a package may be. */
  | { code: 'zip-too-large'; size: number; maximum: number }
  /** The zip unpacks to `size`, `ratio` times more than it is packed. */
  | { code: 'zip-bomb'; size: number; ratio: number }
  /** An entry that would land outside the package. */
  | { code: 'zip-leaves' }
  /** The kiosk's disk filled while unpacking. */
  | { code: 'zip-disk-full' }
  /** An entry that could not be unpacked; `error` is the system's code or the reader's English. */
  | { code: 'zip-unpack-failed'; error: string };

/**
 * A problem with the manifest or the signature, or a file against its manifest entry
 * (`manifest-check.ts`; the import says the same of a copy with its own codes, in the same words).
 */
export type ManifestProblem =
  /** No manifest, where one is needed. */
  | { code: 'manifest-missing' }
  /** No signature, where the kiosk trusts a key. */
  | { code: 'signature-required' }
  /** A signature file that cannot be read as one. */
  | { code: 'bad-signature-file' }
  /** A package signed with a key (`keyId`) this kiosk does not trust. */
  | { code: 'untrusted-key'; keyId: string }
  /** A signature that is not an Ed25519 signature. */
  | { code: 'not-ed25519' }
  /** A signature that does not match the manifest: the package was changed after signing. */
  | { code: 'signature-mismatch' }
  /** A file listed in the manifest (`size` bytes) that is not in the package. */
  | { code: 'listed-file-missing'; size: number }
  /** A file that is not in the manifest. */
  | { code: 'file-not-listed' }
  /** A file larger than its entry (`size`). */
  | { code: 'larger-than-listed'; size: number }
  /** A file of `size` whose entry says `expected`. */
  | { code: 'other-size-than-listed'; size: number; expected: number }
  /** A file whose bytes do not match its entry's SHA-256. */
  | { code: 'other-hash-than-listed' }
  /** A manifest made for another package than its exhibit.json. */
  | { code: 'manifest-other-package'; manifestId: string; manifestVersion: string; id: string; version: string }
  /** A manifest listing more files than a package may hold. */
  | { code: 'manifest-too-many-files'; count: number; maximum: number }
  /** A manifest that lists itself or the signature. */
  | { code: 'manifest-lists-itself'; path: string }
  /** A manifest entry larger than a file may be. */
  | { code: 'manifest-file-too-large'; path: string; size: number; maximum: number }
  /** A manifest whose files together are larger than a package may be. */
  | { code: 'manifest-too-large'; size: number; maximum: number };

/** Everything the validator says with a code. */
export type ContentProblem =
  PathProblem | SchemaProblem | PackageProblem | MarkupProblem | FileProblem | MediaProblem | ZipProblem | ManifestProblem;

/** A code of the validator's problems. */
export type ContentProblemCode = ContentProblem['code'];

/** A code that takes no parameters. */
export type PlainProblemCode = {
  [C in ContentProblemCode]: [Exclude<keyof Extract<ContentProblem, { code: C }>, 'code'>] extends [never] ? C : never;
}[ContentProblemCode];

/**
 * Every code with its parameters and how each is written. The compiler holds this to the
 * union above (every code, exactly its parameters); the locale test holds every language's
 * string to it (the same placeholders), and the renderer formats sizes by it.
 */
export const PROBLEM_PARAMS = {
  'path-empty': {},
  'path-too-long': { maximum: 'count' },
  'path-backslash': {},
  'path-absolute': {},
  'path-invisible': {},
  'path-leaves': {},
  'path-empty-part': {},
  'path-too-deep': { maximum: 'count' },
  'path-forbidden-character': {},
  'path-bad-ends': {},
  'path-device-name': {},
  'needs-newer-kiosk': { declared: 'count', supported: 'count' },
  required: {},
  'not-text': {},
  'not-number': {},
  'not-list': {},
  'not-object': {},
  'wrong-type': { expected: 'text' },
  'not-allowed-value': { allowed: 'text' },
  'unknown-kind': { allowed: 'text' },
  'unknown-fields': { keys: 'text' },
  'number-too-small': { minimum: 'text' },
  'number-not-above': { minimum: 'text' },
  'number-too-large': { maximum: 'text' },
  'text-too-long': { maximum: 'count' },
  'text-too-short': { minimum: 'count' },
  'list-too-long': { maximum: 'count' },
  'list-too-short': { minimum: 'count' },
  'bad-format': {},
  empty: {},
  'no-text': {},
  'no-text-any-language': {},
  'bad-id': {},
  'bad-rights': {},
  'bad-version': {},
  'no-entries': {},
  'no-sources': {},
  'no-panels': {},
  'no-slides': {},
  'no-sections': {},
  'no-languages': {},
  'hotspot-needs-place': {},
  'no-audio-any-language': {},
  'slide-picture-or-film': {},
  'duration-too-short': {},
  'duration-too-long': {},
  'source-missing': {},
  'source-symlink': {},
  'source-not-package': {},
  'exhibit-missing': {},
  'exhibit-misnamed': { found: 'text' },
  'duplicate-id': { id: 'text', first: 'text' },
  'default-not-available': { language: 'language' },
  'no-such-story': { id: 'text' },
  'no-such-section': { id: 'text' },
  'no-such-hotspot': { id: 'text' },
  'shows-missing-model': {},
  'picture-item-needs-picture': {},
  'quote-item-needs-quote': {},
  'min-not-below-max': {},
  'no-default-text': { language: 'language' },
  'no-text-in': { language: 'language' },
  'text-undrawable': { character: 'text', codePoint: 'text' },
  'more-undrawable-texts': { count: 'count' },
  'model-too-large': { size: 'bytes', maximum: 'bytes' },
  'must-be-picture': { path: 'text' },
  'must-be-audio': { path: 'text' },
  'must-be-video': { path: 'text' },
  'must-be-subtitles': { path: 'text' },
  'no-such-model': { id: 'text' },
  'video-item-needs-film': {},
  'must-be-model': { path: 'text' },
  'not-in-package': { path: 'text' },
  'not-in-package-case': { path: 'text', found: 'text' },
  'kind-not-allowed': {},
  'bytes-other-format': { named: 'text', actual: 'text' },
  'bytes-not-format': { named: 'text' },
  'picture-size-unreadable': {},
  'model-invalid': { detail: 'text' },
  'more-model-errors': { count: 'count' },
  'no-such-node': { node: 'text', model: 'text' },
  'no-such-variant': { variant: 'text', model: 'text' },
  'not-used': {},
  'markup-entity': { entity: 'text' },
  'markup-text-in-list': { tag: 'text' },
  'markup-attributes': { markup: 'text', tag: 'text' },
  'markup-not-allowed': { markup: 'text' },
  'markup-tag-not-allowed': { tag: 'text' },
  'markup-br-closed': {},
  'markup-cannot-stand': { tag: 'text', parent: 'text' },
  'markup-cannot-stand-top': { tag: 'text' },
  'markup-self-closing': { tag: 'text' },
  'markup-closes-nothing': { tag: 'text' },
  'markup-closes-other': { tag: 'text', open: 'text' },
  'markup-unclosed-lt': {},
  'markup-never-closed': { tag: 'text' },
  unreadable: { error: 'text' },
  'read-failed': { detail: 'text' },
  symlink: {},
  'special-file': {},
  'not-regular-file': {},
  'too-many-folders': { maximum: 'count' },
  'too-many-files': { maximum: 'count' },
  'file-too-large': { size: 'bytes', maximum: 'bytes' },
  'too-large': { size: 'bytes', maximum: 'bytes' },
  'package-too-large': { size: 'bytes', maximum: 'bytes' },
  'path-twice': {},
  'path-case-clash': { other: 'text' },
  'path-file-as-folder': { other: 'text' },
  'path-through-file': { other: 'text' },
  'json-too-deep': { maximum: 'count' },
  'not-json': { detail: 'text' },
  'picture-too-large': { width: 'count', height: 'count', megapixels: 'count', side: 'count' },
  'picture-size-not-decoded': {},
  'picture-decodes-too-large': { megapixels: 'count' },
  'picture-damaged': { detail: 'text' },
  'no-sound': {},
  'no-film': {},
  'sound-damaged': { detail: 'text' },
  'film-damaged': { detail: 'text' },
  'film-codec-not-played': { codec: 'text' },
  'film-sound-not-played': { codec: 'text' },
  'media-too-long': { seconds: 'count', maximum: 'count' },
  'subtitles-not-webvtt': {},
  'subtitles-not-utf8': {},
  'subtitles-empty': {},
  'subtitles-out-of-order': {},
  'subtitles-markup': {},
  'subtitles-cue-too-long': { characters: 'count', maximum: 'count' },
  'subtitles-after-film': { seconds: 'count' },
  'subtitles-invalid': { detail: 'text' },
  'zip-unreadable': { detail: 'text' },
  'zip-too-many-entries': { count: 'count', maximum: 'count' },
  'zip-bad-name': {},
  'zip-damaged': { detail: 'text' },
  'zip-too-many-files': { count: 'count', maximum: 'count' },
  'zip-special-file': {},
  'zip-folder-holds-file': {},
  'zip-entry-too-large': { size: 'bytes', maximum: 'bytes' },
  'zip-entry-bomb': { ratio: 'count' },
  'zip-folder-file-name': {},
  'zip-too-large': { size: 'bytes', maximum: 'bytes' },
  'zip-bomb': { size: 'bytes', ratio: 'count' },
  'zip-leaves': {},
  'zip-disk-full': {},
  'zip-unpack-failed': { error: 'text' },
  'manifest-missing': {},
  'signature-required': {},
  'bad-signature-file': {},
  'untrusted-key': { keyId: 'text' },
  'not-ed25519': {},
  'signature-mismatch': {},
  'listed-file-missing': { size: 'bytes' },
  'file-not-listed': {},
  'larger-than-listed': { size: 'bytes' },
  'other-size-than-listed': { size: 'bytes', expected: 'bytes' },
  'other-hash-than-listed': {},
  'manifest-other-package': { manifestId: 'text', manifestVersion: 'text', id: 'text', version: 'text' },
  'manifest-too-many-files': { count: 'count', maximum: 'count' },
  'manifest-lists-itself': { path: 'text' },
  'manifest-file-too-large': { path: 'text', size: 'bytes', maximum: 'bytes' },
  'manifest-too-large': { size: 'bytes', maximum: 'bytes' },
} as const satisfies { [C in ContentProblemCode]: ParamsOf<ContentProblem, C> };

type Misnamed = MisnamedParams<ContentProblem, typeof PROBLEM_PARAMS>;
const paramsNamedExactly: [Misnamed] extends [never] ? true : Misnamed = true;
void paramsNamedExactly;

/** Every code of the validator, for tests and tools that go through them all. */
export const PROBLEM_CODES = Object.keys(PROBLEM_PARAMS) as ContentProblemCode[];

const PICTURE_FORMATS = '.webp, .png or .jpg';
const ALLOWED_MARKUP = 'only <p>, <em>, <strong>, <ul>, <ol>, <li>, <br>';

/**
 * A validator's problem in English: the predicate that follows `file: place:` in the CLI's
 * lines, the logs and the stick's report (`formatProblem`).
 */
export function englishProblem(problem: ContentProblem): string {
  switch (problem.code) {
    case 'path-empty':
      return 'is an empty path';
    case 'path-too-long':
      return `is a path longer than ${problem.maximum} characters`;
    case 'path-backslash':
      return 'uses a backslash; use forward slashes';
    case 'path-absolute':
      return 'is an absolute path; use a path inside the package';
    case 'path-invisible':
      return 'has control or invisible characters in its name';
    case 'path-leaves':
      return 'leaves the package (its path contains "..")';
    case 'path-empty-part':
      return 'has an empty part or "." in its path';
    case 'path-too-deep':
      return `is nested more than ${problem.maximum} folders deep`;
    case 'path-forbidden-character':
      return 'has a character a name may not have (: * ? " < > | % #)';
    case 'path-bad-ends':
      return 'has a name that starts with a space or ends with a dot or a space';
    case 'path-device-name':
      return 'uses a name Windows keeps for devices (CON, NUL, COM1…)';
    case 'needs-newer-kiosk':
      return `this package needs a newer kiosk (format ${problem.declared}; this kiosk reads format ${problem.supported})`;
    case 'required':
      return 'is missing';
    case 'not-text':
      return 'must be a text';
    case 'not-number':
      return 'must be a number';
    case 'not-list':
      return 'must be a list';
    case 'not-object':
      return 'must be an object';
    case 'wrong-type':
      return `must be of the type ${problem.expected}`;
    case 'not-allowed-value':
      return `must be one of ${problem.allowed}`;
    case 'unknown-kind':
      return `is not a kind this format knows (${problem.allowed})`;
    case 'unknown-fields':
      return `has fields this format does not know: ${problem.keys}`;
    case 'number-too-small':
      return `must be at least ${problem.minimum}`;
    case 'number-not-above':
      return `must be more than ${problem.minimum}`;
    case 'number-too-large':
      return `must be at most ${problem.maximum}`;
    case 'text-too-long':
      return `is longer than ${problem.maximum} characters`;
    case 'text-too-short':
      return `is shorter than ${problem.minimum} characters`;
    case 'list-too-long':
      return `has more than ${problem.maximum} items`;
    case 'list-too-short':
      return `has fewer than ${problem.minimum} items`;
    case 'bad-format':
      return 'is not written the way it must be';
    case 'empty':
      return 'is empty';
    case 'no-text':
      return 'has no text';
    case 'no-text-any-language':
      return 'has no text in any language';
    case 'bad-id':
      return 'must be lower-case letters, digits and hyphens (for example "first-tractor")';
    case 'bad-rights':
      return 'must be a RightsStatements.org or Creative Commons URI';
    case 'bad-version':
      return 'must be a version like 1.2.0';
    case 'no-entries':
      return 'has no entries';
    case 'no-sources':
      return 'has no sources';
    case 'no-panels':
      return 'has no panels';
    case 'no-slides':
      return 'has no slides';
    case 'no-sections':
      return 'has no sections';
    case 'no-languages':
      return 'lists no language';
    case 'hotspot-needs-place':
      return 'needs a "node" or a "position"';
    case 'no-audio-any-language':
      return 'names no audio file in any language';
    case 'slide-picture-or-film':
      return 'needs a picture or a film (one of them, not both)';
    case 'duration-too-short':
      return 'must be at least 2 seconds';
    case 'duration-too-long':
      return 'must be at most 600 seconds';
    case 'source-missing':
      return 'cannot be found';
    case 'source-symlink':
      return 'is a symbolic link; give the package folder itself';
    case 'source-not-package':
      return 'is neither a package folder nor a .zip';
    case 'exhibit-missing':
      return 'is missing: a package has exhibit.json at its top level';
    case 'exhibit-misnamed':
      return `is missing: a package has exhibit.json at its top level (there is "${problem.found}": the name must be exactly exhibit.json)`;
    case 'duplicate-id':
      return `the id "${problem.id}" is used twice (first at ${problem.first})`;
    case 'default-not-available':
      return `"${problem.language}" is not among the available languages`;
    case 'no-such-story':
      return `no story has the id "${problem.id}"`;
    case 'no-such-section':
      return `no section has the id "${problem.id}"`;
    case 'no-such-hotspot':
      return `no hotspot has the id "${problem.id}"`;
    case 'shows-missing-model':
      return 'shows the 3D model, but the package has none';
    case 'picture-item-needs-picture':
      return 'a picture item needs a "picture"';
    case 'quote-item-needs-quote':
      return 'a quote item needs a "quote"';
    case 'min-not-below-max':
      return 'must be smaller than maxDistance';
    case 'no-default-text':
      return `no "${problem.language}" text (the default language must be complete)`;
    case 'no-text-in':
      return `no "${problem.language}" text`;
    case 'text-undrawable':
      return `has the character "${problem.character}" (${problem.codePoint}), which the kiosk’s fonts for its language cannot draw: visitors would see an empty box (replace it or remove it)`;
    case 'more-undrawable-texts':
      return `from here on, ${problem.count} more texts have characters the kiosk’s fonts cannot draw`;
    case 'model-too-large':
      return `is ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} a 3D model may be`;
    case 'must-be-picture':
      return `"${problem.path}" must be a picture (${PICTURE_FORMATS})`;
    case 'must-be-audio':
      return `"${problem.path}" must be an audio file (.mp3, .ogg or .m4a)`;
    case 'must-be-video':
      return `"${problem.path}" must be a video (.mp4 or .webm)`;
    case 'must-be-subtitles':
      return `"${problem.path}" must be a WebVTT subtitle file (.vtt)`;
    case 'no-such-model':
      return `no 3D object has the id "${problem.id}"`;
    case 'video-item-needs-film':
      return 'a video item needs a film ("video")';
    case 'must-be-model':
      return `"${problem.path}" must be a 3D model (.glb)`;
    case 'not-in-package':
      return `refers to "${problem.path}", which is not in the package`;
    case 'not-in-package-case':
      return `refers to "${problem.path}", which is not in the package (there is "${problem.found}": names must match exactly)`;
    case 'kind-not-allowed':
      return 'is a kind of file a package may not hold (only pictures, audio, video, .glb models and exhibit.json)';
    case 'bytes-other-format':
      return `is named as ${problem.named} but its bytes are ${problem.actual}`;
    case 'bytes-not-format':
      return `is named as ${problem.named} but its bytes are not a ${problem.named} file`;
    case 'picture-size-unreadable':
      return 'its picture size cannot be read from its header';
    case 'model-invalid':
      return problem.detail;
    case 'more-model-errors':
      return `and ${problem.count} more glTF errors`;
    case 'no-such-node':
      return `no node named "${problem.node}" in ${problem.model}`;
    case 'no-such-variant':
      return `no material variant named "${problem.variant}" in ${problem.model}`;
    case 'not-used':
      return 'is not used by exhibit.json';
    case 'markup-entity':
      return `the entity "${problem.entity}" is not allowed (use &amp; &lt; &gt; &quot; &#39;)`;
    case 'markup-text-in-list':
      return `text directly inside <${problem.tag}> must be in an <li>`;
    case 'markup-attributes':
      return `the tag ${problem.markup} has attributes; only plain <${problem.tag}> is allowed`;
    case 'markup-not-allowed':
      return `the markup ${problem.markup} is not allowed (${ALLOWED_MARKUP})`;
    case 'markup-tag-not-allowed':
      return `the tag <${problem.tag}> is not allowed (${ALLOWED_MARKUP})`;
    case 'markup-br-closed':
      return 'write <br> without a closing tag';
    case 'markup-cannot-stand':
      return `<${problem.tag}> cannot stand inside <${problem.parent}>`;
    case 'markup-cannot-stand-top':
      return `<${problem.tag}> cannot stand inside the top level`;
    case 'markup-self-closing':
      return `<${problem.tag}/> must have content and a closing tag`;
    case 'markup-closes-nothing':
      return `</${problem.tag}> closes nothing open (expected no closing tag)`;
    case 'markup-closes-other':
      return `</${problem.tag}> closes nothing open (expected </${problem.open}>)`;
    case 'markup-unclosed-lt':
      return 'a "<" starts a tag that is never closed (write &lt; for a less-than sign)';
    case 'markup-never-closed':
      return `<${problem.tag}> is never closed`;
    case 'unreadable':
      return `cannot be read (${problem.error})`;
    case 'read-failed':
      return `could not be read: ${problem.detail}`;
    case 'symlink':
      return 'is a symbolic link; a package holds real files only';
    case 'special-file':
      return 'is a special file (device, pipe or socket), not a regular file';
    case 'not-regular-file':
      return 'is not a regular file';
    case 'too-many-folders':
      return `is one folder more than the ${problem.maximum} a package may have`;
    case 'too-many-files':
      return `is one file more than the ${problem.maximum} a package may hold`;
    case 'file-too-large':
      return `is ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} a file may be`;
    case 'too-large':
      return `is ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} allowed`;
    case 'package-too-large':
      return `the package holds ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} allowed`;
    case 'path-twice':
      return 'appears twice';
    case 'path-case-clash':
      return `differs only in upper and lower case from the path "${problem.other}"`;
    case 'path-file-as-folder':
      return `is a file, but "${problem.other}" uses it as a folder`;
    case 'path-through-file':
      return `goes through "${problem.other}" as a folder, but it is a file`;
    case 'json-too-deep':
      return `is nested more than ${problem.maximum} levels deep`;
    case 'not-json':
      return `is not valid JSON (${problem.detail})`;
    case 'picture-too-large':
      return `is ${problem.width} × ${problem.height} pixels, more than the ${problem.megapixels} megapixels (and ${problem.side} pixels a side) a picture may have`;
    case 'picture-size-not-decoded':
      return 'its picture size cannot be read';
    case 'picture-decodes-too-large':
      return `decodes to more than the ${problem.megapixels} megapixels a picture may have`;
    case 'picture-damaged':
      return `cannot be decoded as a picture: it is damaged or cut short (${problem.detail})`;
    case 'no-sound':
      return 'holds no sound that can be played (no audio track with a length)';
    case 'no-film':
      return 'holds no film that can be played (no video track)';
    case 'sound-damaged':
      return `cannot be read as sound: it is damaged or cut short (${problem.detail})`;
    case 'film-damaged':
      return `cannot be read as film: it is damaged or cut short (${problem.detail})`;
    case 'film-codec-not-played':
      return `is ${problem.codec} video, which the kiosk cannot play: export it as MP4 with H.264 video and AAC sound, or as WebM with VP9 or AV1 video and Opus sound`;
    case 'film-sound-not-played':
      return `has ${problem.codec} sound, which the kiosk cannot play: export it with AAC sound (MP4) or Opus sound (WebM)`;
    case 'media-too-long':
      return `is ${problem.seconds} seconds long, more than the ${problem.maximum} allowed`;
    case 'subtitles-not-webvtt':
      return 'is not a WebVTT file: its first line must be "WEBVTT"';
    case 'subtitles-not-utf8':
      return 'is not UTF-8 text: save it again as UTF-8';
    case 'subtitles-empty':
      return 'holds no subtitles (no cue)';
    case 'subtitles-out-of-order':
      return 'starts before the subtitle above it: subtitles must be in time order';
    case 'subtitles-markup':
      return 'has a tag subtitles may not have, or one left open (allowed: <b>, <i>, <u>, <c>, <v>, <lang>, <ruby>, <rt>)';
    case 'subtitles-cue-too-long':
      return `has ${problem.characters} characters, more than the ${problem.maximum} a visitor can read while it is shown: split it`;
    case 'subtitles-after-film':
      return `starts after the film has ended (it is ${problem.seconds} seconds long)`;
    case 'subtitles-invalid':
      return `is not written as WebVTT must be (${problem.detail})`;
    case 'zip-unreadable':
      return `is not a readable zip file (${problem.detail})`;
    case 'zip-too-many-entries':
      return `holds ${problem.count} entries, more than the ${problem.maximum} files allowed`;
    case 'zip-bad-name':
      return 'has a name that is not allowed';
    case 'zip-damaged':
      return `is a damaged zip file (${problem.detail})`;
    case 'zip-too-many-files':
      return `holds ${problem.count} files, more than the ${problem.maximum} allowed`;
    case 'zip-special-file':
      return 'is a special file, not a regular file';
    case 'zip-folder-holds-file':
      return 'is named like a folder but holds a file';
    case 'zip-entry-too-large':
      return `unpacks to ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} a file may be`;
    case 'zip-entry-bomb':
      return `unpacks ${problem.ratio} times larger than it is packed: refused as a zip bomb`;
    case 'zip-folder-file-name':
      return 'is a folder with the name of a file in the zip';
    case 'zip-too-large':
      return `unpacks to ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} allowed`;
    case 'zip-bomb':
      return `unpacks to ${formatBytes(problem.size)}, ${problem.ratio} times more than it is packed: refused as a zip bomb`;
    case 'zip-leaves':
      return 'leaves the package';
    case 'zip-disk-full':
      return 'cannot be unpacked (the kiosk’s disk is full)';
    case 'zip-unpack-failed':
      return `cannot be unpacked (${problem.error})`;
    case 'manifest-missing':
      return 'is missing: make the package with "kiosk-content pack"';
    case 'signature-required':
      return 'is missing: this kiosk accepts signed packages only';
    case 'bad-signature-file':
      return 'is not a valid signature file';
    case 'untrusted-key':
      return `is signed with key ${problem.keyId}, which this kiosk does not trust`;
    case 'not-ed25519':
      return 'is not a valid signature file (its signature is not an Ed25519 signature)';
    case 'signature-mismatch':
      return 'does not match the manifest: the package was changed after it was signed';
    case 'listed-file-missing':
      return `is listed in the manifest (${formatBytes(problem.size)}) but missing from the package`;
    case 'file-not-listed':
      return 'is not listed in the manifest: it was added after the package was made';
    case 'larger-than-listed':
      return `is larger than the manifest says (${formatBytes(problem.size)}): the file was changed or damaged`;
    case 'other-size-than-listed': {
      // Sizes a few bytes apart read the same rounded: then the bytes themselves are named.
      const [a, e] =
        formatBytes(problem.size) === formatBytes(problem.expected)
          ? [`${problem.size} bytes`, `${problem.expected} bytes`]
          : [formatBytes(problem.size), formatBytes(problem.expected)];
      return `is ${a}, but the manifest says ${e}: the file was changed or damaged`;
    }
    case 'other-hash-than-listed':
      return 'does not match its SHA-256 in the manifest: the file was changed or damaged';
    case 'manifest-other-package':
      return `is for "${problem.manifestId}" ${problem.manifestVersion}, but exhibit.json is "${problem.id}" ${problem.version}`;
    case 'manifest-too-many-files':
      return `lists ${problem.count} files, more than the ${problem.maximum} allowed`;
    case 'manifest-lists-itself':
      return `lists "${problem.path}" itself`;
    case 'manifest-file-too-large':
      return `says "${problem.path}" is ${formatBytes(problem.size)}, more than the ${formatBytes(problem.maximum)} a file may be`;
    case 'manifest-too-large':
      return `lists ${formatBytes(problem.size)} in all, more than the ${formatBytes(problem.maximum)} allowed`;
  }
}

/**
 * The code of a schema message that has no parameters, found by its English (the schema writes
 * its messages with `englishProblem`, so each is one code's words), or undefined.
 */
export function problemOfMessage(message: string): ContentProblem | undefined {
  for (const code of PROBLEM_CODES) {
    if (Object.keys(PROBLEM_PARAMS[code]).length > 0) continue;
    const problem = { code } as ContentProblem;
    if (englishProblem(problem) === message) return problem;
  }
  return undefined;
}
