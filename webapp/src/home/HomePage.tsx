import { useState } from 'react';
import type { Me } from '../api/client';

interface Props {
  me: Me;
  onSignOut(): Promise<void>;
}

/** `sales_rep` reads as "Sales rep". */
function roleLabel(role: string): string {
  const words = role.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function HomePage({ me, onSignOut }: Props) {
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    await onSignOut();
  }

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Salesflow</span>
        <button type="button" className="secondary" onClick={signOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>

      <main className="home">
        <h1>
          Signed in as {me.displayName} ({me.tenant})
        </h1>
        <p className="muted">{me.email}</p>

        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles</h2>
          {me.roles.length > 0 ? (
            <ul className="chips">
              {me.roles.map((role) => (
                <li key={role} title={role}>
                  {roleLabel(role)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No roles assigned yet.</p>
          )}
        </section>

        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading">Teams</h2>
          {me.teams.length > 0 ? (
            <ul className="chips">
              {me.teams.map((team) => (
                <li key={team.id}>{team.name}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">You are not on a team yet.</p>
          )}
        </section>
      </main>
    </div>
  );
}
