import { describe, expect, it } from 'vitest';
import { diffExhibits } from '../../../../core/admin/diff.ts';
import { asCurrent, validExhibit } from '../../../fixtures/make-package.ts';

describe('what a new package changes', () => {
  it('lists sections and stories added, removed and changed, and missing translations', () => {
    const before = asCurrent(validExhibit());
    const next = validExhibit();
    next.sections.push({ ...next.sections[0], id: 'two', panels: [{ ...next.sections[0].panels[0], id: 'two-text' }] });
    next.stories[0].title.en = ['A new story title'];
    delete next.sections[0].title.ru;
    const after = asCurrent(next);
    const changes = diffExhibits(before, after);
    expect(changes.sections.added.map((s) => s.id)).toEqual(['two']);
    expect(changes.sections.changed.map((s) => s.id)).toEqual(['one']);
    expect(changes.stories.changed.map((s) => s.id)).toEqual(['story']);
    expect(changes.stories.removed).toEqual([]);
    expect(changes.missingTranslations).toContain('sections[0].title: ru');
    expect(diffExhibits(after, before).sections.removed.map((s) => s.id)).toEqual(['two']);
  });
});
