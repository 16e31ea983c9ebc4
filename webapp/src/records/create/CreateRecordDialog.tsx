import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldDef, TypeConfig } from '../config';
import { customFieldDef } from '../detail/Details';
import { recordPath, useCreateRecord, useCustomFields } from '../queries';
import { bodyOf, elsewhereMessage, errorsOf, FormFields, missingRequired, useFirstErrorFocus, type FormErrors, type FormValues } from './RecordForm';

/**
 * "New lead" (…): the type's first fields and its required custom fields; what the server refuses is shown on the
 * field it names, with the focus on the first one; a created record opens its page.
 */
export function CreateRecordDialog({ config, opened, onClose }: { config: TypeConfig; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`New ${config.label.toLowerCase()}`} size="md">
      {opened && <CreateForm config={config} onClose={onClose} />}
    </Modal>
  );
}

function CreateForm({ config, onClose }: { config: TypeConfig; onClose: () => void }) {
  const create = useCreateRecord(config.type);
  const customFields = useCustomFields(config.type);
  const navigate = useNavigate();
  const focus = useFirstErrorFocus();
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // One key per form: a second submit of the same form (a double click, a retry after a lost answer) creates once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const required: FieldDef[] = (customFields.data ?? [])
    .filter((d) => d.required && !d.archived && d.type !== 'lookup')
    .map((d) => ({ ...customFieldDef(d), required: true }));
  const fields = [...config.createFields, ...required];

  async function submit() {
    setFailure(null);
    const missing = missingRequired(fields, values);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focus.focusFirst(fields, missing);
      return;
    }
    try {
      const created = await create.mutateAsync({ body: bodyOf(values), idempotencyKey });
      onClose();
      navigate(recordPath(config.type, String(created.id)));
    } catch (error) {
      const onFields = errorsOf(error, fields);
      setErrors(onFields);
      focus.focusFirst(fields, onFields);
      setFailure(elsewhereMessage(error, onFields));
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <FormFields
          fields={fields}
          values={values}
          errors={errors}
          inputRef={focus.ref}
          onChange={(key, value) => {
            setValues((v) => ({ ...v, [key]: value }));
            setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)));
          }}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create {config.label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
