import { describe, expect, it } from 'vitest';
import { currentScreen, freshSession, sessionReducer, type Session } from '../../../../renderer/session/session.ts';

function used(): Session {
  let s = freshSession('zh-Hans');
  s = sessionReducer(s, { type: 'language', language: 'ru' });
  s = sessionReducer(s, { type: 'largeText', on: true });
  s = sessionReducer(s, { type: 'reducedMotion', on: true });
  s = sessionReducer(s, { type: 'listening', on: true });
  s = sessionReducer(s, { type: 'open', screen: { kind: 'story', id: 'jianxi-plan' } });
  s = sessionReducer(s, { type: 'slide', story: 'jianxi-plan', index: 4 });
  s = sessionReducer(s, { type: 'open', screen: { kind: 'section', id: 'memory-today' } });
  return s;
}

describe('the visitor session and its one reset contract', () => {
  it('navigates: open pushes, back pops, home clears, opening the same screen is a no-op', () => {
    const s = used();
    expect(s.stack.map((x) => x.kind)).toEqual(['home', 'story', 'section']);
    expect(sessionReducer(s, { type: 'open', screen: { kind: 'section', id: 'memory-today' } })).toBe(s);
    expect(currentScreen(sessionReducer(s, { type: 'back' }))).toEqual({ kind: 'story', id: 'jianxi-plan' });
    expect(sessionReducer(s, { type: 'home' }).stack).toEqual([{ kind: 'home' }]);
    const atHome = freshSession('en');
    expect(sessionReducer(atHome, { type: 'back' })).toBe(atHome);
  });

  it('a reset gives the next visitor: a new id, home, the default language, large text, reduced motion and listening mode off, stories rewound', () => {
    const before = used();
    const after = sessionReducer(before, { type: 'reset', language: 'zh-Hans' });
    expect(after.id).toBe(before.id + 1);
    expect(after.stack).toEqual([{ kind: 'home' }]);
    expect(after.language).toBe('zh-Hans');
    expect(after.largeText).toBe(false);
    expect(after.reducedMotion).toBe(false);
    expect(before.listening).toBe(true);
    expect(after.listening).toBe(false);
    expect(after.slides).toEqual({});
  });

  it('a reset from the attract loop opens the item’s screen above home, so Back leads home', () => {
    const after = sessionReducer(used(), { type: 'reset', language: 'zh-Hans', screen: { kind: 'story', id: 'road-from-kharkiv' } });
    expect(after.stack).toEqual([{ kind: 'home' }, { kind: 'story', id: 'road-from-kharkiv' }]);
    expect(after.slides).toEqual({});
  });

  it('keeps the place in a story across language switches', () => {
    const s = sessionReducer(used(), { type: 'language', language: 'en' });
    expect(s.slides['jianxi-plan']).toBe(4);
    expect(currentScreen(s)).toEqual({ kind: 'section', id: 'memory-today' });
  });
});
