import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExhibitData } from '../../../../core/content/load.ts';
import { migrateV1, v1Place } from '../../../../core/content/migrate.ts';
import { ExhibitSchema, SCHEMA_VERSION } from '../../../../core/content/schema.ts';
import { ExhibitV1Schema } from '../../../../core/content/schema-v1.ts';
import { validExhibit } from '../../../fixtures/make-package.ts';

/** The built-in exhibit as it was in format 1, before format 2 (kept as it was, never edited). */
const builtInV1 = JSON.parse(fs.readFileSync('tests/fixtures/format-1/exhibit.json', 'utf8')) as Record<string, unknown>;

describe('format 1 moved to format 2', () => {
  it('keeps everything of the built-in exhibit of format 1: its model is the one 3D object, every other field as it was', () => {
    const v1 = ExhibitV1Schema.parse(builtInV1);
    const v2 = migrateV1(v1);
    expect(ExhibitSchema.parse(v2)).toEqual(v2);
    const { model, schemaVersion: _1, ...rest1 } = v1;
    const { models, schemaVersion, ...rest2 } = v2;
    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect(rest2).toEqual(rest1);
    expect(models).toEqual([{ id: 'model', ...model }]);
  });

  it('is what the kiosk reads a format-1 file as', () => {
    const checked = checkExhibitData(builtInV1);
    expect(checked.ok && checked.format).toBe(1);
    expect(checked.ok && checked.exhibit).toEqual(migrateV1(ExhibitV1Schema.parse(builtInV1)));
  });

  it('makes a slide’s one audio track narration heard in every language, and gives the model an id the package does not use', () => {
    const e = validExhibit();
    e.stories[0].slides[0].audio = {
      src: 'audio/a.mp3',
      transcript: { en: ['Words'] },
      credit: { none: ['x'] },
      rights: 'https://creativecommons.org/licenses/by/4.0/',
    };
    e.sections[0].id = 'model';
    const v2 = migrateV1(ExhibitV1Schema.parse(e));
    expect(v2.stories[0]!.slides[0]!.narration).toEqual({
      audio: { none: 'audio/a.mp3' },
      transcript: { en: ['Words'] },
      credit: { none: ['x'] },
      rights: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(v2.models[0]!.id).toBe('model-2');
    expect(migrateV1(ExhibitV1Schema.parse({ ...validExhibit(), model: undefined })).models).toEqual([]);
  });

  it('names a place found after migration where the format-1 file has it', () => {
    expect(v1Place('models[0].tour[2].hotspot')).toBe('model.tour[2].hotspot');
    expect(v1Place('stories[1].slides[3].narration.audio.none')).toBe('stories[1].slides[3].audio.src');
    expect(v1Place('stories[1].slides[3].narration.credit')).toBe('stories[1].slides[3].audio.credit');
    expect(v1Place('sections[0].panels[1].picture.src')).toBe('sections[0].panels[1].picture.src');
  });

  it('keeps a relative $schema and moves the published one to format 2', () => {
    expect(migrateV1(ExhibitV1Schema.parse({ ...validExhibit(), $schema: './exhibit.schema.json' })).$schema).toBe('./exhibit.schema.json');
    expect(
      migrateV1(ExhibitV1Schema.parse({ ...validExhibit(), $schema: 'https://dongfanghong-kiosk.invalid/schema/exhibit-1.json' })).$schema,
    ).toMatch(/exhibit-2\.json$/);
  });
});
