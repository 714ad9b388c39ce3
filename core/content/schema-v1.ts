/**
 * Format 1 of `exhibit.json`, frozen as it was when format 2 replaced it: the kiosk still reads
 * every format-1 package, with this schema, and `migrate.ts` moves it to format 2 before
 * anything else looks at it. Nothing here changes again; new fields go into `schema.ts`.
 *
 * Runs in Node and in the browser (no Node or DOM imports).
 */
import { z } from 'zod';
import { LANGUAGES } from './languages.ts';
import { englishProblem, type ContentProblem, type PlainProblemCode } from './problem-codes.ts';
import {
  AssetPathSchema,
  CameraPoseSchema,
  CompareSchema,
  IdSchema,
  LangMapSchema,
  PictureSchema,
  RichTextSchema,
  RightsSchema,
} from './schema.ts';

const say = (code: PlainProblemCode): string => englishProblem({ code } as ContentProblem);
const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
const base = { id: IdSchema };

const PanelV1Schema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), title: LangMapSchema.optional(), body: RichTextSchema }),
  z.object({ ...base, type: z.literal('picture'), title: LangMapSchema.optional(), picture: PictureSchema }),
  z.object({ ...base, type: z.literal('quote'), text: LangMapSchema, attribution: LangMapSchema }),
  z.object({
    ...base,
    type: z.literal('timeline'),
    title: LangMapSchema.optional(),
    entries: z
      .array(z.object({ date: z.string().min(1).max(40), title: LangMapSchema, text: LangMapSchema.optional() }))
      .min(1, say('no-entries')),
  }),
  z.object({
    ...base,
    type: z.literal('sources'),
    title: LangMapSchema.optional(),
    items: z.array(z.object({ citation: LangMapSchema, note: LangMapSchema.optional() })).min(1, say('no-sources')),
  }),
]);

const SlideV1Schema = z.object({
  id: IdSchema,
  picture: PictureSchema,
  title: LangMapSchema.optional(),
  compare: CompareSchema.optional(),
  /** One audio track for every language (format 2 has one per language: `narration`). */
  audio: z.object({ src: AssetPathSchema, transcript: LangMapSchema.optional(), credit: LangMapSchema, rights: RightsSchema }).optional(),
});

const ModelV1Schema = z.object({
  src: AssetPathSchema,
  poster: AssetPathSchema,
  title: LangMapSchema,
  camera: CameraPoseSchema.extend({ minDistance: z.number().positive(), maxDistance: z.number().positive() }),
  hotspots: z.array(
    z
      .object({
        id: IdSchema,
        node: z.string().min(1).max(120).optional(),
        position: vec3.optional(),
        camera: CameraPoseSchema.optional(),
        title: LangMapSchema,
        text: LangMapSchema,
      })
      .refine((h) => h.node !== undefined || h.position !== undefined, say('hotspot-needs-place')),
  ),
  tour: z.array(
    z.object({ id: IdSchema, hotspot: IdSchema.optional(), camera: CameraPoseSchema, title: LangMapSchema, text: LangMapSchema }),
  ),
  liveries: z.array(z.object({ id: IdSchema, variant: z.string().min(1).max(80), label: LangMapSchema, note: LangMapSchema.optional() })),
});

const OpensV1Schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('story'), id: IdSchema }),
  z.object({ kind: z.literal('section'), id: IdSchema }),
  z.object({ kind: z.literal('model') }),
  z.object({ kind: z.literal('home') }),
]);

/** `exhibit.json` of format 1: one model, one audio track per slide, no film. */
export const ExhibitV1Schema = z.object({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: IdSchema,
  version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, say('bad-version')),
  title: LangMapSchema,
  subtitle: LangMapSchema.optional(),
  languages: z.object({ available: z.array(z.enum(LANGUAGES)).min(1, say('no-languages')), default: z.enum(LANGUAGES) }),
  sections: z
    .array(
      z.object({
        id: IdSchema,
        title: LangMapSchema,
        summary: LangMapSchema.optional(),
        cover: AssetPathSchema.optional(),
        panels: z.array(PanelV1Schema).min(1, say('no-panels')),
      }),
    )
    .min(1, say('no-sections')),
  stories: z.array(
    z.object({
      id: IdSchema,
      title: LangMapSchema,
      summary: LangMapSchema.optional(),
      cover: AssetPathSchema.optional(),
      slides: z.array(SlideV1Schema).min(1, say('no-slides')),
    }),
  ),
  model: ModelV1Schema.optional(),
  attract: z.object({
    idle: z.object({ timeout: z.number().min(10).max(3600).default(90), countdown: z.number().min(3).max(120).default(15) }),
    playlist: z
      .array(
        z.object({
          id: IdSchema,
          type: z.enum(['model', 'picture', 'quote', 'title']),
          duration: z.number().min(2, say('duration-too-short')).max(600, say('duration-too-long')),
          picture: AssetPathSchema.optional(),
          quote: LangMapSchema.optional(),
          attribution: LangMapSchema.optional(),
          prompt: LangMapSchema.optional(),
          opens: OpensV1Schema,
        }),
      )
      .min(1, say('empty')),
  }),
});
/** A format-1 exhibit, validated. */
export type ExhibitV1 = z.infer<typeof ExhibitV1Schema>;
