import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { unwrap } from '../api/problem';
import type { LoginRequest, Me } from '../api/types';
import { useApi } from '../app/ApiContext';

export type SessionState =
  | { state: 'restoring' }
  | { state: 'signedOut'; notice?: string }
  | { state: 'signedIn'; me: Me };

interface SessionContextValue {
  session: SessionState;
  signIn(credentials: LoginRequest): Promise<void>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Who is signed in. On start (a reload, a new tab) the refresh cookie restores the session; when the session ends
 * elsewhere (expired, signed out in another tab) the app returns to the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { client, session: tokens } = useApi();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SessionState>({ state: 'restoring' });

  const loadMe = useCallback(async () => {
    const me = await unwrap(client.GET('/api/v1/me'));
    setSession({ state: 'signedIn', me });
  }, [client]);

  useEffect(() => {
    let active = true;
    const unsubscribe = tokens.subscribe((event) => {
      if (!active) return;
      if (event === 'signedIn') {
        void loadMe().catch(() => undefined);
        return;
      }
      queryClient.clear();
      setSession({
        state: 'signedOut',
        notice: event === 'expired' ? 'Your session has ended. Please sign in again.' : 'You signed out in another tab.',
      });
    });
    tokens
      .refresh()
      .then((restored) => (restored ? loadMe() : setSession({ state: 'signedOut' })))
      .catch(() => active && setSession({ state: 'signedOut' }));
    return () => {
      active = false;
      unsubscribe();
    };
  }, [tokens, loadMe, queryClient]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      await tokens.start(credentials);
      await loadMe();
    },
    [tokens, loadMe],
  );

  const end = useCallback(
    async (everywhere: boolean) => {
      try {
        await (everywhere ? tokens.endEverywhere() : tokens.end());
      } finally {
        queryClient.clear();
        setSession({ state: 'signedOut', notice: everywhere ? 'You are signed out on every device.' : undefined });
      }
    },
    [tokens, queryClient],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ session, signIn, signOut: () => end(false), signOutEverywhere: () => end(true) }),
    [session, signIn, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages inside the signed-in shell. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.state !== 'signedIn') throw new Error('useMe without a signed-in user');
  return session.me;
}
