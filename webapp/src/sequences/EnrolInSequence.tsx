import { Button, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError } from '../admin/common';
import { useEnrol, useSequences, type EnrolRecordType } from './queries';

/** "Enrol in sequence" on a lead's or contact's page; a refusal (no consent, suppressed, enrolled) says why. */
export function EnrolInSequenceAction({ type, id, canEnrol }: { type: EnrolRecordType; id: string; canEnrol: boolean }) {
  const [opened, setOpened] = useState(false);
  if (!canEnrol) return null;
  return (
    <>
      <Button size="sm" variant="default" onClick={() => setOpened(true)}>
        Enrol in sequence
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Enrol in a sequence">
        {opened && <EnrolForm type={type} id={id} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function EnrolForm({ type, id, onDone }: { type: EnrolRecordType; id: string; onDone: () => void }) {
  const enrol = useEnrol();
  const [sequenceId, setSequenceId] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!sequenceId) return;
    enrol.mutate(
      { sequenceId, recordType: type, recordId: id },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Enrolled', message: 'The first step goes out in working hours, the sender’s and theirs.' });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={enrol.error} fields={[]} />
        <SequencePicker value={sequenceId} onChange={setSequenceId} />
        <Button type="submit" disabled={!sequenceId} loading={enrol.isPending}>
          Enrol
        </Button>
      </Stack>
    </form>
  );
}

/** The workspace's sequences to enrol in, with their loading and error states. */
export function SequencePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const sequences = useSequences();
  return (
    <Select
      label="Sequence"
      required
      placeholder={sequences.isPending ? 'Loading sequences…' : 'Choose a sequence'}
      data={(sequences.data?.items ?? []).map((s) => ({ value: s.id ?? '', label: s.name ?? '' }))}
      value={value}
      onChange={(next) => onChange(typeof next === 'string' ? next : null)}
      error={sequences.isError ? 'Sequences could not be loaded' : undefined}
      nothingFoundMessage="No sequences yet"
    />
  );
}
