import { Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useEmailTemplates, usePreviewTemplate, useSaveTemplate, type EmailRecordType, type EmailTemplate } from './queries';

const FIELDS = ['name', 'subject', 'html', 'text'];

/** Email templates: each edit saves a new version; a preview renders one for a lead or contact. */
export function EmailTemplatesPage() {
  const templates = useEmailTemplates();
  const [editing, setEditing] = useState<EmailTemplate | 'new' | null>(null);
  const items = templates.data?.items ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Email templates
        </Title>
        <Button onClick={() => setEditing('new')}>New template</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Variables: {'{{record.firstName}}'}, {'{{record.company}}'}, {'{{owner.name}}'}, {'{{sender.name}}'}, and {'{{vars.anything}}'} filled in when sending.
      </Text>
      {editing && <TemplateForm key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`} template={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      {templates.isPending ? (
        <LoadingRows label="Loading the templates" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No templates yet" />
      ) : (
        <Stack gap="xs">
          {items.map((t) => (
            <Card key={t.id} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Text fw={600}>{t.name}</Text>
                  <Text size="xs" c="dimmed">
                    Version {t.currentVersion} · {t.subject}
                  </Text>
                </div>
                <Button size="xs" variant="default" onClick={() => setEditing(t)} aria-label={`Edit ${t.name ?? ''}`}>
                  Edit
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function TemplateForm({ template, onDone }: { template?: EmailTemplate; onDone: () => void }) {
  const save = useSaveTemplate();
  const [form, setForm] = useState({
    name: template?.name ?? '',
    subject: template?.subject ?? '',
    html: template?.html ?? '',
    text: template?.text ?? '',
  });
  const errors = fieldErrorsOf(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        id: template?.id,
        body: { name: form.name, subject: form.subject, html: form.html === '' ? undefined : form.html, text: form.text === '' ? undefined : form.text },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Template saved', message: `Version ${saved.version ?? 1} of ${saved.name ?? ''}.` });
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
            {template ? `Edit ${template.name ?? ''}` : 'New template'}
          </Title>
          <FormError error={save.error} fields={FIELDS} />
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} />
          <TextInput label="Subject" required value={form.subject} onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} error={errors.subject} />
          <Textarea label="HTML" autosize minRows={4} value={form.html} onChange={(e) => setForm({ ...form, html: e.currentTarget.value })} error={errors.html} />
          <Textarea label="Text" autosize minRows={4} value={form.text} onChange={(e) => setForm({ ...form, text: e.currentTarget.value })} error={errors.text} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
          {template?.id && <Preview id={template.id} />}
        </Stack>
      </form>
    </Card>
  );
}

function Preview({ id }: { id: string }) {
  const preview = usePreviewTemplate();
  const [recordType, setRecordType] = useState<EmailRecordType>('lead');
  const [recordId, setRecordId] = useState('');
  const errors = fieldErrorsOf(preview.error);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Preview the saved version
      </Title>
      <Group align="end" wrap="wrap">
        <Select
          label="Record type"
          data={[
            { value: 'lead', label: 'Lead' },
            { value: 'contact', label: 'Contact' },
          ]}
          value={recordType}
          onChange={(v) => setRecordType((v as EmailRecordType | null) ?? 'lead')}
          allowDeselect={false}
        />
        <TextInput label="Record id" value={recordId} onChange={(e) => setRecordId(e.currentTarget.value)} error={errors.recordId} />
        <Button variant="default" loading={preview.isPending} onClick={() => preview.mutate({ id, recordType, recordId: recordId.trim(), variables: {} })}>
          Preview
        </Button>
      </Group>
      <FormError error={preview.error} fields={['recordId', 'recordType']} />
      {preview.data && (
        <Card withBorder padding="sm" aria-label="Preview">
          <Text fw={600}>{preview.data.subject}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.data.text ?? ''}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
