import { createContext, useContext } from 'react';
import type { ActiveContent } from '../../core/contract.ts';
import type { Language } from '../../core/content/schema.ts';

/** The active package and the visitor's language. */
export interface ExhibitState {
  content: ActiveContent;
  language: Language;
  setLanguage(language: Language): void;
}

export const ExhibitContext = createContext<ExhibitState | null>(null);

/** The active package and language, inside `<ExhibitContext.Provider>`. */
export function useExhibit(): ExhibitState {
  const state = useContext(ExhibitContext);
  if (!state) throw new Error('useExhibit outside ExhibitContext');
  return state;
}
