import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { ReasonModal } from '../common/ReasonModal';
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
  const [error, setError] = useState<string | null>(null);
  const won = stage.won === true;

  return (
    <ReasonModal
      opened
      title={`${won ? 'Win' : 'Lose'} ${dealName}`}
      intro={`Moving the deal to ${stage.name ?? 'this stage'} ${won ? 'wins' : 'loses'} it.`}
      reasonLabel="Note"
      reasonField="closeNote"
      optional
      confirmLabel={won ? 'Mark as won' : 'Mark as lost'}
      confirmColor={won ? 'green' : 'red'}
      validate={() => {
        if (reasonId) return true;
        setError(won ? 'Pick why the deal was won.' : 'Pick why the deal was lost.');
        return false;
      }}
      onConfirm={(note) => onConfirm({ reasonId, closeNote: note || undefined })}
      onClose={onCancel}
    >
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
    </ReasonModal>
  );
}
