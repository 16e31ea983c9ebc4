import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/problem';

/**
 * A decision that says why: a modal with the form's own fields (`children`), a reason (required unless
 * `optional`) and a confirm button. `onConfirm` gets the trimmed reason; what it throws is shown on the reason when
 * the problem names `reasonField`, else above the buttons. `validate` checks the other fields first (false stops).
 */
export function ReasonModal(props: ReasonModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {/* Mounted only while open: every opening starts blank. */}
      {props.opened && <ReasonForm {...props} />}
    </Modal>
  );
}

interface ReasonModalProps {
  opened: boolean;
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  reasonLabel?: string;
  reasonHint?: string;
  /** The field name the server's problem uses for the reason. */
  reasonField?: string;
  /** What to say when a required reason is blank. */
  missing?: string;
  optional?: boolean;
  maxLength?: number;
  confirmLabel: string;
  confirmColor?: string;
  cancelLabel?: string;
  validate?: () => boolean;
  onConfirm: (reason: string) => Promise<unknown> | void;
  onClose: () => void;
}

function ReasonForm({
  intro,
  children,
  reasonLabel = 'Reason',
  reasonHint,
  reasonField = 'reason',
  missing,
  optional = false,
  maxLength = 2000,
  confirmLabel,
  confirmColor = 'red',
  cancelLabel = 'Cancel',
  validate,
  onConfirm,
  onClose,
}: ReasonModalProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (validate && !validate()) return;
    const text = reason.trim();
    if (!text && !optional) {
      setError(missing ?? `${reasonLabel} is required.`);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onConfirm(text);
    } catch (e) {
      const onReason = e instanceof ApiError ? e.fieldErrors()[reasonField] : undefined;
      if (onReason) {
        setError(onReason);
        field.current?.focus();
      } else {
        setFailure(describeError(e));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro}
          {children}
          <Textarea
            ref={field}
            label={reasonLabel}
            description={reasonHint ?? (optional ? 'Optional' : undefined)}
            required={!optional}
            autosize
            minRows={3}
            maxLength={maxLength}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error}
            data-autofocus={children ? undefined : true}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" color={confirmColor} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
    </form>
  );
}
