import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { ifMatch } from '../admin/queries';

export type Condition = Schemas['Condition'];
export type EngagementCondition = Schemas['EngagementCondition'];
export type ScoringRule = Schemas['ScoringRule'];
export type ScoringSummary = Schemas['Summary'];
export type ScoringDetail = Schemas['Detail'];
export type ScoringPreview = Schemas['Preview'];
export type RoutingRule = Schemas['RoutingRule'];
export type RoutingVersion = Schemas['RuleSetView'];
export type RoutingPreview = Schemas['RoutingPreview'];
export type Team = Schemas['TeamView'];

/** A rule set as the scoring API takes it, for a draft, a change or a preview. */
export interface ScoringDraft {
  name: string;
  thresholds: { hot: number; warm: number };
  rules: ScoringRule[];
}

/** A rule set as the routing API takes it. */
export interface RoutingDraft {
  unassignedQueue: string;
  rules: RoutingRule[];
}

/** One reason a rule set does not compile, as the 422 problem lists them. */
export interface RuleProblem {
  rule?: string | null;
  line?: number | null;
  message?: string;
}

/** What the preview's explanation holds (the API types it as a plain map). */
export interface ScoreExplanation {
  rawTotal?: number;
  clamped?: boolean;
  fired?: { rule: string; type?: string | null; points: number }[];
}

export const ruleKeys = {
  scoring: ['rules', 'scoring'] as const,
  scoringSet: (id: string) => ['rules', 'scoring', id] as const,
  routing: ['rules', 'routing'] as const,
  teams: ['rules', 'teams'] as const,
};

export function useScoringVersions() {
  const { client } = useApi();
  return useQuery({ queryKey: ruleKeys.scoring, queryFn: () => unwrap(client.GET('/api/v1/scoring/rule-sets')) });
}

export function useScoringVersion(id: string | null) {
  const { client } = useApi();
  return useQuery({
    enabled: id !== null,
    queryKey: ruleKeys.scoringSet(id ?? ''),
    queryFn: () => unwrap(client.GET('/api/v1/scoring/rule-sets/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useCreateScoringDraft() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ScoringDraft) =>
      unwrap(client.POST('/api/v1/scoring/rule-sets', { body: { ...draft, kind: 'data' } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.scoring }),
  });
}

export function useSaveScoringDraft() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, draft }: { id: string; revision: number; draft: ScoringDraft }) =>
      unwrap(
        client.PATCH('/api/v1/scoring/rule-sets/{id}', {
          params: { path: { id }, header: ifMatch(revision) },
          body: draft,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(ruleKeys.scoringSet(saved.id ?? ''), saved);
      // The list's revision is what an activation sends as If-Match: keep it current before the refetch lands.
      queryClient.setQueryData<ScoringSummary[]>(ruleKeys.scoring, (list) =>
        list?.map((s) => (s.id === saved.id ? { ...s, name: saved.name, revision: saved.revision, ruleCount: saved.ruleCount } : s)),
      );
      return queryClient.invalidateQueries({ queryKey: ruleKeys.scoring, exact: true });
    },
  });
}

export function useValidateScoring() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(client.POST('/api/v1/scoring/rule-sets/{id}/validate', { params: { path: { id } } })),
  });
}

export function useActivateScoring() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision?: number }) =>
      unwrap(
        client.POST('/api/v1/scoring/rule-sets/{id}/activate', {
          params: { path: { id }, header: ifMatch(revision) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.scoring }),
  });
}

export function useRollbackScoring() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activeId: string) =>
      unwrap(client.POST('/api/v1/scoring/rule-sets/{id}/rollback', { params: { path: { id: activeId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.scoring }),
  });
}

export function usePreviewScoring() {
  const { client } = useApi();
  return useMutation({
    mutationFn: ({ leadId, draft }: { leadId: string; draft: ScoringDraft }) =>
      unwrap(client.POST('/api/v1/scoring/preview', { body: { leadId, ruleSet: { ...draft, kind: 'data' } } })),
  });
}

export function useRoutingVersions() {
  const { client } = useApi();
  return useQuery({ queryKey: ruleKeys.routing, queryFn: () => unwrap(client.GET('/api/v1/routing/rule-sets')) });
}

/** The workspace's teams, for naming a rule's target; only asked of someone who may read users and teams. */
export function useRuleTeams(enabled: boolean) {
  const { client } = useApi();
  return useQuery({ enabled, queryKey: ruleKeys.teams, queryFn: () => unwrap(client.GET('/api/v1/teams')) });
}

export function useCreateRoutingDraft() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: RoutingDraft) => unwrap(client.POST('/api/v1/routing/rule-sets', { body: draft })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.routing }),
  });
}

export function useSaveRoutingDraft() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, draft }: { id: string; version: number; draft: RoutingDraft }) =>
      unwrap(
        client.PUT('/api/v1/routing/rule-sets/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: draft,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.routing }),
  });
}

export function useValidateRouting() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (draft: RoutingDraft) => unwrap(client.POST('/api/v1/routing/rule-sets/validate', { body: draft })),
  });
}

export function useActivateRouting() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version?: number }) =>
      unwrap(
        client.POST('/api/v1/routing/rule-sets/{id}/activate', {
          params: { path: { id }, header: ifMatch(version) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.routing }),
  });
}

export function useRollbackRouting() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/routing/rule-sets/rollback')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.routing }),
  });
}

export function usePreviewRouting() {
  const { client } = useApi();
  return useMutation({
    mutationFn: ({ leadId, draft }: { leadId: string; draft: RoutingDraft }) =>
      unwrap(client.POST('/api/v1/routing/preview', { body: { leadId, ruleSet: draft as never } })),
  });
}
