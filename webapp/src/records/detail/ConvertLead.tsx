import { Alert, Anchor, Button, Checkbox, Fieldset, Group, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RecordBody } from '../../api/types';
import type { FieldDef } from '../config';
import { bodyOf, elsewhereMessage, errorsOf, FormFields, missingRequired, useFirstErrorFocus, type FormErrors, type FormValues } from '../create/RecordForm';
import { usePipelines, recordPath, recordTitle, useConvertLead, type LeadConversionResult } from '../queries';
import { RecordPicker, type Picked } from '../RecordPicker';
import { text } from '../values';

const ACCOUNT: FieldDef[] = [{ key: 'account.name', label: 'Account name', kind: 'text', required: true }];
const CONTACT: FieldDef[] = [
  { key: 'contact.firstName', label: 'First name', kind: 'text' },
  { key: 'contact.lastName', label: 'Last name', kind: 'text' },
  { key: 'contact.email', label: 'Email', kind: 'email' },
];
const DEAL: FieldDef[] = [
  { key: 'deal.name', label: 'Deal name', kind: 'text', required: true },
  { key: 'deal.amount', label: 'Amount', kind: 'number', required: true },
  { key: 'deal.currency', label: 'Currency', kind: 'text', required: true },
];

type Mode = 'new' | 'existing';

/** "Convert" on an unconverted lead's page; only a qualified lead can be converted. */
export function ConvertLeadAction({ lead, canEdit }: { lead: RecordBody; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  // The dialog outlives the button: once converted, the lead's page drops the button but the result stays shown.
  const offered = canEdit && lead.status !== 'converted' && !lead.deletedAt;
  if (!offered && !opened) return null;
  const qualified = lead.status === 'qualified';
  return (
    <>
      {offered && (
        <Group gap="xs">
          <Button size="sm" onClick={() => setOpened(true)} disabled={!qualified} aria-describedby={qualified ? undefined : 'convert-hint'}>
            Convert
          </Button>
          {!qualified && (
            <Text id="convert-hint" size="xs" c="dimmed">
              Qualify the lead to convert it.
            </Text>
          )}
        </Group>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title="Convert the lead" size="lg">
        {opened && <ConvertForm lead={lead} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function ConvertForm({ lead, onClose }: { lead: RecordBody; onClose: () => void }) {
  const convert = useConvertLead(String(lead.id));
  const pipelines = usePipelines();
  const focus = useFirstErrorFocus();
  const [accountMode, setAccountMode] = useState<Mode>('new');
  const [contactMode, setContactMode] = useState<Mode>('new');
  const [account, setAccount] = useState<Picked | null>(null);
  const [contact, setContact] = useState<Picked | null>(null);
  const [withDeal, setWithDeal] = useState(false);
  const company = text(lead.company);
  const [values, setValues] = useState<FormValues>({
    'account.name': company ?? '',
    'contact.firstName': text(lead.firstName) ?? '',
    'contact.lastName': text(lead.lastName) ?? '',
    'contact.email': text(lead.email) ?? '',
    'deal.name': company ?? recordTitle('lead', lead),
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<LeadConversionResult | null>(null);

  const pipelineField: FieldDef = {
    key: 'deal.pipelineId',
    label: 'Pipeline',
    kind: 'select',
    options: (pipelines.data ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id ?? '', label: `${p.name ?? ''}${p.isDefault ? ' (default)' : ''}` })),
  };
  const pickers: FieldDef[] = [
    { key: 'accountId', label: 'Account', kind: 'text', required: accountMode === 'existing' },
    { key: 'contactId', label: 'Contact', kind: 'text', required: contactMode === 'existing' },
  ];
  // In the order they are shown: what is checked first gets the focus first.
  const shown: FieldDef[] = [
    ...(accountMode === 'new' ? ACCOUNT : [pickers[0] as FieldDef]),
    ...(contactMode === 'new' ? CONTACT : [pickers[1] as FieldDef]),
    ...(withDeal ? [...DEAL, pipelineField] : []),
  ];

  function change(key: string, value: unknown) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)));
  }

  async function submit() {
    setFailure(null);
    const flat: FormValues = {
      ...Object.fromEntries(shown.filter((f) => f.key.includes('.')).map((f) => [f.key, values[f.key]])),
      ...(accountMode === 'existing' ? { accountId: account?.id } : {}),
      ...(contactMode === 'existing' ? { contactId: contact?.id } : {}),
    };
    const missing = missingRequired(shown, flat);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focus.focusFirst(shown, missing);
      return;
    }
    try {
      setResult(await convert.mutateAsync(bodyOf(flat)));
    } catch (error) {
      const onFields = errorsOf(error, shown);
      setErrors(onFields);
      focus.focusFirst(shown, onFields);
      setFailure(elsewhereMessage(error, onFields));
    }
  }

  if (result) {
    const made: { label: string; path: string }[] = [
      result.accountId ? { label: 'Open the account', path: recordPath('account', result.accountId) } : null,
      result.contactId ? { label: 'Open the contact', path: recordPath('contact', result.contactId) } : null,
      result.dealId ? { label: 'Open the deal', path: recordPath('deal', result.dealId) } : null,
    ].filter((m) => m !== null);
    return (
      <Stack gap="sm">
        <Alert color="green" role="status" title="Lead converted">
          The lead is converted; it now points at what it became.
        </Alert>
        <List>
          {made.map((m) => (
            <List.Item key={m.path}>
              <Anchor component={Link} to={m.path} onClick={onClose}>
                {m.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const formFields = (fields: FieldDef[]) => (
    <FormFields fields={fields} values={values} errors={errors} onChange={change} inputRef={focus.ref} />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <Fieldset legend="Account">
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Account"
              value={accountMode}
              onChange={(v) => setAccountMode(v as Mode)}
              data={[
                { value: 'new', label: 'Create a new account' },
                { value: 'existing', label: 'Link an existing account' },
              ]}
            />
            {accountMode === 'new' ? (
              formFields(ACCOUNT)
            ) : (
              <RecordPicker
                ref={focus.ref('accountId')}
                type="account"
                label="Existing account"
                required
                current={account}
                onChange={(picked) => {
                  setAccount(picked);
                  change('accountId', picked?.id);
                }}
                error={errors.accountId}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend="Contact">
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Contact"
              value={contactMode}
              onChange={(v) => setContactMode(v as Mode)}
              data={[
                { value: 'new', label: 'Create a new contact' },
                { value: 'existing', label: 'Link an existing contact' },
              ]}
            />
            {contactMode === 'new' ? (
              formFields(CONTACT)
            ) : (
              <RecordPicker
                ref={focus.ref('contactId')}
                type="contact"
                label="Existing contact"
                required
                current={contact}
                onChange={(picked) => {
                  setContact(picked);
                  change('contactId', picked?.id);
                }}
                error={errors.contactId}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend="Deal">
          <Stack gap="sm">
            <Checkbox label="Also create a deal" checked={withDeal} onChange={(e) => setWithDeal(e.currentTarget.checked)} />
            {withDeal && formFields([...DEAL, pipelineField])}
          </Stack>
        </Fieldset>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={convert.isPending}>
            Convert
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
