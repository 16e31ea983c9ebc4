import { ActionIcon, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, describeError } from '../../api/problem';
import type { RecordBody, UserView } from '../../api/types';
import { isRecordType, recordPath, recordTitle, useRecord, type CustomField, type RecordType } from '../queries';
import { RecordPicker, type Picked } from '../RecordPicker';
import { text, valueAt } from '../values';

function LinkedRecord({ type, id }: { type: RecordType; id: string }) {
  // Cached under the same key the field reads the title from when its picker opens.
  const record = useRecord(type, id);
  if (record.isPending) return <Text size="sm">Loading…</Text>;
  if (record.isError) return <Text size="sm" c="dimmed">A record you cannot see</Text>;
  return (
    <Anchor component={Link} to={recordPath(type, id)} size="sm">
      {recordTitle(type, record.data)}
    </Anchor>
  );
}

/**
 * A lookup custom field: the record it points at, linked by its title (a user by name), and on "Edit" a picker
 * that searches records of the target type (users from the list, which needs users:read).
 */
export function LookupField({
  definition,
  record,
  canEdit,
  users,
  onSave,
}: {
  definition: CustomField;
  record: RecordBody;
  canEdit: boolean;
  users: UserView[] | undefined;
  onSave: (flat: Record<string, unknown>) => Promise<void>;
}) {
  const key = `customFields.${definition.key ?? ''}`;
  const label = definition.label ?? definition.key ?? '';
  const target = definition.lookupTarget ?? '';
  const current = text(valueAt(record, key));
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const linked = useRecord(isRecordType(target) ? target : undefined, current);
  const userName = (id: string) => users?.find((u) => u.id === id)?.displayName ?? 'A colleague';
  const editable = canEdit && (isRecordType(target) || (target === 'user' && users !== undefined));

  async function save(value: string | null) {
    setBusy(true);
    setError(null);
    try {
      await onSave({ [key]: value });
      setEditing(false);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors()[key] ?? describeError(e)) : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <Stack gap={4} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}>
        {isRecordType(target) ? (
          <RecordPicker type={target} label={label} current={picked} onChange={setPicked} autoFocus />
        ) : (
          <Select
            label={label}
            searchable
            clearable
            autoFocus
            data={(users ?? []).map((u) => ({ value: u.id ?? '', label: u.displayName ?? u.email ?? '' }))}
            value={picked?.id ?? null}
            onChange={(v) => setPicked(v ? { id: v, title: userName(v) } : null)}
          />
        )}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group gap={6}>
          <Button size="compact-sm" onClick={() => void save(picked?.id ?? null)} loading={busy}>
            Save
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {!current ? (
          <Text size="sm">—</Text>
        ) : isRecordType(target) ? (
          <LinkedRecord type={target} id={current} />
        ) : (
          <Text size="sm">{userName(current)}</Text>
        )}
      </div>
      {editable && (
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={`Edit ${label}`}
          onClick={() => {
            setPicked(
              current
                ? { id: current, title: isRecordType(target) ? (linked.data ? recordTitle(target, linked.data) : current) : userName(current) }
                : null,
            );
            setEditing(true);
          }}
        >
          ✎
        </ActionIcon>
      )}
    </Group>
  );
}
