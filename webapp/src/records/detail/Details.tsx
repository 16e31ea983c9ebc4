import { ActionIcon, Alert, Autocomplete, Button, Card, Checkbox, Group, Modal, NativeSelect, NumberInput, Radio, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiError, describeError } from '../../api/problem';
import type { RecordBody } from '../../api/types';
import { timeIn, timeZones } from '../../common/format';
import type { FieldDef, Option } from '../config';
import { usePatchRecord, useRefetchDetail, type CustomField, type RecordDetail, type RecordType } from '../queries';
import { display, patchBody, sameValue, valueAt } from '../values';

export interface Conflict {
  /** The fields the user changed, by path, with their value. */
  mine: Record<string, unknown>;
  /** The record as it is now on the server. */
  theirs: RecordBody;
  etag: string | null;
}

/**
 * Saves a flat patch with `If-Match`; a 412 fetches the record again and becomes a conflict the person resolves
 * field by field (never a silent overwrite), retried with the fresh ETag.
 */
export function useRecordEditor(type: RecordType, id: string, detail: RecordDetail | undefined) {
  const patch = usePatchRecord(type, id);
  const refetch = useRefetchDetail(type, id);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function save(flat: Record<string, unknown>, etag = detail?.etag ?? null): Promise<void> {
    try {
      await patch.mutateAsync({ body: patchBody(flat), etag });
      setConflict(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const fresh = await refetch();
        setConflict({ mine: flat, theirs: fresh.body, etag: fresh.etag });
        return;
      }
      throw error;
    }
  }

  async function resolve(keep: Record<string, unknown>) {
    if (!conflict) return;
    if (Object.keys(keep).length === 0) {
      setConflict(null);
      return;
    }
    await save(keep, conflict.etag);
  }

  return { save, conflict, resolve, dismiss: () => setConflict(null), saving: patch.isPending };
}

export function ConflictDialog({
  conflict,
  labels,
  onResolve,
  onDismiss,
}: {
  conflict: Conflict | null;
  labels: Record<string, string>;
  onResolve: (keep: Record<string, unknown>) => Promise<void>;
  onDismiss: () => void;
}) {
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = conflict ? Object.keys(conflict.mine) : [];
  const complete = fields.every((f) => choice[f]);

  async function apply() {
    if (!conflict) return;
    setBusy(true);
    setError(null);
    try {
      await onResolve(Object.fromEntries(fields.filter((f) => choice[f] === 'mine').map((f) => [f, conflict.mine[f]])));
      setChoice({});
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={conflict !== null} onClose={onDismiss} title="Someone changed this record meanwhile" size="lg">
      {conflict && (
        <Stack gap="sm">
          <Text size="sm">Your change was not saved. Choose, for each field, which value to keep.</Text>
          <Table aria-label="Conflicting values" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Their value (saved now)</Table.Th>
                <Table.Th>Your value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td fw={600}>{labels[field] ?? field}</Table.Td>
                  <Table.Td colSpan={2}>
                    <Radio.Group
                      aria-label={`Value to keep for ${labels[field] ?? field}`}
                      value={choice[field] ?? null}
                      onChange={(v) => setChoice((c) => ({ ...c, [field]: v as 'mine' | 'theirs' }))}
                    >
                      <Group grow align="flex-start">
                        <Radio value="theirs" label={`Theirs: ${display(valueAt(conflict.theirs, field))}`} />
                        <Radio value="mine" label={`Yours: ${display(conflict.mine[field])}`} />
                      </Group>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {error !== null && (
            <Alert color="red" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <Group justify="space-between">
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => setChoice(Object.fromEntries(fields.map((f) => [f, 'theirs'])))}>
                Keep all theirs
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setChoice(Object.fromEntries(fields.map((f) => [f, 'mine'])))}>
                Keep all mine
              </Button>
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={onDismiss}>
                Discard my change
              </Button>
              <Button onClick={() => void apply()} disabled={!complete} loading={busy}>
                Save my choices
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Editor({ field, value, onChange, options }: { field: FieldDef; value: unknown; onChange: (v: unknown) => void; options?: Option[] }) {
  const common = { label: field.label, autoFocus: true, 'data-autofocus': true };
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' || typeof value === 'string' ? value : ''} onChange={(v) => onChange(v === '' ? null : v)} />;
    case 'boolean':
      return <Checkbox label={field.label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} autoFocus />;
    case 'select':
    case 'stage':
      return (
        <NativeSelect
          {...common}
          data={[{ value: '', label: '—' }, ...(options ?? field.options ?? [])]}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'timeZone':
      return (
        <Autocomplete
          {...common}
          description="An IANA name such as America/New_York: sequences send in working hours there"
          data={timeZones()}
          limit={20}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? null : v)}
        />
      );
    case 'textarea':
      return <Textarea {...common} autosize minRows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text'}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      );
  }
}

/** One field: its value, and on "Edit" an input saved with Enter (or Save) and left with Escape. */
export function EditableField({
  field,
  record,
  canEdit,
  onSave,
  options,
  shown,
}: {
  field: FieldDef;
  record: RecordBody;
  canEdit: boolean;
  onSave: (flat: Record<string, unknown>) => Promise<void>;
  options?: Option[];
  shown?: ReactNode;
}) {
  const current = valueAt(record, field.key);
  const [draft, setDraft] = useState<unknown>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = draft !== undefined;

  async function save() {
    if (sameValue(draft, current)) {
      setDraft(undefined);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave({ [field.key]: draft ?? null });
      setDraft(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors()[field.key] ?? describeError(e)) : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <Stack
        gap={4}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(undefined);
          // A picker that took the Enter (choosing an option) has prevented its default: that is no save yet.
          if (e.key === 'Enter' && field.kind !== 'textarea' && !e.defaultPrevented) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Editor field={field} value={draft} onChange={setDraft} options={options} />
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group gap={6}>
          <Button size="compact-sm" onClick={() => void save()} loading={busy}>
            Save
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setDraft(undefined)}>
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
          {field.label}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {shown ??
            (field.kind === 'select'
              ? (field.options?.find((o) => o.value === current)?.label ?? display(current))
              : field.kind === 'timeZone' && typeof current === 'string'
                ? `${current} · ${timeIn(new Date().toISOString(), current)} there now`
                : display(current))}
        </Text>
      </div>
      {canEdit && (
        <ActionIcon variant="subtle" size="sm" aria-label={`Edit ${field.label}`} onClick={() => setDraft(current ?? (field.kind === 'boolean' ? false : ''))}>
          ✎
        </ActionIcon>
      )}
    </Group>
  );
}

export function customFieldDef(definition: CustomField): FieldDef {
  const kind = definition.type === 'number' ? 'number' : definition.type === 'date' ? 'date' : definition.type === 'boolean' ? 'boolean' : definition.type === 'picklist' ? 'select' : 'text';
  return {
    key: `customFields.${definition.key}`,
    label: definition.label ?? definition.key ?? '',
    kind,
    options: (definition.options ?? []).map((o) => ({ value: o, label: o })),
  };
}

export function TagsField({ record, canEdit, onSave }: { record: RecordBody; canEdit: boolean; onSave: (flat: Record<string, unknown>) => Promise<void> }) {
  const tags = Array.isArray(record.tags) ? record.tags.map(String) : [];
  const [error, setError] = useState<string | null>(null);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        Tags
      </Title>
      <TagsInput
        aria-label="Tags"
        value={tags}
        readOnly={!canEdit}
        placeholder={canEdit ? 'Add a tag and press Enter' : undefined}
        onChange={(next) => {
          setError(null);
          onSave({ tags: next }).catch((e: unknown) => setError(describeError(e)));
        }}
      />
      {error && (
        <Text size="xs" c="red" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </Card>
  );
}
