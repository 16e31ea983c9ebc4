import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, humanize, RowActions } from './common';
import { useArchiveCustomField, useCustomFields, useSaveCustomField, type CustomField } from './queries';

const RECORD_TYPES = [
  { value: 'lead', label: 'Leads' },
  { value: 'contact', label: 'Contacts' },
  { value: 'account', label: 'Accounts' },
  { value: 'deal', label: 'Deals' },
];
const TYPES = ['text', 'number', 'date', 'picklist', 'boolean', 'lookup'];

/** Custom fields per record type: define, change, archive. */
export function CustomFieldsPage() {
  const [recordType, setRecordType] = useState('lead');
  const fields = useCustomFields(recordType);
  const archive = useArchiveCustomField();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [archiving, setArchiving] = useState<CustomField | null>(null);
  const items = fields.data ?? [];
  const typeLabel = RECORD_TYPES.find((t) => t.value === recordType)?.label ?? recordType;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Custom fields
        </Title>
        <Button onClick={() => setEditing('new')}>New field</Button>
      </Group>
      <SegmentedControl aria-label="Record type" data={RECORD_TYPES} value={recordType} onChange={setRecordType} fullWidth maw={480} />
      {fields.isPending ? (
        <LoadingRows label="Loading custom fields" />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={`No custom fields on ${typeLabel.toLowerCase()}`} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={`Custom fields of ${typeLabel.toLowerCase()}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((field) => (
                <Table.Tr key={field.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{field.label}</Text>
                      {field.required && <Badge size="sm" variant="light">Required</Badge>}
                      {field.archived && (
                        <Badge size="sm" variant="light" color="gray">
                          Archived
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {field.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {humanize(field.type)}
                    {field.type === 'lookup' && field.lookupTarget ? ` → ${field.lookupTarget}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={field.label}
                      onEdit={() => setEditing(field)}
                      destroy={
                        !field.archived && {
                          label: 'Archive',
                          onClick: () => {
                            archive.reset();
                            setArchiving(field);
                          },
                        }
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <FieldDialog
          field={editing === 'new' ? undefined : editing}
          recordType={recordType}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={archiving !== null}
        title={`Archive ${archiving?.label ?? 'field'}`}
        confirmLabel="Archive field"
        busy={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archiving &&
          archive.mutate(archiving, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Field archived', message: archiving.label ?? '' });
              setArchiving(null);
            },
          })
        }
        onCancel={() => setArchiving(null)}
      >
        <Text size="sm">The field takes no new values; records keep the values they have.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

const FIELDS = ['recordType', 'key', 'label', 'type', 'options', 'lookupTarget', 'required', 'helpText', 'position', 'archived'];

function FieldDialog({ field, recordType, onClose }: { field?: CustomField; recordType: string; onClose: () => void }) {
  const save = useSaveCustomField();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState(field?.type ?? 'text');
  const [options, setOptions] = useState((field?.options ?? []).join('\n'));
  const [lookupTarget, setLookupTarget] = useState(field?.lookupTarget ?? 'account');
  const [required, setRequired] = useState(Boolean(field?.required));
  const [helpText, setHelpText] = useState(field?.helpText ?? '');
  const [archived, setArchived] = useState(Boolean(field?.archived));
  const errors = fieldErrorsOf(save.error);
  const optionList = options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      label: label.trim(),
      required,
      ...(helpText.trim() || field?.helpText ? { helpText: helpText.trim() } : {}),
      ...(type === 'picklist' ? { options: optionList } : {}),
    };
    save.mutate(
      field
        ? { field, change: { ...common, archived } }
        : {
            input: {
              ...common,
              recordType,
              key: key.trim(),
              type,
              ...(type === 'lookup' ? { lookupTarget } : {}),
            },
          },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: field ? 'Field saved' : 'Field created', message: saved.label ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={field ? `Edit ${field.label ?? 'field'}` : `New ${recordType} field`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={FIELDS} />
          <TextInput label="Label" required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} data-autofocus />
          <TextInput
            label="Key"
            description={field ? 'A field’s key cannot change.' : 'Used in the API and filters, e.g. industry_code'}
            required
            readOnly={Boolean(field)}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={errors.key}
          />
          <NativeSelect
            label="Type"
            data={TYPES.map((t) => ({ value: t, label: humanize(t) }))}
            value={type}
            disabled={Boolean(field)}
            onChange={(e) => setType(e.currentTarget.value)}
            error={errors.type}
          />
          {type === 'picklist' && (
            <Textarea
              label="Options"
              description="One per line"
              required
              autosize
              minRows={3}
              value={options}
              onChange={(e) => setOptions(e.currentTarget.value)}
              error={errors.options}
            />
          )}
          {type === 'lookup' && (
            <NativeSelect
              label="Refers to"
              data={RECORD_TYPES.map((t) => ({ value: t.value, label: humanize(t.value) }))}
              value={lookupTarget}
              disabled={Boolean(field)}
              onChange={(e) => setLookupTarget(e.currentTarget.value)}
              error={errors.lookupTarget}
            />
          )}
          <Textarea label="Help text" autosize minRows={1} value={helpText} onChange={(e) => setHelpText(e.currentTarget.value)} error={errors.helpText} />
          <Checkbox label="Required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          {field && <Checkbox label="Archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {field ? 'Save field' : 'Create field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
