import { createContext, useContext, type Dispatch } from 'react';
import type { Session, SessionAction } from './session.ts';

export const SessionContext = createContext<{ session: Session; dispatch: Dispatch<SessionAction> } | null>(null);

/** The visitor's session and the way to change it. */
export function useSession(): { session: Session; dispatch: Dispatch<SessionAction> } {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}
