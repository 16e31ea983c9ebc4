import { Button, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import type { RecordBody, UserView } from '../../api/types';
import { ReasonModal } from '../../common/ReasonModal';
import { useReassignLead } from '../queries';
import { text } from '../values';

/** "Reassign" on a lead's page: another active user and why; only for those who may list users and change the lead. */
export function ReassignLeadAction({ lead, users, canEdit }: { lead: RecordBody; users: UserView[] | undefined; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [ownerError, setOwnerError] = useState<string | null>(null);
  const reassign = useReassignLead(String(lead.id));
  if (!canEdit || users === undefined || lead.deletedAt) return null;
  const current = text(lead.ownerId);
  const options = users
    .filter((u) => u.id !== current && u.status !== 'disabled')
    .map((u) => ({ value: u.id ?? '', label: u.displayName ?? u.email ?? '' }));

  function close() {
    setOpened(false);
    setOwnerId(null);
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
          notifications.show({ title: 'Lead reassigned', message: `Now with ${options.find((o) => o.value === ownerId)?.label ?? 'its new owner'}.` });
          close();
        }}
        onClose={close}
      >
        <Select
          label="New owner"
          required
          searchable
          data={options}
          value={ownerId}
          onChange={(v) => {
            setOwnerId(v);
            setOwnerError(null);
          }}
          error={ownerError}
          nothingFoundMessage="No such user"
          data-autofocus
        />
      </ReasonModal>
    </>
  );
}
