import type { Language } from '../../core/content/schema.ts';

/** A screen a visitor can be on. */
export type Screen =
  { kind: 'home' } | { kind: 'section'; id: string } | { kind: 'story'; id: string } | { kind: 'model'; id: string } | { kind: 'credits' };

/**
 * One visitor's session: everything that must start fresh for the next visitor lives here
 * (or under the session's key, which remounts every screen when it changes).
 */
export interface Session {
  /** Changes for every new visitor; screens are keyed on it, so their own state starts fresh. */
  id: number;
  language: Language;
  largeText: boolean;
  /** Animations off for this visitor, whatever the operating system says. */
  reducedMotion: boolean;
  /** Listening mode: a touch speaks what it lands on, a double tap activates it. Ends with the session. */
  listening: boolean;
  /** Where the visitor is: the last screen is shown, Back pops one. */
  stack: Screen[];
  /** The slide each story was left on, so language switches and Back keep the place. */
  slides: Record<string, number>;
}

export type SessionAction =
  | { type: 'open'; screen: Screen }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'language'; language: Language }
  | { type: 'largeText'; on: boolean }
  | { type: 'reducedMotion'; on: boolean }
  | { type: 'listening'; on: boolean }
  | { type: 'slide'; story: string; index: number }
  | { type: 'reset'; language: Language; screen?: Screen };

const HOME: Screen = { kind: 'home' };

/** A fresh session: home screen (or `screen`), default language, large text, reduced motion and listening mode off. */
export function freshSession(language: Language, previousId = 0, screen?: Screen): Session {
  return {
    id: previousId + 1,
    language,
    largeText: false,
    reducedMotion: false,
    listening: false,
    stack: screen && screen.kind !== 'home' ? [HOME, screen] : [HOME],
    slides: {},
  };
}

function sameScreen(a: Screen, b: Screen): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : undefined) === ('id' in b ? b.id : undefined);
}

/** The session's state machine: pure, so every transition is unit-tested. */
export function sessionReducer(state: Session, action: SessionAction): Session {
  switch (action.type) {
    case 'open': {
      const top = state.stack[state.stack.length - 1]!;
      if (sameScreen(top, action.screen)) return state;
      if (action.screen.kind === 'home') return { ...state, stack: [HOME] };
      const stack = top.kind === 'home' ? [HOME, action.screen] : [...state.stack, action.screen];
      return { ...state, stack: stack.slice(-8) };
    }
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'home':
      return state.stack.length > 1 ? { ...state, stack: [HOME] } : state;
    case 'language':
      return state.language === action.language ? state : { ...state, language: action.language };
    case 'largeText':
      return state.largeText === action.on ? state : { ...state, largeText: action.on };
    case 'reducedMotion':
      return state.reducedMotion === action.on ? state : { ...state, reducedMotion: action.on };
    case 'listening':
      return state.listening === action.on ? state : { ...state, listening: action.on };
    case 'slide':
      return state.slides[action.story] === action.index ? state : { ...state, slides: { ...state.slides, [action.story]: action.index } };
    case 'reset':
      return freshSession(action.language, state.id, action.screen);
  }
}

/** The screen on top. */
export function currentScreen(state: Session): Screen {
  return state.stack[state.stack.length - 1]!;
}
