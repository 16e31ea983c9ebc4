import { ActionIcon, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, FormError } from './common';
import { useCreateInboundEndpoint, type InboundEndpointInput, type InboundEndpointSecrets } from './inboundWebhookQueries';

export const SCHEMES = [
  { value: 'standard', label: 'Standard Webhooks (Salesflow generates the secret)' },
  { value: 'meta', label: 'Meta (X-Hub-Signature-256, app secret)' },
  { value: 'twilio', label: 'Twilio (X-Twilio-Signature, auth token)' },
];

const ACTIONS = [
  { value: 'create_lead', label: 'Create a lead' },
  { value: 'correlate_message', label: 'Send a message to a waiting process' },
];

const LEAD_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'website',
  'industry',
  'companySize',
  'country',
  'region',
  'postalCode',
  'language',
  'productInterest',
];

const SOURCES = ['web_form', 'api', 'referral', 'event', 'inbound_email', 'outbound', 'partner', 'social', 'other'];

interface Row {
  key: number;
  name: string;
  pointer: string;
}

let nextRow = 0;
function row(name = '', pointer = ''): Row {
  nextRow += 1;
  return { key: nextRow, name, pointer };
}

function toMap(rows: Row[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.name.trim() !== '').map((r) => [r.name.trim(), r.pointer.trim()]));
}

/** Rows of "name → JSON pointer": lead fields (picked from a list) or process variables (typed). */
function PointerRows({
  legend,
  rows,
  onChange,
  names,
  errorPrefix,
  errors,
  nameLabel,
}: {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  names?: string[];
  errorPrefix: string;
  errors: Record<string, string>;
  nameLabel: string;
}) {
  const set = (key: number, change: Partial<Row>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text size="sm" fw={500}>
          {legend}
        </Text>
      </legend>
      <Stack gap="xs">
        {errors[errorPrefix] && (
          <Text size="sm" c="red" role="alert">
            {errors[errorPrefix]}
          </Text>
        )}
        {rows.map((r, i) => (
          <Group key={r.key} gap="xs" align="flex-start" wrap="wrap">
            {names ? (
              <Select
                label={`${nameLabel} ${i + 1}`}
                data={names}
                value={r.name || null}
                onChange={(value) => set(r.key, { name: value ?? '' })}
                searchable
                style={{ flex: '1 1 140px' }}
              />
            ) : (
              <TextInput
                label={`${nameLabel} ${i + 1}`}
                value={r.name}
                onChange={(e) => set(r.key, { name: e.currentTarget.value })}
                style={{ flex: '1 1 140px' }}
              />
            )}
            <TextInput
              label={`Pointer ${i + 1}`}
              placeholder="/contact/email"
              value={r.pointer}
              onChange={(e) => set(r.key, { pointer: e.currentTarget.value })}
              error={r.name ? errors[`${errorPrefix}.${r.name}`] : undefined}
              style={{ flex: '2 1 180px' }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={`Remove row ${i + 1}`}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" onClick={() => onChange([...rows, row()])}>
            Add row
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}

/** Configures an endpoint: address, scheme, and the mapping of its payload to a lead or a process message. */
export function InboundEndpointForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: InboundEndpointSecrets) => void;
}) {
  const create = useCreateInboundEndpoint();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [scheme, setScheme] = useState('standard');
  const [secret, setSecret] = useState('');
  const [action, setAction] = useState('create_lead');
  const [source, setSource] = useState('web_form');
  const [leadRows, setLeadRows] = useState<Row[]>(() => [row('lastName', '/lastName'), row('email', '/email')]);
  const [messageName, setMessageName] = useState('');
  const [businessKey, setBusinessKey] = useState('');
  const [businessKeyPrefix, setBusinessKeyPrefix] = useState('');
  const [variableRows, setVariableRows] = useState<Row[]>([]);
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: InboundEndpointInput = {
      name: name.trim(),
      slug: slug.trim(),
      scheme,
      action,
      ...(scheme !== 'standard' ? { secret } : {}),
      ...(action === 'create_lead'
        ? { lead: { source, fields: toMap(leadRows) } }
        : {
            message: {
              messageName: messageName.trim(),
              ...(businessKey.trim() ? { businessKey: businessKey.trim() } : {}),
              ...(businessKeyPrefix ? { businessKeyPrefix } : {}),
              variables: toMap(variableRows),
            },
          }),
    };
    create.mutate(body, {
      onSuccess: (created) => {
        // The secret lives only in the dialog that shows it: nothing else keeps it.
        create.reset();
        onCreated(created);
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title="New inbound webhook" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} fields={['name', 'slug', 'scheme', 'secret', 'action', 'lead', 'message']} />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label="Address name"
            description="Lower-case letters, digits and hyphens: the last part of the address the vendor calls"
            required
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={errors.slug}
          />
          <Select
            label="Signature scheme"
            data={SCHEMES}
            value={scheme}
            onChange={(value) => setScheme(value ?? 'standard')}
            allowDeselect={false}
            error={errors.scheme}
          />
          {scheme !== 'standard' && (
            <PasswordInput
              label={scheme === 'meta' ? 'App secret' : 'Auth token'}
              description="From the vendor's console; stored encrypted and never shown again"
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={errors.secret}
            />
          )}
          <Select
            label="What a call does"
            data={ACTIONS}
            value={action}
            onChange={(value) => setAction(value ?? 'create_lead')}
            allowDeselect={false}
            error={errors.action}
          />
          {action === 'create_lead' ? (
            <>
              <Select
                label="Lead source"
                data={SOURCES}
                value={source}
                onChange={(value) => setSource(value ?? 'web_form')}
                allowDeselect={false}
                error={errors['lead.source']}
              />
              <PointerRows
                legend="Lead fields from the payload (JSON pointers; form fields as /Name)"
                rows={leadRows}
                onChange={setLeadRows}
                names={LEAD_FIELDS}
                nameLabel="Lead field"
                errorPrefix="lead.fields"
                errors={errors}
              />
            </>
          ) : (
            <>
              <TextInput
                label="Message name"
                description="The message the process waits for, e.g. PaymentReceived"
                required
                value={messageName}
                onChange={(e) => setMessageName(e.currentTarget.value)}
                error={errors['message.messageName'] ?? errors.message}
              />
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label="Business key pointer"
                  placeholder="/data/invoice"
                  value={businessKey}
                  onChange={(e) => setBusinessKey(e.currentTarget.value)}
                  error={errors['message.businessKey']}
                  style={{ flex: '2 1 180px' }}
                />
                <TextInput
                  label="Business key prefix"
                  placeholder="invoice:"
                  value={businessKeyPrefix}
                  onChange={(e) => setBusinessKeyPrefix(e.currentTarget.value)}
                  error={errors['message.businessKeyPrefix']}
                  style={{ flex: '1 1 120px' }}
                />
              </Group>
              <PointerRows
                legend="Process variables from the payload"
                rows={variableRows}
                onChange={setVariableRows}
                nameLabel="Variable"
                errorPrefix="message.variables"
                errors={errors}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
