/**
 * The content package format: one zod source for the TypeScript types, the validator and the
 * exported JSON Schema that editors use through `$schema`.
 *
 * Runs in Node and in the browser (no Node or DOM imports).
 */
import { z } from 'zod';
import { LANGUAGES } from './languages.ts';
import { packagePathIssue } from './package-path.ts';
import { englishProblem, type ContentProblem, type PlainProblemCode } from './problem-codes.ts';

/** The languages a package may give texts in: those of the language record (`languages.ts`). */
export { LANGUAGES, type Language } from './languages.ts';

/**
 * The newest format this kiosk understands, and the one it holds every exhibit in: format-1
 * packages are read by `schema-v1.ts` and moved up by `migrate.ts`. Packages declaring a later
 * one are refused.
 */
export const SCHEMA_VERSION = 2;

/** Where the published JSON Schema says it lives (also accepted as a relative `$schema`). */
export const SCHEMA_ID = 'https://dongfanghong-kiosk.invalid/schema/exhibit-2.json';

/** A schema message, written as the English of a code without parameters (the validator finds the code again by it). */
const say = (code: PlainProblemCode): string => englishProblem({ code } as ContentProblem);

const nonEmptyText = z.string().trim().min(1, say('empty'));

/**
 * A text a person reads, in the IIIF Presentation 3 shape: a language (or `none`) to an array
 * of strings.
 */
export const LangMapSchema = z
  .partialRecord(z.enum([...LANGUAGES, 'none']), z.array(nonEmptyText).min(1, say('no-text')))
  .refine((m) => Object.keys(m).length > 0, say('no-text-any-language'))
  .describe(`A text in several languages: {${LANGUAGES.map((l) => `"${l}": ["…"]`).join(', ')}}`);
/** A text in each language it is written in (`none` for a text that is the same in all, such as a name in its own script). */
export type LangMap = z.infer<typeof LangMapSchema>;

/** Rich text: a language map whose strings use the small markup of `markup.ts`. */
export const RichTextSchema = LangMapSchema.describe(
  'Rich text in several languages; allowed markup: <p>, <em>, <strong>, <ul>, <ol>, <li>, <br>',
);

const idPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** An identifier: lower-case letters, digits and hyphens. */
export const IdSchema = z.string().regex(idPattern, say('bad-id'));

/**
 * A path to a file inside the package, held to the one package path rule (`package-path.ts`).
 * The validator checks again on the real file system (symbolic links, special files).
 */
export const AssetPathSchema = z
  .string()
  .min(1, say('empty'))
  .max(240)
  .superRefine((p, ctx) => {
    const problem = packagePathIssue(p);
    if (problem) ctx.addIssue({ code: 'custom', message: englishProblem(problem), params: { problem } });
  });

const rightsPattern =
  /^https?:\/\/(rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/|creativecommons\.org\/(licenses\/[a-z-]+\/[0-9.]+\/|publicdomain\/(zero\/1\.0|mark\/1\.0)\/))$/;
/** A RightsStatements.org or Creative Commons URI. */
export const RightsSchema = z.string().regex(rightsPattern, say('bad-rights'));

/** What kind of picture it is: the default exhibit never shows an illustration as a photograph. */
export const PictureKindSchema = z.enum(['photograph', 'illustration', 'reconstruction', 'map', 'diagram', 'render']);

/** A picture with everything a visitor and a rights holder need to see beside it. */
export const PictureSchema = z.object({
  src: AssetPathSchema,
  alt: LangMapSchema,
  caption: LangMapSchema.optional(),
  credit: LangMapSchema,
  rights: RightsSchema,
  kind: PictureKindSchema,
  date: z.string().max(40).optional(),
});
/** A picture with its alt text, caption, credit, rights and kind, as the exhibit file gives it. */
export type Picture = z.infer<typeof PictureSchema>;

/** A language of the record, or `none` for what is the same in all (music, a film without words). */
const languageOrNone = z.enum([...LANGUAGES, 'none']);

/**
 * Recorded narration: an audio file per language the visitor may hear it in (or one under
 * `none`, heard in every language), and its transcript, shown on demand.
 */
export const NarrationSchema = z
  .object({
    audio: z
      .partialRecord(languageOrNone, AssetPathSchema)
      .refine((m) => Object.keys(m).length > 0, say('no-audio-any-language'))
      .describe('An audio file (.mp3, .ogg, .m4a) for each language, or one under "none" for every language'),
    transcript: LangMapSchema.optional(),
    credit: LangMapSchema,
    rights: RightsSchema,
  })
  .describe('Recorded narration in each language, with its transcript, credit and rights');
/** Recorded narration of a panel, slide, hotspot or tour stop, one audio file per language. */
export type Narration = z.infer<typeof NarrationSchema>;

/** What kind of film it is: the visitor is never shown a reconstruction as footage. */
export const FilmKindSchema = z.enum(['footage', 'newsreel', 'interview', 'documentary', 'animation', 'render']);

/**
 * A film: MP4 (H.264 and AAC) or WebM (VP9 or AV1, Opus), a still shown before it plays and
 * where it cannot, subtitles as WebVTT in each language, and what a rights holder needs.
 */
export const VideoSchema = z.object({
  src: AssetPathSchema.describe('An .mp4 (H.264/AAC) or .webm (VP9 or AV1/Opus) file'),
  poster: AssetPathSchema.describe('A picture shown before the film plays, and where it cannot'),
  description: LangMapSchema.describe('What the film shows, for visitors who cannot see it'),
  caption: LangMapSchema.optional(),
  subtitles: z.partialRecord(z.enum(LANGUAGES), AssetPathSchema).optional().describe('A WebVTT (.vtt) file of subtitles for each language'),
  credit: LangMapSchema,
  rights: RightsSchema,
  kind: FilmKindSchema,
  date: z.string().max(40).optional(),
});
/** A film with its poster, subtitles, credit, rights and kind, as the exhibit file gives it. */
export type Video = z.infer<typeof VideoSchema>;

/** The "more" layer of a panel: the detail a curious visitor opens, so that the label stays short. */
export const MoreSchema = z
  .object({
    label: LangMapSchema.optional().describe('What the button says, when not the kiosk’s “More”'),
    text: RichTextSchema,
    pictures: z.array(PictureSchema).optional(),
  })
  .describe('Detail behind the label, opened on request');
/** The detail behind a panel's label. */
export type More = z.infer<typeof MoreSchema>;

const panelBase = {
  id: IdSchema,
  narration: NarrationSchema.optional(),
  more: MoreSchema.optional(),
  models: z.array(IdSchema).optional().describe('The 3D objects this panel mentions (ids of `models`), offered from it'),
};

/** One panel of a section. */
export const PanelSchema = z.discriminatedUnion('type', [
  z.object({ ...panelBase, type: z.literal('text'), title: LangMapSchema.optional(), body: RichTextSchema }),
  z.object({ ...panelBase, type: z.literal('picture'), title: LangMapSchema.optional(), picture: PictureSchema }),
  z.object({ ...panelBase, type: z.literal('video'), title: LangMapSchema.optional(), video: VideoSchema }),
  z.object({ ...panelBase, type: z.literal('quote'), text: LangMapSchema, attribution: LangMapSchema }),
  z.object({
    ...panelBase,
    type: z.literal('timeline'),
    title: LangMapSchema.optional(),
    entries: z
      .array(z.object({ date: z.string().min(1).max(40), title: LangMapSchema, text: LangMapSchema.optional() }))
      .min(1, say('no-entries')),
  }),
  z.object({
    ...panelBase,
    type: z.literal('sources'),
    title: LangMapSchema.optional(),
    items: z.array(z.object({ citation: LangMapSchema, note: LangMapSchema.optional() })).min(1, say('no-sources')),
  }),
]);
/** One panel of a section: text, picture, film, quote, timeline or sources. */
export type Panel = z.infer<typeof PanelSchema>;

/** A section of the exhibit, read as a sequence of panels. */
export const SectionSchema = z.object({
  id: IdSchema,
  title: LangMapSchema,
  summary: LangMapSchema.optional(),
  cover: AssetPathSchema.optional(),
  panels: z.array(PanelSchema).min(1, say('no-panels')),
});
/** A section of the exhibit: a title, a cover and its panels in order. */
export type Section = z.infer<typeof SectionSchema>;

/** The before-and-after pair of a slide, shown with a slider. */
export const CompareSchema = z.object({
  before: PictureSchema.extend({ label: LangMapSchema }),
  after: PictureSchema.extend({ label: LangMapSchema }),
});

/** A slide of a picture story: a picture or a film; `compare` holds a before/after pair shown with a slider. */
export const SlideSchema = z
  .object({
    id: IdSchema,
    picture: PictureSchema.optional(),
    video: VideoSchema.optional(),
    title: LangMapSchema.optional(),
    compare: CompareSchema.optional(),
    narration: NarrationSchema.optional(),
  })
  .refine((s) => (s.picture === undefined) !== (s.video === undefined), { message: say('slide-picture-or-film'), path: ['picture'] });
/** One slide of a picture story: a picture, a film or a before-and-after pair, its text and, optionally, narration. */
export type Slide = z.infer<typeof SlideSchema>;

/** A photo story: ordered slides. */
export const StorySchema = z.object({
  id: IdSchema,
  title: LangMapSchema,
  summary: LangMapSchema.optional(),
  cover: AssetPathSchema.optional(),
  slides: z.array(SlideSchema).min(1, say('no-slides')),
});
/** A picture story: slides read in order. */
export type Story = z.infer<typeof StorySchema>;

const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

/** A camera pose: where the camera stands and what it looks at, in model metres. */
export const CameraPoseSchema = z.object({ position: vec3, target: vec3 });

/** A point of interest on the model, found by node name or explicit position. */
export const HotspotSchema = z
  .object({
    id: IdSchema,
    node: z.string().min(1).max(120).optional(),
    position: vec3.optional(),
    camera: CameraPoseSchema.optional(),
    title: LangMapSchema,
    text: LangMapSchema,
    narration: NarrationSchema.optional(),
  })
  .refine((h) => h.node !== undefined || h.position !== undefined, say('hotspot-needs-place'));
/** A point on the 3D tractor that opens a card. */
export type Hotspot = z.infer<typeof HotspotSchema>;

/** A stop of a model's guided tour: a view, a text and, optionally, its hotspot and narration. */
export const TourStopSchema = z.object({
  id: IdSchema,
  hotspot: IdSchema.optional(),
  camera: CameraPoseSchema,
  title: LangMapSchema,
  text: LangMapSchema,
  narration: NarrationSchema.optional(),
});

/** A 3D object, its hotspots, guided tour and liveries. */
export const ModelSchema = z.object({
  id: IdSchema,
  src: AssetPathSchema,
  poster: AssetPathSchema,
  title: LangMapSchema,
  camera: CameraPoseSchema.extend({
    minDistance: z.number().positive(),
    maxDistance: z.number().positive(),
  }),
  hotspots: z.array(HotspotSchema),
  tour: z.array(TourStopSchema),
  liveries: z.array(
    z.object({
      id: IdSchema,
      variant: z.string().min(1).max(80).describe('A KHR_materials_variants variant name in the .glb'),
      label: LangMapSchema,
      note: LangMapSchema.optional(),
    }),
  ),
});
/** A 3D object (the tractor, its engine...): its file, its opening view, hotspots, tour and liveries. */
export type Model = z.infer<typeof ModelSchema>;

/** What an attract item opens when a visitor taps it. */
export const OpensSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('story'), id: IdSchema }),
  z.object({ kind: z.literal('section'), id: IdSchema }),
  z.object({ kind: z.literal('model'), id: IdSchema.optional().describe('Which of `models`; the first when not given') }),
  z.object({ kind: z.literal('home') }),
]);

/** One item of the attract loop. */
export const AttractItemSchema = z.object({
  id: IdSchema,
  type: z.enum(['model', 'picture', 'video', 'quote', 'title']),
  duration: z.number().min(2, say('duration-too-short')).max(600, say('duration-too-long')),
  picture: AssetPathSchema.optional().describe(
    'The picture of a picture item; the still of a video item, shown where the film cannot play',
  ),
  video: AssetPathSchema.optional().describe('The film of a video item: played muted and looping'),
  model: IdSchema.optional().describe('Which of `models` a model item shows; the first when not given'),
  quote: LangMapSchema.optional(),
  attribution: LangMapSchema.optional(),
  /**
   * A question or a surprising fact, written in each language, that the loop shows over the item
   * to stop a passer-by: short enough to read from two metres in a few seconds.
   */
  prompt: LangMapSchema.optional().describe(
    'A short question or surprising fact shown over the item to stop a passer-by, in each language',
  ),
  opens: OpensSchema,
});

/** The whole exhibit: `exhibit.json` at the root of a content package. */
export const ExhibitSchema = z.object({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: IdSchema,
  version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, say('bad-version')),
  title: LangMapSchema,
  subtitle: LangMapSchema.optional(),
  languages: z.object({
    available: z.array(z.enum(LANGUAGES)).min(1, say('no-languages')),
    default: z.enum(LANGUAGES),
  }),
  sections: z.array(SectionSchema).min(1, say('no-sections')),
  stories: z.array(StorySchema),
  models: z.array(ModelSchema).describe('The 3D objects, in the order the home screen offers them'),
  attract: z.object({
    idle: z.object({
      timeout: z.number().min(10).max(3600).default(90),
      countdown: z.number().min(3).max(120).default(15),
    }),
    playlist: z.array(AttractItemSchema).min(1, say('empty')),
  }),
});
/** The whole exhibit as `exhibit.json` gives it, validated. */
export type Exhibit = z.infer<typeof ExhibitSchema>;
/** One item of the attract loop: what it shows, and what a tap on it opens. */
export type AttractItem = z.infer<typeof AttractItemSchema>;

/** The JSON Schema for editors, generated from the zod source. */
export function exhibitJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExhibitSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_ID, title: 'Dongfanghong kiosk content package (exhibit.json)' };
}
