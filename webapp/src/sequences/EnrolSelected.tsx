import { Alert, Button, Group, Modal, Stack, Table } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '../admin/common';
import type { RecordBody } from '../api/types';
import { SequencePicker } from './EnrolInSequence';
import { useEnrolRecords, type EnrolRecordType, type SequenceBulkEnrolment } from './queries';

/** Why a record was skipped, in words, for the reasons the server gives. */
const REASONS: Record<string, string> = {
  'already-enrolled': 'Already in this sequence',
  'in-another-sequence': 'In another sequence of the same mailbox',
  'no-consent': 'No consent',
  suppressed: 'On the suppression list',
  'opted-out': 'Texted STOP',
  'no-email-address': 'No email address',
  'no-phone': 'No phone number',
  'not-reachable': 'Not reachable',
  'not-found': 'Not found',
};

interface Props {
  type: EnrolRecordType;
  /** The records to enrol, fixed when the dialog opens; null: closed. */
  records: RecordBody[] | null;
  /** A title for a record, for the skipped list. */
  titleOf: (record: RecordBody) => string;
  /** The ids that were skipped, which stay selected. */
  onDone: (skippedIds: string[]) => void;
  onClose: () => void;
}

/**
 * "Enrol in sequence" for the rows selected on a leads or contacts list: pick a sequence, enrol, see who was skipped
 * and why. Kept mounted by the list, so its summary outlives the selection it changes.
 */
export function EnrolSelected({ type, records, titleOf, onDone, onClose }: Props) {
  return (
    <Modal opened={records !== null} onClose={onClose} title={`Enrol ${records?.length ?? 0} in a sequence`}>
      {records && <EnrolForm type={type} records={records} titleOf={titleOf} onDone={onDone} onClose={onClose} />}
    </Modal>
  );
}

function EnrolForm({
  type,
  records,
  titleOf,
  onDone,
  onClose,
}: {
  type: EnrolRecordType;
  records: RecordBody[];
  titleOf: (record: RecordBody) => string;
  onDone: (skippedIds: string[]) => void;
  onClose: () => void;
}) {
  const enrol = useEnrolRecords();
  const [sequenceId, setSequenceId] = useState<string | null>(null);
  const [report, setReport] = useState<SequenceBulkEnrolment | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!sequenceId) return;
    enrol.mutate(
      { sequenceId, recordType: type, recordIds: records.map((r) => String(r.id)) },
      {
        onSuccess: (result) => {
          setReport(result);
          onDone((result.skipped ?? []).map((s) => s.recordId ?? ''));
        },
      },
    );
  }

  if (report) {
    const skipped = report.skipped ?? [];
    const byId = new Map(records.map((r) => [String(r.id), r]));
    return (
      <Stack gap="sm">
        <Alert color={skipped.length ? 'orange' : 'green'} role="status" title={`Enrolled ${(report.enrolled ?? []).length}, skipped ${skipped.length}`}>
          {skipped.length ? 'The skipped ones stay selected.' : 'Every selected record was enrolled.'}
        </Alert>
        {skipped.length > 0 && (
          <Table aria-label="Skipped" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skipped.map((s) => {
                const record = byId.get(s.recordId ?? '');
                return (
                  <Table.Tr key={s.recordId}>
                    <Table.Td>{record ? titleOf(record) : s.recordId}</Table.Td>
                    <Table.Td title={s.reason}>{REASONS[s.type ?? ''] ?? s.reason}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={enrol.error} fields={[]} />
        <SequencePicker value={sequenceId} onChange={setSequenceId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={enrol.isPending}>
            Cancel
          </Button>
          <Button type="submit" disabled={!sequenceId} loading={enrol.isPending}>
            Enrol {records.length}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
