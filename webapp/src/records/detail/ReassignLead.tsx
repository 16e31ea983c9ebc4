import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/problem';
import type { RecordBody } from '../../api/types';
import { ColleagueSelect } from '../../common/ColleagueSelect';
import { ReasonModal } from '../../common/ReasonModal';
import { useReassignLead } from '../queries';
import { text } from '../values';

/** "Reassign" on a lead's page: another active colleague, found by name, and why; for those who may change the lead. */
export function ReassignLeadAction({ lead, canEdit }: { lead: RecordBody; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  if (!canEdit || lead.deletedAt) return null;
  return (
    <>
      <Button size="sm" variant="default" onClick={() => setOpened(true)}>
        Reassign
      </Button>
      <LeadOwnerDialog
        leadId={String(lead.id)}
        opened={opened}
        title="Reassign the lead"
        intro="The new owner gets the lead; the reason stays with the lead's assignments."
        missing="Say why the lead changes hands."
        confirmLabel="Reassign"
        ownerLabel="New owner"
        exclude={[text(lead.ownerId)]}
        onDone={(ownerName) => notifications.show({ title: 'Lead reassigned', message: `Now with ${ownerName ?? 'its new owner'}.` })}
        onClose={() => setOpened(false)}
      />
    </>
  );
}

/**
 * Who gets a lead, and why: an active colleague (found by name) and a reason, sent to the lead's reassign. What the
 * server says about `ownerId` shows on the picker, any other refusal in the dialog; nothing typed is lost.
 */
export function LeadOwnerDialog({
  leadId,
  teamId,
  opened,
  title,
  intro,
  missing,
  confirmLabel,
  ownerLabel,
  exclude = [],
  onDone,
  onClose,
}: {
  leadId: string;
  /** The team the lead goes to with its owner; absent, the server keeps the lead's team. */
  teamId?: string;
  opened: boolean;
  title: string;
  intro: ReactNode;
  missing: string;
  confirmLabel: string;
  ownerLabel: string;
  /** Colleagues not to offer (the current owner). */
  exclude?: (string | undefined)[];
  /** After the server took the change, with the name the picker showed for the new owner. */
  onDone: (ownerName: string | null) => void;
  onClose: () => void;
}) {
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [ownerName, setOwnerName] = useState<string | null>(null);
  const [ownerError, setOwnerError] = useState<string | null>(null);
  const reassign = useReassignLead();

  function close() {
    setOwnerId(null);
    setOwnerName(null);
    setOwnerError(null);
    onClose();
  }

  return (
    <ReasonModal
      opened={opened}
      title={title}
      intro={intro}
      missing={missing}
      maxLength={1000}
      confirmLabel={confirmLabel}
      confirmColor="blue"
      validate={() => {
        if (ownerId) return true;
        setOwnerError('Pick who gets the lead.');
        return false;
      }}
      onConfirm={async (reason) => {
        try {
          await reassign.mutateAsync({ leadId, ownerId: ownerId ?? '', teamId, reason });
        } catch (e) {
          const onOwner = e instanceof ApiError ? e.fieldErrors().ownerId : undefined;
          if (onOwner) {
            setOwnerError(onOwner);
            return;
          }
          throw e;
        }
        onDone(ownerName);
        close();
      }}
      onClose={close}
    >
      {opened && (
        <ColleagueSelect
          label={ownerLabel}
          required
          value={ownerId}
          exclude={exclude}
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
  );
}
