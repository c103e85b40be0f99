/** The signed-in user and office, shared through React context. */
import { createContext, useContext } from 'react';
import type { SessionView } from '../../core/api/contract';
import type { Role } from '../../core/api/schemas';

export interface SessionState {
  session: SessionView;
  setSession(s: SessionView | null): void;
  hasRole(...roles: Role[]): boolean;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside of a signed-in session');
  return s;
}
