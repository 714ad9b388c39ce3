import { describe, expect, it } from 'vitest';
import { parsePlace } from '../../../../core/admin/place.ts';

describe('a problem’s place as steps', () => {
  it('splits the validator’s place into field names and indexes, the whole file into none', () => {
    expect(parsePlace('sections[4].panels[3].body.ru[0]')).toEqual(['sections', 4, 'panels', 3, 'body', 'ru', 0]);
    expect(parsePlace('attract.playlist[0].picture')).toEqual(['attract', 'playlist', 0, 'picture']);
    expect(parsePlace('languages.available[1]')).toEqual(['languages', 'available', 1]);
    expect(parsePlace('zh-Hans')).toEqual(['zh-Hans']);
    expect(parsePlace('')).toEqual([]);
    expect(parsePlace('(root)')).toEqual([]);
  });
});
