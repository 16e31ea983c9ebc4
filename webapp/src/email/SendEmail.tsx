import { Button, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { useEmailTemplates, useSendEmail, type EmailRecordType } from './queries';

const FIELDS = ['to', 'subject', 'text', 'templateId', 'variables'];

/** "Send email" on a lead's or contact's page: write one, or pick a template; server errors show on their fields. */
export function SendEmailAction({ type, id, address, canSend }: { type: EmailRecordType; id: string; address?: string; canSend: boolean }) {
  const [opened, setOpened] = useState(false);
  if (!canSend) return null;
  return (
    <>
      <Button size="sm" variant="default" onClick={() => setOpened(true)}>
        Send email
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Send an email" size="lg">
        {opened && <SendEmailForm type={type} id={id} address={address} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

export function SendEmailForm({ type, id, address, onDone }: { type: EmailRecordType; id: string; address?: string; onDone: () => void }) {
  const templates = useEmailTemplates();
  const send = useSendEmail(type, id);
  const [key] = useState(() => crypto.randomUUID());
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [to, setTo] = useState(address ?? '');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [variables, setVariables] = useState<Record<string, string>>({});
  const errors = fieldErrorsOf(send.error);
  const template = (templates.data?.items ?? []).find((t) => t.id === templateId);
  const vars = (template?.variables ?? []).filter((v) => v.startsWith('vars.')).map((v) => v.slice(5));

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = { to: to.trim() === '' ? undefined : to.trim() };
    send.mutate(
      {
        key,
        body: templateId ? { ...common, templateId, variables } : { ...common, subject, text: body },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Email queued', message: 'It leaves right away; its status shows under Emails.' });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={send.error} fields={FIELDS} />
        <TextInput label="To" description="The record's address unless you give another" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
        <Select
          label="Template"
          placeholder={templates.isPending ? 'Loading templates…' : 'None: write the email'}
          data={(templates.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: t.name ?? '' }))}
          value={templateId}
          onChange={setTemplateId}
          clearable
          error={errors.templateId ?? (templates.isError ? 'Templates could not be loaded' : undefined)}
        />
        {templateId ? (
          <>
            {vars.length === 0 && <Text size="sm">This template needs no values from you.</Text>}
            {vars.map((v) => (
              <TextInput
                key={v}
                label={v}
                value={variables[v] ?? ''}
                onChange={(e) => setVariables({ ...variables, [v]: e.currentTarget.value })}
                error={errors[`variables.${v}`]}
              />
            ))}
          </>
        ) : (
          <>
            <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} />
            <Textarea label="Message" required autosize minRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.text} />
          </>
        )}
        <Button type="submit" loading={send.isPending}>
          Send
        </Button>
      </Stack>
    </form>
  );
}
