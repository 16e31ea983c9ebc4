import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';

export type User = Schemas['UserView'];
export type Role = Schemas['RoleView'];
export type Grant = Schemas['GrantRequest'];
export type PermissionInfo = Schemas['PermissionInfo'];
export type Team = Schemas['TeamView'];
export type ApiKey = Schemas['ApiKeyView'];
export type AuditEntry = Schemas['AuditEntry'];
export type SecurityEvent = Schemas['SecurityEventView'];

export const adminKeys = {
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  permissions: ['admin', 'permissions'] as const,
  teams: ['admin', 'teams'] as const,
  apiKeys: ['admin', 'api-keys'] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit', filters] as const,
  security: (userId: string) => ['admin', 'security-events', userId] as const,
};

const PAGE = 50;

/** The `If-Match` value for a version the server sent (its ETag is the quoted version). */
export function ifMatch(version: number | undefined): { 'If-Match'?: string } {
  return version === undefined ? {} : { 'If-Match': `"${version}"` };
}

export function useUsers() {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: adminKeys.users,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/users', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every user, for pickers (teams): follows the cursor up to a few pages. */
export function useAllUsers(enabled = true) {
  const { client } = useApi();
  return useQuery({
    enabled,
    queryKey: [...adminKeys.users, 'all'],
    queryFn: async () => {
      const all: User[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await unwrap(
          client.GET('/api/v1/users', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
        );
        all.push(...(page.items ?? []));
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return all;
    },
  });
}

export function useCreateUser() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUser']) => unwrap(client.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useChangeUser() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: { user: User; change: Schemas['ChangeUser'] }) =>
      unwrap(
        client.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id ?? '' }, header: ifMatch(user.version) },
          body: change,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useRoles(enabled = true) {
  const { client } = useApi();
  return useQuery({ queryKey: adminKeys.roles, queryFn: () => unwrap(client.GET('/api/v1/roles')), enabled });
}

export function usePermissionCatalogue() {
  const { client } = useApi();
  return useQuery({
    queryKey: adminKeys.permissions,
    queryFn: () => unwrap(client.GET('/api/v1/permissions')),
    staleTime: 10 * 60_000,
  });
}

export function useSaveRole() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, body }: { role?: Role; body: Schemas['RoleRequest'] }) =>
      role?.id
        ? unwrap(
            client.PUT('/api/v1/roles/{id}', { params: { path: { id: role.id }, header: ifMatch(role.version) }, body }),
          )
        : unwrap(client.POST('/api/v1/roles', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

export function useDeleteRole() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) =>
      unwrap(
        client.DELETE('/api/v1/roles/{id}', { params: { path: { id: role.id ?? '' }, header: ifMatch(role.version) } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

export function useTeams() {
  const { client } = useApi();
  return useQuery({ queryKey: adminKeys.teams, queryFn: () => unwrap(client.GET('/api/v1/teams')) });
}

export function useSaveTeam() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ team, body }: { team?: Team; body: Schemas['TeamRequest'] }) =>
      team?.id
        ? unwrap(
            client.PUT('/api/v1/teams/{id}', { params: { path: { id: team.id }, header: ifMatch(team.version) }, body }),
          )
        : unwrap(client.POST('/api/v1/teams', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
        queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      ]),
  });
}

export function useDeleteTeam() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (team: Team) =>
      unwrap(
        client.DELETE('/api/v1/teams/{id}', { params: { path: { id: team.id ?? '' }, header: ifMatch(team.version) } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
  });
}

export function useApiKeys() {
  const { client } = useApi();
  return useQuery({ queryKey: adminKeys.apiKeys, queryFn: () => unwrap(client.GET('/api/v1/api-keys')) });
}

export function useCreateApiKey() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateApiKey']) => unwrap(client.POST('/api/v1/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys }),
  });
}

export interface AuditFilters {
  resourceType: string;
  resourceId: string;
}

export function useAuditLog(filters: AuditFilters) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/audit-log', {
          params: {
            query: {
              limit: PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(filters.resourceType ? { resourceType: filters.resourceType } : {}),
              ...(filters.resourceId ? { resourceId: filters.resourceId } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSecurityEvents(userId: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: adminKeys.security(userId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/security-events', {
          params: {
            query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}), ...(userId ? { userId } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type Pipeline = Schemas['PipelineView'];
export type StageRequest = Schemas['StageRequest'];

export function useAdminPipelines() {
  const { client } = useApi();
  return useQuery({ queryKey: ['pipelines'], queryFn: () => unwrap(client.GET('/api/v1/pipelines')) });
}

export function useSavePipeline() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pipeline, body }: { pipeline?: Pipeline; body: Schemas['PipelineRequest'] }) =>
      pipeline?.id
        ? unwrap(
            client.PUT('/api/v1/pipelines/{id}', {
              params: { path: { id: pipeline.id }, header: ifMatch(pipeline.version) },
              body,
            }),
          )
        : unwrap(client.POST('/api/v1/pipelines', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pipelines'] }),
  });
}

export function useDeletePipeline() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pipeline: Pipeline) =>
      unwrap(
        client.DELETE('/api/v1/pipelines/{id}', {
          params: { path: { id: pipeline.id ?? '' }, header: ifMatch(pipeline.version) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pipelines'] }),
  });
}

export type DuplicateSettings = Schemas['DuplicateSettings'];

export function useDuplicateSettings() {
  const { client } = useApi();
  return useQuery({
    queryKey: ['admin', 'duplicate-settings'],
    queryFn: () => unwrap(client.GET('/api/v1/duplicates/settings')),
  });
}

export function useSaveDuplicateSettings() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: DuplicateSettings; body: Schemas['DuplicateSettingsInput'] }) =>
      unwrap(client.PUT('/api/v1/duplicates/settings', { params: { header: ifMatch(current.version) }, body })),
    onSuccess: (saved) => queryClient.setQueryData(['admin', 'duplicate-settings'], saved),
  });
}

export type Absence = Schemas['AbsenceView'];

export function useAbsences(userId: string | null) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['admin', 'absences', userId],
    enabled: Boolean(userId),
    queryFn: () => unwrap(client.GET('/api/v1/users/{id}/absences', { params: { path: { id: userId ?? '' } } })),
  });
}

export function useCreateAbsence(userId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['AbsenceRequest']) =>
      unwrap(client.POST('/api/v1/users/{id}/absences', { params: { path: { id: userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'absences', userId] }),
  });
}

export function useDeleteAbsence(userId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (absenceId: string) =>
      unwrap(
        client.DELETE('/api/v1/users/{id}/absences/{absenceId}', { params: { path: { id: userId, absenceId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'absences', userId] }),
  });
}

export type CustomField = Schemas['CustomFieldView'];

export function useCustomFields(recordType: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['admin', 'custom-fields', recordType],
    queryFn: () => unwrap(client.GET('/api/v1/custom-fields', { params: { query: { recordType } } })),
  });
}

export function useSaveCustomField() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      save:
        | { field: CustomField; change: Schemas['CustomFieldChange'] }
        | { field?: undefined; input: Schemas['CustomFieldInput'] },
    ) =>
      save.field
        ? unwrap(
            client.PATCH('/api/v1/custom-fields/{id}', {
              params: { path: { id: save.field.id ?? '' }, header: ifMatch(save.field.version) },
              body: save.change,
            }),
          )
        : unwrap(client.POST('/api/v1/custom-fields', { body: save.input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'custom-fields'] }),
  });
}

export function useArchiveCustomField() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (field: CustomField) =>
      unwrap(
        client.DELETE('/api/v1/custom-fields/{id}', {
          params: { path: { id: field.id ?? '' }, header: ifMatch(field.version) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'custom-fields'] }),
  });
}
