import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DealReason, Stage } from './queries';

export interface Outcome {
  reasonId: string;
  closeNote?: string;
}

/** Winning or losing a deal asks why: one of the workspace's won (or lost) reasons, and a note if they like. */
export function ReasonDialog({
  dealName,
  stage,
  reasons,
  onConfirm,
  onCancel,
}: {
  dealName: string;
  stage: Stage;
  reasons: DealReason[];
  onConfirm: (outcome: Outcome) => void;
  onCancel: () => void;
}) {
  const [reasonId, setReasonId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const won = stage.won === true;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reasonId) {
      setError(won ? 'Pick why the deal was won.' : 'Pick why the deal was lost.');
      return;
    }
    onConfirm({ reasonId, closeNote: note.trim() || undefined });
  }

  return (
    <Modal opened onClose={onCancel} title={`${won ? 'Win' : 'Lose'} ${dealName}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Moving the deal to {stage.name} {won ? 'wins' : 'loses'} it.
          </Text>
          <Radio.Group
            label={won ? 'Why was it won?' : 'Why was it lost?'}
            withAsterisk
            value={reasonId}
            onChange={(value) => {
              setReasonId(value);
              setError(null);
            }}
            error={error}
          >
            <Stack gap="xs" mt="xs">
              {reasons.map((r) => (
                <Radio key={r.id} value={r.id ?? ''} label={r.label} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label="Note" description="Optional" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color={won ? 'green' : 'red'}>
              {won ? 'Mark as won' : 'Mark as lost'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
