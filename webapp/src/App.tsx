import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, LoginRequest, Me } from './api/client';
import { SignInPage } from './auth/SignInPage';
import { HomePage } from './home/HomePage';

type Session =
  | { state: 'restoring' }
  | { state: 'signedOut'; notice?: string }
  | { state: 'signedIn'; me: Me };

export function App({ client }: { client: ApiClient }) {
  const [session, setSession] = useState<Session>(() =>
    client.canRestoreSession() ? { state: 'restoring' } : { state: 'signedOut' },
  );

  useEffect(() => {
    let active = true;
    const unsubscribe = client.onSessionExpired(() => {
      setSession({ state: 'signedOut', notice: 'Your session has expired. Please sign in again.' });
    });
    if (!client.canRestoreSession()) return unsubscribe;
    // A refresh token kept from earlier in this browser tab signs the rep back in after a reload.
    client
      .restoreSession()
      .then((restored) => (restored ? client.me() : null))
      .then(
        (me) => {
          if (active) setSession(me ? { state: 'signedIn', me } : { state: 'signedOut' });
        },
        () => {
          if (active) setSession({ state: 'signedOut' });
        },
      );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [client]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      await client.login(credentials);
      const me = await client.me();
      setSession({ state: 'signedIn', me });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.logout();
    } catch {
      // The client has dropped the tokens either way; the rep is signed out here.
    }
    setSession({ state: 'signedOut' });
  }, [client]);

  switch (session.state) {
    case 'restoring':
      return (
        <main className="centered" aria-busy="true">
          <p className="muted">Loading Salesflow…</p>
        </main>
      );
    case 'signedOut':
      return <SignInPage onSignIn={signIn} notice={session.notice} />;
    case 'signedIn':
      return <HomePage me={session.me} onSignOut={signOut} />;
  }
}
