import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createApi } from '../api/client';
import { App, createQueryClient } from '../App';
import { fakeFetch, json, ME, tokens, type Reply } from './fakeFetch';

/** The whole app at `path` over a fake server; signed in as `me` unless `signedOut`. */
export function renderApp(
  path: string,
  routes: Record<string, Reply[]>,
  { me = ME, signedOut = false }: { me?: typeof ME; signedOut?: boolean } = {},
) {
  const fake = fakeFetch({
    'POST /api/v1/auth/session/refresh': [signedOut ? json(401, { status: 401, title: 'Unauthorized' }) : json(200, tokens('access-1'))],
    'GET /api/v1/me': [json(200, me)],
    ...routes,
  });
  const api = createApi({ baseUrl: 'http://localhost', fetch: fake.fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchInterval: false, staleTime: Infinity } });
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App api={api} queryClient={queryClient} />
    </MemoryRouter>,
  );
  return { ...view, ...fake, api };
}
