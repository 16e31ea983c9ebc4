import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useRecordEmails, type EmailView } from './queries';

const STATUS_COLOURS: Record<string, string> = {
  queued: 'gray',
  sent: 'green',
  failed: 'red',
  suppressed: 'orange',
  bounced: 'red',
  received: 'blue',
};

export function EmailStatus({ status }: { status?: string }) {
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOURS[status ?? ''] ?? 'gray'}>
      {status ?? 'unknown'}
    </Badge>
  );
}

/** Opens and clicks of a sent email, when it had any: "Opened 2× (last 6 Dec, 10:02) · Clicked 1×". */
export function EmailEngagement({ tracking }: { tracking?: EmailView['tracking'] }) {
  if (!tracking || (!tracking.opens && !tracking.clicks)) return null;
  const parts: string[] = [];
  if (tracking.opens) {
    parts.push(`Opened ${tracking.opens}×${tracking.lastOpenedAt ? ` (last ${new Date(tracking.lastOpenedAt).toLocaleString()})` : ''}`);
  }
  if (tracking.clicks) {
    parts.push(`Clicked ${tracking.clicks}×${tracking.lastClickedAt ? ` (last ${new Date(tracking.lastClickedAt).toLocaleString()})` : ''}`);
  }
  return (
    <Text size="xs" c="teal.9">
      {parts.join(' · ')}
    </Text>
  );
}

function size(bytes?: number) {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files sent with an email, by name and size: "Attached: Invoice 1001.pdf (12 KB)". */
export function EmailFiles({ files }: { files?: EmailView['attachments'] }) {
  if (!files || files.length === 0) return null;
  return (
    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
      Attached: {files.map((file) => `${file.filename} (${size(file.size)})`).join(', ')}
    </Text>
  );
}

/** A record's emails, newest first, with their delivery status, opens and clicks. */
export function RecordEmails({ type, id }: { type: string; id: string }) {
  const emails = useRecordEmails(type, id);
  if (emails.isPending) return <LoadingRows label="Loading the emails" />;
  if (emails.isError) return <ErrorState error={emails.error} onRetry={() => void emails.refetch()} title="Could not load the emails" />;
  const items: EmailView[] = emails.data.pages.flatMap((p) => p.items ?? []);
  if (items.length === 0) return <EmptyState title="No emails yet" />;
  return (
    <Stack gap="xs" aria-label="Emails">
      {items.map((email) => (
        <Card key={email.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {email.subject}
            </Text>
            <EmailStatus status={email.status} />
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {email.direction === 'inbound' ? `From ${email.fromAddress ?? ''}` : `To ${(email.to ?? []).join(', ')}`} ·{' '}
            {new Date(email.sentAt ?? email.createdAt ?? '').toLocaleString()}
          </Text>
          {email.direction === 'outbound' && <EmailEngagement tracking={email.tracking} />}
          <EmailFiles files={email.attachments} />
          {(email.status === 'failed' || email.status === 'bounced') && email.lastError && (
            <Text size="xs" c="red">
              {email.lastError}
            </Text>
          )}
          {email.text && (
            <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {email.text}
            </Text>
          )}
        </Card>
      ))}
      {emails.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void emails.fetchNextPage()} loading={emails.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
