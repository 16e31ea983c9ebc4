import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import type { RecordBody } from '../../api/types';
import { ColleagueSelect } from '../../common/ColleagueSelect';
import { ReasonModal } from '../../common/ReasonModal';
import { useReassignLead } from '../queries';
import { text } from '../values';

/** "Reassign" on a lead's page: another active colleague, found by name, and why; for those who may change the lead. */
export function ReassignLeadAction({ lead, canEdit }: { lead: RecordBody; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [ownerName, setOwnerName] = useState<string | null>(null);
  const [ownerError, setOwnerError] = useState<string | null>(null);
  const reassign = useReassignLead(String(lead.id));
  if (!canEdit || lead.deletedAt) return null;
  const current = text(lead.ownerId);

  function close() {
    setOpened(false);
    setOwnerId(null);
    setOwnerName(null);
    setOwnerError(null);
  }

  return (
    <>
      <Button size="sm" variant="default" onClick={() => setOpened(true)}>
        Reassign
      </Button>
      <ReasonModal
        opened={opened}
        title="Reassign the lead"
        intro="The new owner gets the lead; the reason stays with the lead's assignments."
        missing="Say why the lead changes hands."
        maxLength={1000}
        confirmLabel="Reassign"
        confirmColor="blue"
        validate={() => {
          if (ownerId) return true;
          setOwnerError('Pick who gets the lead.');
          return false;
        }}
        onConfirm={async (reason) => {
          try {
            await reassign.mutateAsync({ ownerId: ownerId ?? '', reason });
          } catch (e) {
            const onOwner = e instanceof ApiError ? e.fieldErrors().ownerId : undefined;
            if (onOwner) {
              setOwnerError(onOwner);
              return;
            }
            throw e;
          }
          notifications.show({ title: 'Lead reassigned', message: `Now with ${ownerName ?? 'its new owner'}.` });
          close();
        }}
        onClose={close}
      >
        {opened && (
          <ColleagueSelect
            label="New owner"
            required
            value={ownerId}
            exclude={[current]}
            onChange={(id, name) => {
              setOwnerId(id);
              setOwnerName(name);
              setOwnerError(null);
            }}
            error={ownerError}
            autoFocus
          />
        )}
      </ReasonModal>
    </>
  );
}
