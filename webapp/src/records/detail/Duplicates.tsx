import { Alert, Badge, Button, Card, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import type { RecordBody } from '../../api/types';
import { EmptyState, ErrorState, LoadingRows } from '../../common/states';
import type { FieldDef } from '../config';
import { useDuplicates, useMerge, useRecordDetail, type RecordType } from '../queries';
import { display, list, num, obj, sameValue, text, valueAt } from '../values';

interface Candidate {
  id: string;
  title: string;
  similarity: number;
  reasons: { reason: string; detail?: string }[];
}

/** The document types duplicate candidates like routing's; they are `{id, title, similarity, reasons}` (docs/api.md). */
function candidates(data: unknown): Candidate[] {
  return list(obj(data)?.items)
    .map((raw) => obj(raw))
    .filter((c) => c !== undefined && text(c.id) !== undefined)
    .map((c) => ({
      id: text(c?.id) as string,
      title: text(c?.title) ?? 'Untitled',
      similarity: num(c?.similarity) ?? 0,
      reasons: list(c?.reasons)
        .map((r) => obj(r))
        .map((r) => ({ reason: display(r?.reason), detail: text(r?.detail) })),
    }));
}

function MergeDialog({
  type,
  survivor,
  candidate,
  fields,
  onClose,
}: {
  type: RecordType;
  survivor: RecordBody;
  candidate: Candidate;
  fields: FieldDef[];
  onClose: () => void;
}) {
  const other = useRecordDetail(type, candidate.id);
  const merge = useMerge(type);
  const survivorId = String(survivor.id);
  const differing = other.data ? fields.filter((f) => !sameValue(valueAt(survivor, f.key), valueAt(other.data.body, f.key))) : [];
  const [choice, setChoice] = useState<Record<string, string>>({});
  const chosen = (key: string) => choice[key] ?? survivorId;

  function submit() {
    merge.mutate({
      survivorId,
      mergedIds: [candidate.id],
      fields: Object.fromEntries(differing.map((f) => [f.key, chosen(f.key)])),
    });
  }

  return (
    <Modal opened onClose={onClose} title={`Merge “${candidate.title}” into this record`} size="xl">
      {merge.isSuccess ? (
        <Stack gap="sm">
          <Alert color="green" role="status" title="Merged">
            {Object.entries(merge.data.moved ?? {})
              .map(([kind, n]) => `${n} ${kind}`)
              .join(', ') || 'Nothing else had to move'}{' '}
            moved to this record. The other record is deleted and can be restored within the restore window.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : other.isPending ? (
        <LoadingRows label="Loading the other record" rows={3} />
      ) : other.isError ? (
        <ErrorState error={other.error} title="Could not load the other record" />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            This record stays; “{candidate.title}” is merged into it. Its activities, notes, files and processes move here, and
            tags are combined. Choose which value survives where they differ.
          </Text>
          {differing.length === 0 ? (
            <Text size="sm" c="dimmed">
              The records hold the same values.
            </Text>
          ) : (
            <Table aria-label="Values to keep" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>This record</Table.Th>
                  <Table.Th>{candidate.title}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.map((f) => {
                  const pick = (v: string) => setChoice((c) => ({ ...c, [f.key]: v }));
                  const mine = display(valueAt(survivor, f.key));
                  const theirs = display(valueAt(other.data.body, f.key));
                  return (
                    <Table.Tr key={f.key}>
                      <Table.Td fw={600}>{f.label}</Table.Td>
                      <Table.Td>
                        <Radio name={`keep-${f.key}`} checked={chosen(f.key) === survivorId} onChange={() => pick(survivorId)} label={mine} aria-label={`${f.label}: keep ${mine} (this record)`} />
                      </Table.Td>
                      <Table.Td>
                        <Radio name={`keep-${f.key}`} checked={chosen(f.key) === candidate.id} onChange={() => pick(candidate.id)} label={theirs} aria-label={`${f.label}: take ${theirs}`} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {merge.isError && (
            <Alert color="red" role="alert" title="The merge did not happen">
              {describeError(merge.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="orange" onClick={submit} loading={merge.isPending}>
              Merge
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function Duplicates({ type, record, fields, canEdit }: { type: RecordType; record: RecordBody; fields: FieldDef[]; canEdit: boolean }) {
  const duplicates = useDuplicates(type, String(record.id));
  const [merging, setMerging] = useState<Candidate | null>(null);
  if (duplicates.isPending) return <LoadingRows label="Looking for duplicates" rows={2} />;
  if (duplicates.isError) return <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} title="Could not look for duplicates" />;
  const items = candidates(duplicates.data);
  if (items.length === 0) return <EmptyState title="No likely duplicates" />;
  return (
    <Stack gap="sm">
      {items.map((c) => (
        <Card key={c.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{c.title}</Text>
              <Group gap={4} mt={2}>
                {c.reasons.map((r, i) => (
                  <Badge key={i} variant="light" size="sm">
                    {r.reason.replace(/_/g, ' ')}
                    {r.detail ? `: ${r.detail}` : ''}
                  </Badge>
                ))}
              </Group>
            </div>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {Math.round(c.similarity * 100)} % alike
              </Text>
              {canEdit && (
                <Button size="xs" variant="light" onClick={() => setMerging(c)}>
                  Compare and merge
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      ))}
      {merging && <MergeDialog type={type} survivor={record} candidate={merging} fields={fields} onClose={() => setMerging(null)} />}
    </Stack>
  );
}
