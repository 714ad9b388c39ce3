import { describe, expect, it } from 'vitest';
import { checkExhibitData } from '../../../../core/content/load.ts';
import { parseMarkup } from '../../../../core/content/markup.ts';
import {
  englishProblem,
  problemOfMessage,
  PROBLEM_CODES,
  PROBLEM_PARAMS,
  type ContentProblem,
} from '../../../../core/content/problem-codes.ts';
import { validExhibit } from '../../../fixtures/make-package.ts';

describe('the validator’s problems as codes', () => {
  it('words every code without parameters differently, so a schema message finds its own code again', () => {
    const plain = PROBLEM_CODES.filter((code) => Object.keys(PROBLEM_PARAMS[code]).length === 0);
    for (const code of plain) expect(problemOfMessage(englishProblem({ code } as ContentProblem))?.code, code).toBe(code);
  });

  it('gives every fault the schema finds in exhibit.json a code, zod’s own kinds of fault included', () => {
    const e = validExhibit();
    e.id = 5;
    delete e.version;
    e.title = { xx: ['a'] };
    e.languages.default = 'de';
    e.sections[0].panels[0] = { id: 'p', type: 'poster' };
    e.sections[0].cover = '../a.webp';
    e.attract.idle.timeout = 1;
    e.attract.playlist[0].duration = 1;
    const result = checkExhibitData(e);
    expect(result.ok).toBe(false);
    const byPlace = Object.fromEntries(result.problems.map((p) => [p.place, p.issue?.code]));
    expect(byPlace).toMatchObject({
      id: 'not-text',
      version: 'required',
      'languages.default': 'not-allowed-value',
      'sections[0].panels[0].type': 'unknown-kind',
      'sections[0].cover': 'path-leaves',
      'attract.idle.timeout': 'number-too-small',
      'attract.playlist[0].duration': 'duration-too-short',
    });
    expect(result.problems.map((p) => p.issue?.code)).toEqual(expect.arrayContaining(['unknown-fields', 'no-text-any-language']));
    for (const p of result.problems) {
      expect(p.issue, `${p.place}: ${p.message}`).toBeDefined();
      expect(p.message).toBe(englishProblem(p.issue!));
    }
  });

  it('says a markup fault with its code, in the same English as before', () => {
    const parsed = parseMarkup('<p>Hi</p><script>alert(1)</script>');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue).toEqual({ code: 'markup-tag-not-allowed', tag: 'script' });
    expect(parsed.error).toBe('the tag <script> is not allowed (only <p>, <em>, <strong>, <ul>, <ol>, <li>, <br>)');
  });
});
