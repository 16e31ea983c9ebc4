import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Center, Loader, MantineProvider, Stack, Text, Title, Anchor } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useMatch, useSearchParams } from 'react-router';
import type { Api } from './api/client';
import { ApiError } from './api/problem';
import { ApiProvider } from './app/ApiContext';
import { PAGES, type Page } from './app/pages';
import { cssVariablesResolver, theme } from './app/theme';
import { SessionProvider, useMe, useSession } from './auth/SessionProvider';
import { SignInPage } from './auth/SignInPage';

/** The signed-in frame loads after sign-in, so the sign-in page stays small. */
const Shell = lazy(async () => ({ default: (await import('./app/Shell')).Shell }));
/** The contract signing page, for signers without an account. */
const SigningPage = lazy(async () => ({ default: (await import('./contracts/SigningPage')).SigningPage }));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A problem the server stated (4xx) will not go away by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

function Restoring() {
  return (
    <Center mih="100dvh" aria-busy="true">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text c="dimmed">Loading Salesflow…</Text>
      </Stack>
    </Center>
  );
}

function NotFound() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>There is no page at this address, or you cannot open it.</Text>
      <Anchor component={Link} to="/">
        Go to the dashboard
      </Anchor>
    </Stack>
  );
}

function Guarded({ page }: { page: Page }) {
  const me = useMe();
  if (page.allowed && !page.allowed(me)) return <NotFound />;
  const Component = page.component;
  return <Component />;
}

function SignInRoute() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  if (session.state === 'signedIn') return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  return <SignInPage onSignIn={signIn} notice={session.state === 'signedOut' ? session.notice : undefined} />;
}

function SignedInOnly() {
  const { session } = useSession();
  const location = useLocation();
  if (session.state !== 'signedIn') {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  return (
    <Suspense fallback={<Restoring />}>
      <Shell />
    </Suspense>
  );
}

function AppRoutes() {
  const { session } = useSession();
  const signing = useMatch('/sign/:token');
  if (signing)
    return (
      <Suspense fallback={<Restoring />}>
        <Routes>
          <Route path="/sign/:token" element={<SigningPage />} />
        </Routes>
      </Suspense>
    );
  if (session.state === 'restoring') return <Restoring />;
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInRoute />} />
      <Route element={<SignedInOnly />}>
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<Guarded page={page} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The app inside a router (BrowserRouter in main.tsx, MemoryRouter in tests). */
export function App({ api, queryClient }: { api: Api; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <ApiProvider api={api}>
        <QueryClientProvider client={client}>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </QueryClientProvider>
      </ApiProvider>
    </MantineProvider>
  );
}
