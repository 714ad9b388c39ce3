/**
 * Moving an exhibit from an older format to the current one: the one place that knows how a
 * format-1 package reads in format 2. The kiosk, the validator and `kiosk-content migrate` all
 * come through here, so a format-1 package is shown exactly as the format-2 file that `migrate`
 * writes from it.
 *
 * Runs in Node and in the browser (no Node or DOM imports).
 */
import { SCHEMA_ID, SCHEMA_VERSION, type Exhibit } from './schema.ts';
import type { ExhibitV1 } from './schema-v1.ts';

/** The id a format-1 package's one model gets, unless the package already uses it (then `model-2`, ...). */
export const V1_MODEL_ID = 'model';

function allIds(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) allIds(n, into);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' && typeof v === 'string') into.add(v);
      else allIds(v, into);
    }
  return into;
}

function freeId(taken: Set<string>): string {
  if (!taken.has(V1_MODEL_ID)) return V1_MODEL_ID;
  for (let n = 2; ; n += 1) if (!taken.has(`${V1_MODEL_ID}-${n}`)) return `${V1_MODEL_ID}-${n}`;
}

/**
 * A format-1 exhibit in format 2, showing the same: its model becomes the one entry of
 * `models`, a slide's audio track becomes narration heard in every language (`none`), and the
 * `$schema` address names format 2 (a relative one is kept).
 */
export function migrateV1(v1: ExhibitV1): Exhibit {
  const { model, schemaVersion: _version, $schema, stories, attract, ...rest } = v1;
  const schema = $schema === undefined ? {} : { $schema: /^https?:/.test($schema) ? SCHEMA_ID : $schema };
  return {
    ...schema,
    schemaVersion: SCHEMA_VERSION,
    ...rest,
    stories: stories.map((story) => ({
      ...story,
      slides: story.slides.map(({ audio, ...slide }) =>
        audio
          ? {
              ...slide,
              narration: {
                audio: { none: audio.src },
                ...(audio.transcript ? { transcript: audio.transcript } : {}),
                credit: audio.credit,
                rights: audio.rights,
              },
            }
          : slide,
      ),
    })),
    models: model ? [{ id: freeId(allIds(v1, new Set())), ...model }] : [],
    attract,
  };
}

/**
 * Where a place in the migrated exhibit is in the format-1 file it came from, so that a
 * problem found after migration names the line staff wrote: `models[0].tour[2]` is
 * `model.tour[2]`, a slide's `narration.audio.none` is its `audio.src`.
 */
export function v1Place(place: string): string {
  return place
    .replace(/^models\[0\]/, 'model')
    .replace(/(slides\[\d+\])\.narration\.audio\.none/, '$1.audio.src')
    .replace(/(slides\[\d+\])\.narration/, '$1.audio');
}
