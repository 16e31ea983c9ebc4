import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { paths, Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type ProcessDefinition = Schemas['ProcessDefinitionView'];
export type DecisionDefinition = Schemas['DecisionDefinitionView'];
export type ModelXml = Schemas['ModelXml'];
export type FormDefinition = Schemas['FormDefinitionView'];
export type ProcessInstance = Schemas['ProcessInstanceView'];
export type ProcessInstanceDetail = Schemas['ProcessInstanceDetail'];
export type Incident = Schemas['OpenIncident'];
export type Deployment = Schemas['DeploymentView'];
export type MigrationRequest = Schemas['MigrationRequest'];
export type MigrationReport = Schemas['MigrationReport'];
export type ActivityMapping = Schemas['ActivityMapping'];
export type InstanceQuery = NonNullable<paths['/api/v1/process-instances']['get']['parameters']['query']>;
export type IncidentQuery = NonNullable<paths['/api/v1/incidents']['get']['parameters']['query']>;

/** Lists of definitions and versions are short: one page of the largest size holds them. */
const ALL = 200;
export const POLL_MS = 15_000;

export const processKeys = {
  all: ['processes'] as const,
  definitions: ['processes', 'definitions'] as const,
  versions: (key: string) => ['processes', 'versions', key] as const,
  decisions: ['processes', 'decisions'] as const,
  decisionVersions: (key: string) => ['processes', 'decision-versions', key] as const,
  forms: ['processes', 'forms'] as const,
  formVersions: (key: string) => ['processes', 'form-versions', key] as const,
  xml: (kind: 'process' | 'decision' | 'form', id: string) => ['process-xml', kind, id] as const,
  instances: (query: InstanceQuery) => ['processes', 'instances', query] as const,
  instance: (id: string) => ['processes', 'instance', id] as const,
  incidents: (query: IncidentQuery) => ['processes', 'incidents', query] as const,
  beans: ['process-beans'] as const,
};

export function useProcessDefinitions() {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.definitions,
    queryFn: () => unwrap(client.GET('/api/v1/process-definitions', { params: { query: { limit: ALL } } })),
    refetchInterval: POLL_MS,
  });
}

export function useProcessVersions(key: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.versions(key ?? ''),
    enabled: !!key,
    queryFn: () =>
      unwrap(client.GET('/api/v1/process-definitions/{key}/versions', { params: { path: { key: key ?? '' }, query: { limit: ALL } } })),
    refetchInterval: POLL_MS,
  });
}

export function useDecisionDefinitions(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.decisions,
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/decision-definitions', { params: { query: { limit: ALL } } })),
  });
}

export function useDecisionVersions(key: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.decisionVersions(key ?? ''),
    enabled: !!key,
    queryFn: () =>
      unwrap(client.GET('/api/v1/decision-definitions/{key}/versions', { params: { path: { key: key ?? '' }, query: { limit: ALL } } })),
  });
}

/** The deployed forms, the latest version of each key. */
export function useFormDefinitions(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.forms,
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/form-definitions', { params: { query: { limit: ALL } } })),
  });
}

export function useFormVersions(key: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.formVersions(key ?? ''),
    enabled: !!key,
    queryFn: () =>
      unwrap(client.GET('/api/v1/form-definitions/{key}/versions', { params: { path: { key: key ?? '' }, query: { limit: ALL } } })),
  });
}

/** The file of one version (BPMN or DMN XML, form JSON) as `xml`: it never changes, so it is fetched once. */
export function useModelXml(kind: 'process' | 'decision' | 'form', id: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.xml(kind, id ?? ''),
    enabled: !!id,
    staleTime: Infinity,
    queryFn: async (): Promise<{ xml?: string; resourceName?: string }> => {
      const options = { params: { path: { id: id ?? '' } } };
      if (kind === 'form') {
        const form = await unwrap(client.GET('/api/v1/form-definitions/{id}/json', options));
        return { xml: form.json, resourceName: form.resourceName };
      }
      return kind === 'process'
        ? unwrap(client.GET('/api/v1/process-definitions/{id}/xml', options))
        : unwrap(client.GET('/api/v1/decision-definitions/{id}/xml', options));
    },
  });
}

export function useProcessInstances(query: InstanceQuery, enabled = true) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: processKeys.instances(query),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/process-instances', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

export function useProcessInstance(id: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.instance(id),
    queryFn: () => unwrap(client.GET('/api/v1/process-instances/{id}', { params: { path: { id } } })),
    refetchInterval: POLL_MS,
  });
}

export function useIncidents(query: IncidentQuery) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: processKeys.incidents(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(client.GET('/api/v1/incidents', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
  });
}

/** The beans a model may call, by name, with what each does. */
export function useProcessBeans(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: processKeys.beans,
    enabled,
    staleTime: 10 * 60_000,
    queryFn: () => unwrap(client.GET('/api/v1/process-beans')),
  });
}

/** After any change: counts, instances, incidents and versions are read again (the XML of a version never changes). */
function useInvalidateProcesses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: processKeys.all });
}

export function useRetryIncident() {
  const { client } = useApi();
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/incidents/{id}/retry', { params: { path: { id } } })),
    onSettled: invalidate,
  });
}

export function useSuspendInstance() {
  const { client } = useApi();
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: ({ id, suspend }: { id: string; suspend: boolean }) => {
      const options = { params: { path: { id } } };
      return suspend
        ? unwrap(client.POST('/api/v1/process-instances/{id}/suspend', options))
        : unwrap(client.POST('/api/v1/process-instances/{id}/resume', options));
    },
    onSettled: invalidate,
  });
}

export function useSuspendVersion() {
  const { client } = useApi();
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: ({ id, suspend }: { id: string; suspend: boolean }) => {
      const options = { params: { path: { id } } };
      return suspend
        ? unwrap(client.POST('/api/v1/process-definitions/{id}/suspend', options))
        : unwrap(client.POST('/api/v1/process-definitions/{id}/resume', options));
    },
    onSettled: invalidate,
  });
}

export function useCancelInstance() {
  const { client } = useApi();
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(client.POST('/api/v1/process-instances/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSettled: invalidate,
  });
}

/** A dry run (`dryRun: true`) answers what would move and changes nothing; a real run moves all or none. */
export function useMigrate() {
  const { client } = useApi();
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: (body: MigrationRequest) => unwrap(client.POST('/api/v1/process-migrations', { body })),
    onSuccess: (_report, body) => (body.dryRun ? undefined : invalidate()),
  });
}

/** Deploys model files as multipart `file` parts; a 422 `model-refused` lists the refusals (see refusals.ts). */
export function useDeploy() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files, name }: { files: File[]; name?: string }) =>
      unwrap(
        client.POST('/api/v1/deployments', {
          params: { query: name ? { name } : {} },
          body: {},
          bodySerializer: () => {
            const form = new FormData();
            for (const file of files) form.append('file', file, file.name);
            return form;
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}
