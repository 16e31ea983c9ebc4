import { Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useEmailTemplates } from '../email/queries';
import { useArchiveContractTemplate, useContractTemplates, useSaveContractTemplate, type ContractTemplate } from './queries';

const FIELDS = ['name', 'body', 'emailTemplateId'];

export const STARTER = `<html><head><style>body { font-family: sans-serif; } td, th { border: 1px solid #999; padding: 4px; }</style></head>
<body>
<h1>{{contract.title}}</h1>
<p>Between Acme and {{account.name}} for {{deal.name}}, dated {{contract.date}}.</p>
<table>
<tr><th>#</th><th>Product</th><th>Quantity</th><th>Unit price</th><th>Discount</th><th>Total</th></tr>
{{#lineItems}}<tr><td>{{position}}</td><td>{{product}}</td><td>{{quantity}}</td><td>{{unitPrice}}</td><td>{{discountPercent}}%</td><td>{{total}}</td></tr>{{/lineItems}}
</table>
<p>Total: {{currency}} {{total}}</p>
<p>Signed by: {{#signers}}{{name}} ({{email}}) {{/signers}}</p>
</body></html>`;

/** Contract templates: XHTML with variables, checked by laying them out as PDF when saved. */
export function ContractTemplatesPage() {
  const templates = useContractTemplates();
  const archive = useArchiveContractTemplate();
  const [editing, setEditing] = useState<ContractTemplate | 'new' | null>(null);
  const items = templates.data?.items ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Contract templates
        </Title>
        <Button onClick={() => setEditing('new')}>New contract template</Button>
      </Group>
      <Text size="sm" c="dimmed">
        XHTML with {'{{contract.title}}'}, {'{{deal.name}}'}, {'{{deal.amount}}'}, {'{{account.name}}'}, {'{{#lineItems}}…{{/lineItems}}'} (product, quantity, unitPrice,
        discountPercent, total), {'{{total}}'} and {'{{#signers}}…{{/signers}}'}. Images go inline as data: URIs. Invitations use the email template you pick, with{' '}
        {'{{vars.subject}}'}, {'{{vars.message}}'} and {'{{vars.link}}'}.
      </Text>
      {editing && (
        <TemplateForm key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`} template={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      )}
      {archive.isError && <ErrorState error={archive.error} title="Could not archive the template" />}
      {templates.isPending ? (
        <LoadingRows label="Loading the contract templates" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No contract templates yet">Create one to generate contracts on deals.</EmptyState>
      ) : (
        <Stack gap="xs">
          {items.map((t) => (
            <Card key={t.id} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{t.name}</Text>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setEditing(t)} aria-label={`Edit ${t.name ?? ''}`}>
                    Edit
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => archive.mutate(t.id ?? '')} aria-label={`Archive ${t.name ?? ''}`}>
                    Archive
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function TemplateForm({ template, onDone }: { template?: ContractTemplate; onDone: () => void }) {
  const save = useSaveContractTemplate();
  const emailTemplates = useEmailTemplates();
  const [form, setForm] = useState({
    name: template?.name ?? '',
    body: template?.body ?? STARTER,
    emailTemplateId: template?.emailTemplateId ?? '',
  });
  const errors = fieldErrorsOf(save.error);
  const options = (emailTemplates.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: t.name ?? '' }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { id: template?.id, body: { name: form.name, body: form.body, emailTemplateId: form.emailTemplateId || undefined } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Contract template saved', message: saved.name ?? '' });
          onDone();
        },
      },
    );
  }

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {template ? `Edit ${template.name ?? ''}` : 'New contract template'}
          </Title>
          <FormError error={save.error} fields={FIELDS} />
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} />
          <Select
            label="Invitation email template"
            required
            data={options}
            value={form.emailTemplateId || null}
            onChange={(v) => setForm({ ...form, emailTemplateId: v ?? '' })}
            error={errors.emailTemplateId}
            placeholder={emailTemplates.isPending ? 'Loading…' : 'Pick an email template'}
            searchable
          />
          <Textarea
            label="Document (XHTML)"
            required
            autosize
            minRows={10}
            maxRows={30}
            styles={{ input: { fontFamily: 'monospace' } }}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
            error={errors.body}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
