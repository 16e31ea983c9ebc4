import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/SessionProvider';
import { appPath } from '../common/appPath';
import { formatDateTime, formatMoment } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ScoreBadge } from '../records/config';
import { recordPath, recordTitle } from '../records/queries';
import {
  HOT_LEADS,
  linkedRecord,
  meetingTime,
  MEETINGS,
  RECENT_ITEMS,
  useMyHotLeads,
  useRecentActivity,
  useUpcomingMeetings,
  type RecentItem,
} from './queries';

export const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** A dashboard card: a titled section, an optional link to the full page, and its content. */
export function DashCard({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** "Showing the first n": a card whose list has more than it shows. */
export function BoundedCaption({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" mt="xs">
      {children}
    </Text>
  );
}

const TYPE_COLOR: Record<string, string> = {
  call: 'blue',
  email: 'cyan',
  meeting: 'grape',
  task: 'orange',
  deadline: 'red',
  note: 'gray',
};

export function TypeBadge({ type }: { type: string }) {
  return (
    <Badge variant="light" color={TYPE_COLOR[type] ?? 'gray'} style={{ flexShrink: 0 }}>
      {type}
    </Badge>
  );
}

export function RecordLink({ record }: { record: RecentItem['record'] }) {
  if (!record) return <Text span size="xs" c="dimmed">No record</Text>;
  return (
    <Anchor component={Link} to={recordPath(record.type, record.id)} size="xs">
      {record.title}
    </Anchor>
  );
}

/** An activity's subject: a link to the page of this app where its work is, when it names one (`page`). */
export function ActivitySubject({ subject, page }: { subject: string; page: string | undefined }) {
  const to = appPath(page);
  if (!to) {
    return (
      <Text size="sm" truncate>
        {subject}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={to} size="sm" truncate style={{ minWidth: 0 }}>
      {subject}
    </Anchor>
  );
}

export function HotLeads() {
  const me = useMe();
  const leads = useMyHotLeads(me.id);
  const items = leads.data?.items ?? [];
  return (
    <DashCard
      id="dash-hot-leads"
      title="My hot leads"
      action={
        <Anchor component={Link} to="/leads" size="sm">
          All leads
        </Anchor>
      }
    >
      {leads.isPending ? (
        <LoadingRows rows={3} label="Loading hot leads" />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No hot leads">Open leads of yours that score hot show up here.</EmptyState>
      ) : (
        <>
          <Stack gap={6} component="ul" style={LIST_STYLE} aria-label="My hot leads, highest score first">
            {items.map((lead) => (
              <Group component="li" key={lead.id} justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={recordPath('lead', lead.id)} size="sm" truncate style={{ minWidth: 0 }}>
                  {recordTitle('lead', lead)}
                </Anchor>
                <ScoreBadge score={lead.score} band={lead.scoreBand} />
              </Group>
            ))}
          </Stack>
          {leads.data.nextCursor && <BoundedCaption>Your {HOT_LEADS} highest-scoring hot leads; there are more.</BoundedCaption>}
        </>
      )}
    </DashCard>
  );
}

export function RecentActivity() {
  const me = useMe();
  const recent = useRecentActivity(me.id);
  const items = recent.data ?? [];
  return (
    <DashCard id="dash-recent" title="Recent activity">
      {recent.isPending ? (
        <LoadingRows rows={4} label="Loading recent activity" />
      ) : recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing yet">Calls, meetings, emails and notes of yours show up here.</EmptyState>
      ) : (
        <>
          <Stack gap="xs" component="ul" style={LIST_STYLE} aria-label="Recent activities and notes">
            {items.map((item) => (
              <Group component="li" key={`${item.kind}-${item.id}`} wrap="nowrap" gap="xs" align="flex-start">
                <TypeBadge type={item.type} />
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <ActivitySubject subject={item.subject} page={item.page} />
                  <Group gap={6} wrap="wrap">
                    {(item.record || !item.page) && <RecordLink record={item.record} />}
                    {item.at && (
                      <Text component="time" dateTime={item.at} size="xs" c="dimmed">
                        {formatMoment(new Date(item.at))}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Group>
            ))}
          </Stack>
          <BoundedCaption>Your latest {RECENT_ITEMS} activities and notes.</BoundedCaption>
        </>
      )}
    </DashCard>
  );
}

export function UpcomingMeetings() {
  const me = useMe();
  const [now] = useState(() => new Date());
  const meetings = useUpcomingMeetings(me.id, now);
  const items = meetings.data?.items ?? [];
  return (
    <DashCard id="dash-meetings" title="Upcoming meetings">
      {meetings.isPending ? (
        <LoadingRows rows={3} label="Loading meetings" />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No meetings">You have no meetings in the next 7 days.</EmptyState>
      ) : (
        <>
          <Stack gap="xs" component="ul" style={LIST_STYLE} aria-label="Meetings in the next 7 days, soonest first">
            {items.map((m) => (
              <Stack component="li" key={m.id} gap={0}>
                <ActivitySubject subject={m.subject ?? 'Meeting'} page={m.page ?? undefined} />
                <Group gap={6} wrap="wrap">
                  <Text component="time" dateTime={meetingTime(m)} size="xs" fw={600}>
                    {formatDateTime(meetingTime(m))}
                  </Text>
                  <RecordLink record={linkedRecord(m)} />
                </Group>
              </Stack>
            ))}
          </Stack>
          {meetings.data.more && <BoundedCaption>The next {MEETINGS} meetings; there are more this week.</BoundedCaption>}
        </>
      )}
    </DashCard>
  );
}
