import { Anchor, Badge, Button, Card, FileButton, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeError } from '../../api/problem';
import type { RecordBody } from '../../api/types';
import { appPath } from '../../common/appPath';
import { formatDateTime, formatMoney } from '../../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../../common/states';
import { ScoreBadge } from '../config';
import {
  recordPath,
  recordTitle,
  useAssignments,
  useAttachments,
  useDealContacts,
  useDownloadAttachment,
  useLeadScore,
  useRecord,
  useRecordProcesses,
  useRelatedRecords,
  useScoreHistory,
  useTimeline,
  useUploadAttachment,
  type RecordType,
} from '../queries';
import { display, list, num, obj, text } from '../values';

function MoreButton({ q }: { q: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!q.hasNextPage) return null;
  return (
    <Button variant="default" size="xs" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
      Show more
    </Button>
  );
}

export function Timeline({ type, id }: { type: RecordType; id: string }) {
  const timeline = useTimeline(type, id);
  if (timeline.isPending) return <LoadingRows label="Loading the timeline" />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} title="Could not load the timeline" />;
  const entries = timeline.data.pages.flatMap((p) => p.items ?? []);
  if (entries.length === 0) return <EmptyState title="Nothing has happened yet" />;
  return (
    <Stack gap="xs">
      <List spacing="sm" listStyleType="none" aria-label="Timeline">
        {entries.map((entry) => {
          const kind = text(entry.kind);
          const at = formatDateTime(text(entry.at));
          // A task about work elsewhere in the app names its page there.
          const page = kind === 'activity' ? appPath(entry.page) : undefined;
          return (
            <List.Item key={`${kind}-${String(entry.id)}`}>
              <Text size="xs" c="dimmed">
                {at} · {kind === 'change' ? (text(entry.actorName) ?? 'System') : (text(obj(entry.owner)?.displayName) ?? '')}
              </Text>
              {kind === 'activity' && (
                <Text size="sm">
                  <Badge size="xs" variant="light" mr={6}>
                    {display(entry.type)}
                  </Badge>
                  {page ? (
                    <Anchor component={Link} to={page} inherit>
                      {display(entry.subject)}
                    </Anchor>
                  ) : (
                    display(entry.subject)
                  )}{' '}
                  · {display(entry.status)}
                  {text(entry.outcome) ? ` · ${text(entry.outcome)}` : ''}
                </Text>
              )}
              {kind === 'email' && (
                <Text size="sm">
                  <Badge size="xs" variant="light" mr={6}>
                    email · {display(entry.status)}
                  </Badge>
                  {display(entry.subject)}
                </Text>
              )}
              {kind === 'note' && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                  {entry.pinned === true ? '📌 ' : ''}
                  {display(entry.body)}
                </Text>
              )}
              {kind === 'text_message' && (
                <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                  <Badge size="xs" variant="light" mr={6}>
                    {text(entry.channel) === 'whatsapp' ? 'WhatsApp' : 'SMS'} {text(entry.direction) === 'inbound' ? 'received' : `· ${display(entry.status)}`}
                  </Badge>
                  {text(entry.body) ?? (text(entry.contentSid) ? `Template ${text(entry.contentSid)}` : '')}
                  {text(entry.errorMessage) ? ` · ${text(entry.errorMessage)}` : ''}
                </Text>
              )}
              {kind === 'change' && (
                <Text size="sm">
                  {display(entry.action)}:{' '}
                  {list(entry.changes)
                    .map((c) => obj(c))
                    .map((c) => `${display(c?.field)} ${display(c?.before)} → ${display(c?.after)}`)
                    .join('; ')}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
      <MoreButton q={timeline} />
    </Stack>
  );
}

function sizeOf(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachments({ type, id, canEdit }: { type: RecordType; id: string; canEdit: boolean }) {
  const files = useAttachments(type, id);
  const upload = useUploadAttachment(type, id);
  const downloadFile = useDownloadAttachment();
  const items = files.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="sm">
      {canEdit && (
        <Group>
          <FileButton onChange={(f) => f && upload.mutate(f)}>
            {(props) => (
              <Button {...props} size="sm" variant="light" loading={upload.isPending}>
                Upload a file
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            PDF, images, text, CSV, Office documents, .eml; up to 10 MB.
          </Text>
        </Group>
      )}
      {upload.isError && <ErrorState error={upload.error} title="The upload failed" />}
      {downloadFile.isError && <ErrorState error={downloadFile.error} title="The download failed" />}
      {files.isPending ? (
        <LoadingRows label="Loading the files" rows={2} />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} title="Could not load the files" />
      ) : items.length === 0 ? (
        <EmptyState title="No files yet" />
      ) : (
        <Table aria-label="Files" verticalSpacing={6}>
          <Table.Tbody>
            {items.map((file) => (
              <Table.Tr key={file.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => downloadFile.mutate(file)} size="sm">
                    {file.filename}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {sizeOf(file.size)} · {formatDateTime(file.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MoreButton q={files} />
    </Stack>
  );
}

export function Processes({ type, id }: { type: RecordType; id: string }) {
  const processes = useRecordProcesses(type, id);
  if (processes.isPending) return <LoadingRows label="Loading the processes" rows={2} />;
  if (processes.isError) return <ErrorState error={processes.error} onRetry={() => void processes.refetch()} title="Could not load the processes" />;
  if (processes.data.length === 0) return <EmptyState title="No process has run on this record" />;
  return (
    <Stack gap="sm">
      {processes.data.map((p) => (
        <Card key={p.id} withBorder padding="sm">
          <Group justify="space-between">
            <Text fw={600}>
              {p.processName ?? p.processKey} <Text span c="dimmed" size="xs">v{p.version}</Text>
            </Text>
            <Badge variant="light" color={p.state === 'running' ? 'blue' : p.state === 'completed' ? 'green' : 'gray'}>
              {p.state}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Started {formatDateTime(p.startedAt)}
            {p.endedAt ? ` · ended ${formatDateTime(p.endedAt)}` : ''}
          </Text>
          {(p.currentActivities ?? []).length > 0 && (
            <Text size="sm">Now at: {(p.currentActivities ?? []).map((a) => a.name ?? a.id).join(', ')}</Text>
          )}
          {(p.openTasks ?? []).map((task) => (
            <Text size="sm" key={task.id}>
              Open task:{' '}
              <Anchor component={Link} to={`/tasks/${task.id}`}>
                {task.name}
              </Anchor>
              {task.due ? ` · due ${formatDateTime(task.due)}` : ''}
            </Text>
          ))}
          {(p.incidents ?? []).map((incident) => (
            <Text size="sm" c="red" key={incident.id} role="note">
              Incident at {incident.activityId}: {incident.message ?? incident.type}
            </Text>
          ))}
        </Card>
      ))}
    </Stack>
  );
}

interface Fired {
  rule: string;
  type?: string;
  points: number;
}

function firedRules(explanation: unknown): Fired[] {
  return list(obj(explanation)?.fired)
    .map((f) => obj(f))
    .filter((f) => f !== undefined)
    .map((f) => ({ rule: display(f.rule), type: text(f.type), points: num(f.points) ?? 0 }));
}

export function LeadScorePanel({ id }: { id: string }) {
  const score = useLeadScore(id, true);
  const history = useScoreHistory(id);
  if (score.isPending) return <LoadingRows label="Loading the score" rows={2} />;
  if (score.isError) return <ErrorState error={score.error} onRetry={() => void score.refetch()} title="Could not load the score" />;
  const explanation = obj(score.data.explanation);
  const fired = firedRules(explanation);
  const thresholds = obj(explanation?.thresholds);
  // The document names the history's items after field changes; they are score changes (docs/api.md).
  const changes = (history.data?.pages.flatMap((p) => p.items ?? []) ?? []).map((c) => c as unknown as Record<string, unknown>);
  return (
    <Stack gap="sm">
      <Group>
        <ScoreBadge score={score.data.score} band={score.data.band} />
        <Text size="sm" c="dimmed">
          {score.data.scoredAt ? `Scored ${formatDateTime(score.data.scoredAt)} by rule set v${score.data.ruleSetVersion}` : 'Not scored yet'}
          {thresholds ? ` · hot from ${display(thresholds.hot)}, warm from ${display(thresholds.warm)}` : ''}
          {explanation?.clamped === true ? ` · raw total ${display(explanation.rawTotal)}, kept within 0–100` : ''}
        </Text>
      </Group>
      {fired.length > 0 && (
        <Table aria-label="Why this score" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th ta="right">Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fired.map((f, i) => (
              <Table.Tr key={`${f.rule}-${i}`}>
                <Table.Td>{f.rule}</Table.Td>
                <Table.Td>{f.type?.toLowerCase() ?? '—'}</Table.Td>
                <Table.Td ta="right">{f.points > 0 ? `+${f.points}` : f.points}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h6">
        History
      </Title>
      {history.isError ? (
        <ErrorState error={history.error} title="Could not load the score history" />
      ) : changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No changes yet.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Score history">
          {changes.map((c, i) => (
            <List.Item key={i}>
              {formatDateTime(text(c.at))}: {display(c.previousScore)} → {display(c.newScore)} ({display(c.newBand)}) · {display(c.reason)}
            </List.Item>
          ))}
        </List>
      )}
      {history.data && <MoreButton q={history} />}
    </Stack>
  );
}

export function AssignmentPanel({ id, names }: { id: string; names: (userId: string | undefined) => string }) {
  const assignments = useAssignments(id);
  if (assignments.isPending) return <LoadingRows label="Loading the assignments" rows={2} />;
  if (assignments.isError) return <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} title="Could not load the assignments" />;
  const items = assignments.data.items ?? [];
  if (items.length === 0) return <EmptyState title="Never assigned by routing or by hand" />;
  return (
    <Stack gap="sm">
      {items.map((a) => (
        <Card key={a.id} withBorder padding="sm">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {a.kind === 'unassigned' ? 'Left unassigned' : `To ${names(a.ownerId)}`}
              {a.previousOwnerId ? ` (from ${names(a.previousOwnerId)})` : ''}
            </Text>
            <Badge variant="light">{a.kind}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(a.at)}
            {a.assignedBy ? ` · by ${names(a.assignedBy)}` : ''}
            {a.rule ? ` · rule “${a.rule}” of v${a.ruleSetVersion}` : ''}
          </Text>
          <Text size="sm">{a.reason}</Text>
          {a.why && <Text size="sm">Why: {a.why}</Text>}
          {(a.candidates ?? []).length > 0 && (
            <Table.ScrollContainer minWidth={420}>
              <Table aria-label="Who routing considered" verticalSpacing={2} mt={4}>
                <Table.Tbody>
                  {(a.candidates ?? []).map((c) => (
                    <Table.Tr key={c.userId}>
                      <Table.Td>{names(c.userId)}</Table.Td>
                      <Table.Td>{c.verdict?.replace('_', ' ')}</Table.Td>
                      <Table.Td>{c.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function RecordLink({ type, id }: { type: RecordType; id: string }) {
  const record = useRecord(type, id);
  return (
    <Anchor component={Link} to={recordPath(type, id)} size="sm">
      {record.data ? recordTitle(type, record.data) : record.isError ? `${type} (not visible)` : '…'}
    </Anchor>
  );
}

function RelatedList({ type, search, label }: { type: RecordType; search: string; label: string }) {
  const related = useRelatedRecords(type, search);
  const items = related.data?.items ?? [];
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {related.isPending ? (
        <Text size="sm">…</Text>
      ) : related.isError ? (
        <Text size="sm" c="red">
          {describeError(related.error)}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm">None</Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((r) => (
            <List.Item key={String(r.id)}>
              <Anchor component={Link} to={recordPath(type, String(r.id))}>
                {recordTitle(type, r)}
              </Anchor>
              {type === 'deal' && ` · ${formatMoney(num(r.amount), text(r.currency))} · ${display(r.status)}`}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** account ↔ contacts ↔ deals, and what a lead was converted into. */
export function Related({ type, record }: { type: RecordType; record: RecordBody }) {
  const id = String(record.id);
  const dealContacts = useDealContacts(id, type === 'deal');
  const accountId = text(record.accountId);
  const links: { label: string; type: RecordType; id: string | undefined }[] =
    type === 'lead'
      ? [
          { label: 'Converted to contact', type: 'contact', id: text(record.convertedContactId) },
          { label: 'Converted to account', type: 'account', id: text(record.convertedAccountId) },
          { label: 'Converted to deal', type: 'deal', id: text(record.convertedDealId) },
        ]
      : type === 'account'
        ? [{ label: 'Parent account', type: 'account', id: text(record.parentId) }]
        : [{ label: 'Account', type: 'account', id: accountId }];
  const shown = links.filter((l) => l.id);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        Related
      </Title>
      <Stack gap="xs">
        {type === 'lead' && shown.length === 0 && <Text size="sm" c="dimmed">Not converted yet.</Text>}
        {shown.map((l) => (
          <div key={l.label}>
            <Text size="xs" c="dimmed">
              {l.label}
            </Text>
            <RecordLink type={l.type} id={l.id as string} />
          </div>
        ))}
        {type === 'account' && (
          <>
            <RelatedList type="contact" label="Contacts" search={`accountId=${id}&limit=20&sort=lastName&fields=firstName,lastName,email`} />
            <RelatedList type="deal" label="Deals" search={`accountId=${id}&limit=20&sort=-createdAt&fields=name,amount,currency,status`} />
          </>
        )}
        {type === 'contact' && accountId && (
          <RelatedList type="deal" label="Deals of the account" search={`accountId=${accountId}&limit=20&sort=-createdAt&fields=name,amount,currency,status`} />
        )}
        {type === 'deal' && (
          <div>
            <Text size="xs" c="dimmed">
              Contacts
            </Text>
            {dealContacts.isError ? (
              <Text size="sm" c="red">{describeError(dealContacts.error)}</Text>
            ) : (dealContacts.data ?? []).length === 0 ? (
              <Text size="sm">{dealContacts.isPending ? '…' : 'None'}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {(dealContacts.data ?? []).map((c) => (
                  <List.Item key={c.contactId}>
                    <Anchor component={Link} to={recordPath('contact', c.contactId ?? '')}>
                      {[c.firstName, c.lastName].filter(Boolean).join(' ') || c.email}
                    </Anchor>
                    {c.role ? ` · ${c.role}` : ''}
                    {c.primary ? ' · primary' : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Card>
  );
}
