import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Me, RecordBody, Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { appPath } from '../common/appPath';
import { recordTitle, type RecordType } from '../records/queries';
import { POLL_MS } from '../tasks/queries';

/** How many open deals the pipeline chart looks at; more than this and the chart says so. */
export const DEAL_SAMPLE = 200;

export interface OpenDeals {
  deals: RecordBody[];
  /** There were more open deals than the sample. */
  partial: boolean;
}

/**
 * The caller's open deals, one bounded page: the engine has no pipeline summary endpoint yet, so the chart adds
 * them up here.
 */
export function useMyOpenDeals(ownerId: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['deals', 'open', ownerId],
    enabled: ownerId !== undefined,
    queryFn: async (): Promise<OpenDeals> => {
      const page = await unwrap(
        client.GET('/api/v1/deals', {
          querySerializer: () =>
            new URLSearchParams({
              ownerId: ownerId ?? '',
              status: 'open',
              fields: 'id,pipelineId,stageId,amount,currency',
              limit: String(DEAL_SAMPLE),
            }).toString(),
        }),
      );
      return { deals: page.items ?? [], partial: Boolean(page.nextCursor) };
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cards of the dashboard beyond the pipeline: each one bounded page of a record list (docs/api.md, list queries).

/** Lead statuses still being worked: neither unqualified nor converted. */
export const OPEN_LEAD_STATUSES = 'new,contacted,qualified';
export const HOT_LEADS = 5;
export const RECENT_ITEMS = 8;
export const MEETINGS = 10;
export const TEAM_HOT_LEADS = 10;
/** The team's open deals and tasks the team section adds up; more and it says so. */
export const TEAM_SAMPLE = 200;
const DAY = 24 * 3600_000;

type Page<T> = { items?: T[]; nextCursor?: string | null };
const LINKS = 'lead,contact,account,deal';

function list(client: ReturnType<typeof useApi>['client'], path: '/api/v1/leads' | '/api/v1/deals', query: Record<string, string>) {
  return unwrap(client.GET(path, { querySerializer: () => new URLSearchParams(query).toString() })) as Promise<Page<RecordBody>>;
}

/** My hot leads still open, highest score first (newest first among equals). */
export function useMyHotLeads(ownerId: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['leads', 'dashboard', 'hot', ownerId],
    enabled: ownerId !== undefined,
    queryFn: () =>
      list(client, '/api/v1/leads', {
        ownerId: ownerId ?? '',
        scoreBand: 'hot',
        'status[in]': OPEN_LEAD_STATUSES,
        sort: '-score,-createdAt',
        fields: 'id,firstName,lastName,company,score,scoreBand,status,createdAt',
        limit: String(HOT_LEADS),
      }),
  });
}

/** An activity; `page`, set on a task Salesflow raises about a queue, is the path in this app where the work is. */
export type Activity = Schemas['Activity'];
export type Note = Schemas['Note'];

/** One line of recent activity: an activity or a note, with the record it is about. */
export interface RecentItem {
  kind: 'activity' | 'note';
  id: string;
  type: string;
  subject: string;
  at: string | undefined;
  record: { type: RecordType; id: string; title: string } | undefined;
  /** Where in this app the work is (a task about a queue rather than a record); a safe path or undefined. */
  page?: string;
}

type Linked = Pick<Activity, 'lead' | 'contact' | 'account' | 'deal' | 'leadId' | 'contactId' | 'accountId' | 'dealId'>;

/** The record an activity or note is about: the deal first, then the lead, contact or account. */
export function linkedRecord(item: Linked): RecentItem['record'] {
  const order: [RecordType, string | null | undefined, object | null | undefined][] = [
    ['deal', item.dealId, item.deal],
    ['lead', item.leadId, item.lead],
    ['contact', item.contactId, item.contact],
    ['account', item.accountId, item.account],
  ];
  for (const [type, id, embedded] of order) {
    if (!id) continue;
    const title = embedded ? recordTitle(type, { id, ...(embedded as object) } as RecordBody) : `A ${type}`;
    return { type, id, title };
  }
  return undefined;
}

function firstLine(text: string | null | undefined): string {
  const line = (text ?? '').trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Note';
}

/**
 * The latest activities and notes I own, newest change first: one small page of each, merged. (The API filters
 * activities by their owner, not by the owner of the record they are about.)
 */
export function useRecentActivity(ownerId: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['activities', 'dashboard', 'recent', ownerId],
    enabled: ownerId !== undefined,
    queryFn: async (): Promise<RecentItem[]> => {
      const query = new URLSearchParams({ ownerId: ownerId ?? '', sort: '-updatedAt', embed: LINKS, limit: String(RECENT_ITEMS) });
      const [activities, notes] = await Promise.all([
        unwrap(client.GET('/api/v1/activities', { querySerializer: () => query.toString() })) as Promise<Page<Activity>>,
        unwrap(client.GET('/api/v1/notes', { querySerializer: () => query.toString() })) as Promise<Page<Note>>,
      ]);
      const items: RecentItem[] = [
        ...(activities.items ?? []).map((a) => ({
          kind: 'activity' as const,
          id: a.id,
          type: a.type ?? 'activity',
          subject: a.subject ?? 'Untitled',
          at: a.updatedAt ?? a.createdAt ?? undefined,
          record: linkedRecord(a),
          page: appPath(a.page),
        })),
        ...(notes.items ?? []).map((n) => ({
          kind: 'note' as const,
          id: n.id,
          type: 'note',
          subject: firstLine(n.body),
          at: n.updatedAt ?? n.createdAt ?? undefined,
          record: linkedRecord(n),
        })),
      ];
      items.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
      return items.slice(0, RECENT_ITEMS);
    },
  });
}

/** The activity types that are something to do, rather than a record of something done or a meeting. */
export const TO_DO_TYPES = 'task,call,deadline';
/** How many of my open to-dos the card counts (one page); more and the count says "+". */
export const TO_DO_SAMPLE = 50;

/**
 * My open to-dos (tasks, calls and deadlines, pending or overdue), most urgent first, then soonest due: those
 * people set themselves and those Salesflow raises (such as the task about the leads routing could not place, which
 * names its page rather than a record). Polled like my open tasks, since Salesflow raises them by itself.
 */
const toDosKey = (ownerId: string | undefined) => ['activities', 'dashboard', 'todos', ownerId] as const;

export function useMyToDos(ownerId: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: toDosKey(ownerId),
    enabled: ownerId !== undefined,
    queryFn: () =>
      unwrap(
        client.GET('/api/v1/activities', {
          querySerializer: () =>
            new URLSearchParams({
              ownerId: ownerId ?? '',
              'type[in]': TO_DO_TYPES,
              'status[in]': 'pending,overdue',
              sort: '-priorityRank,dueAt',
              embed: LINKS,
              limit: String(TO_DO_SAMPLE),
            }).toString(),
        }),
      ) as Promise<Page<Activity>>,
    refetchInterval: POLL_MS,
  });
}

/**
 * Marks one of my to-dos done: PATCH `status: completed` with `If-Match`, its version (a 412 says someone changed it
 * meanwhile). Whatever the answer, my to-dos are read again before the mutation settles, so the row leaves (or shows
 * as it is now) before its button can be pressed again.
 */
export function useCompleteToDo(ownerId: string | undefined) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: Activity) =>
      unwrap(
        client.PATCH('/api/v1/activities/{id}', {
          params: {
            path: { id: activity.id },
            header: typeof activity.version === 'number' ? { 'If-Match': `"${activity.version}"` } : undefined,
          },
          body: { status: 'completed' },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: toDosKey(ownerId) }),
  });
}

/** When a meeting is: its start, or its due time when it has no start. */
export function meetingTime(m: Activity): string | undefined {
  return m.startAt ?? m.dueAt ?? undefined;
}

/**
 * My meetings in the next 7 days (not cancelled), soonest first: those starting then, and those without a start
 * due then; one small page of each, merged.
 */
export function useUpcomingMeetings(ownerId: string | undefined, now: Date) {
  const { client } = useApi();
  const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const to = new Date(Date.parse(from) + 7 * DAY).toISOString();
  return useQuery({
    queryKey: ['activities', 'dashboard', 'meetings', ownerId, from],
    enabled: ownerId !== undefined,
    queryFn: async (): Promise<{ items: Activity[]; more: boolean }> => {
      const page = (window: Record<string, string>) =>
        unwrap(
          client.GET('/api/v1/activities', {
            querySerializer: () =>
              new URLSearchParams({
                ownerId: ownerId ?? '',
                type: 'meeting',
                'status[ne]': 'cancelled',
                ...window,
                embed: LINKS,
                limit: String(MEETINGS),
              }).toString(),
          }),
        ) as Promise<Page<Activity>>;
      const [started, due] = await Promise.all([
        page({ 'startAt[gte]': from, 'startAt[lt]': to, sort: 'startAt' }),
        page({ 'startAt[isNull]': 'true', 'dueAt[gte]': from, 'dueAt[lt]': to, sort: 'dueAt' }),
      ]);
      const items = [...(started.items ?? []), ...(due.items ?? [])];
      items.sort((a, b) => (meetingTime(a) ?? '').localeCompare(meetingTime(b) ?? ''));
      return {
        items: items.slice(0, MEETINGS),
        more: Boolean(started.nextCursor || due.nextCursor) || items.length > MEETINGS,
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The team section, for a manager: records owned by the members of the teams I lead or am in (`ownerId[in]`, from
// GET /api/v1/teams, which needs users:read; without it, records assigned to my teams, `teamId[in]`), and tasks of
// the engine's team view (assigned to members of the teams I manage or am in).

/** Whether the dashboard shows the team: a user who works with team scope, such as a manager. */
export function seesTeam(me: Me): boolean {
  const scopes = me.scopes ?? {};
  return ['tasks:work', 'deals:write', 'leads:write'].some((p) => scopes[p] === 'TEAM');
}

export interface MyTeams {
  names: string[];
  /** Members of those teams other than me; undefined when the teams' members cannot be read. */
  memberIds: string[] | undefined;
  teamIds: string[];
}

/** The teams I manage or belong to, with their members when I may read teams (users:read). */
export function useMyTeams(me: Me, canReadTeams: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['teams', 'dashboard', me.id, canReadTeams],
    queryFn: async (): Promise<MyTeams> => {
      const mine = new Set((me.teams ?? []).map((t) => t.id));
      if (!canReadTeams) {
        return { names: (me.teams ?? []).map((t) => t.name ?? ''), memberIds: undefined, teamIds: [...mine] as string[] };
      }
      const teams = (await unwrap(client.GET('/api/v1/teams'))).filter((t) => t.managerId === me.id || mine.has(t.id));
      const members = new Set(teams.flatMap((t) => t.memberIds ?? []));
      members.delete(me.id ?? '');
      return {
        names: teams.map((t) => t.name ?? ''),
        memberIds: [...members].sort(),
        teamIds: teams.map((t) => t.id ?? ''),
      };
    },
  });
}

/** The list filter for the team's records: its members' records, or failing that the records assigned to it. */
export function teamFilter(teams: MyTeams): Record<string, string> {
  return teams.memberIds ? { 'ownerId[in]': teams.memberIds.join(',') } : { 'teamId[in]': teams.teamIds.join(',') };
}

/** Whether the filter can find anything: a team with members (or, without them, at least one team). */
export function hasTeam(teams: MyTeams): boolean {
  return teams.memberIds ? teams.memberIds.length > 0 : teams.teamIds.length > 0;
}

export interface TeamDeals {
  deals: RecordBody[];
  partial: boolean;
}

/** My teams' open deals with their owners, one bounded page. */
export function useTeamOpenDeals(teams: MyTeams) {
  const { client } = useApi();
  const filter = teamFilter(teams);
  return useQuery({
    queryKey: ['deals', 'open', 'team', filter],
    queryFn: async (): Promise<TeamDeals> => {
      const page = await list(client, '/api/v1/deals', {
        ...filter,
        status: 'open',
        embed: 'owner',
        limit: String(TEAM_SAMPLE),
      });
      return { deals: page.items ?? [], partial: Boolean(page.nextCursor) };
    },
  });
}

/** Hot leads of my teams nobody has contacted yet (status new), highest score first. */
export function useTeamHotNewLeads(teams: MyTeams) {
  const { client } = useApi();
  const filter = teamFilter(teams);
  return useQuery({
    queryKey: ['leads', 'dashboard', 'team-hot-new', filter],
    queryFn: () =>
      list(client, '/api/v1/leads', {
        ...filter,
        scoreBand: 'hot',
        status: 'new',
        sort: '-score,-createdAt',
        embed: 'owner',
        limit: String(TEAM_HOT_LEADS),
      }),
  });
}

/** Open tasks of my team's members (the engine's `view=team`), one bounded page. */
export function useTeamTasks() {
  const { client } = useApi();
  return useQuery({
    queryKey: ['tasks', 'dashboard', 'team'],
    queryFn: () => unwrap(client.GET('/api/v1/tasks', { params: { query: { view: 'team', limit: TEAM_SAMPLE } } })),
  });
}
