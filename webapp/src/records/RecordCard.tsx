import { Anchor, Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../common/states';
import { RECORD_TYPES, recordOwner, recordPath, recordStatus, recordTitle, useRecord, type RecordType } from './queries';

/** The CRM record some work is about: its name, status and owner, with a link to its page. */
export function RecordCard({ type, id }: { type: RecordType; id: string }) {
  const record = useRecord(type, id);
  const label = RECORD_TYPES.find((t) => t.value === type)?.label ?? type;

  return (
    <Card withBorder padding="md" component="section" aria-label={`The ${label.toLowerCase()} this task is about`}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      {record.isPending ? (
        <Stack gap="xs" mt="xs" aria-busy="true">
          <Skeleton height={20} width="70%" />
          <Skeleton height={14} width="40%" />
        </Stack>
      ) : record.isError ? (
        <ErrorState error={record.error} title={`Could not load the ${label.toLowerCase()}`} />
      ) : (
        <Stack gap={6} mt={4}>
          <Anchor component={Link} to={recordPath(type, id)} fw={650} size="lg">
            {recordTitle(type, record.data)}
          </Anchor>
          <Group gap="xs">
            {recordStatus(record.data) && (
              <Badge variant="light" aria-label={`Status ${recordStatus(record.data)}`}>
                {recordStatus(record.data)}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            <Text span c="dimmed">
              Owner:{' '}
            </Text>
            {recordOwner(record.data) ?? 'Nobody'}
          </Text>
          {typeof record.data.email === 'string' && (
            <Text size="sm">
              <Text span c="dimmed">
                Email:{' '}
              </Text>
              {record.data.email}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
