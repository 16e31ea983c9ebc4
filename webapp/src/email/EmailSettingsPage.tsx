import { Button, Group, NumberInput, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { ErrorState, LoadingRows } from '../common/states';
import { useEmailSettings, useSaveEmailSettings, useSendTestEmail, type EmailSettings, type EmailSettingsInput } from './queries';

const FIELDS = ['smtpHost', 'smtpPort', 'smtpSecurity', 'smtpUsername', 'smtpPassword', 'fromAddress', 'fromName', 'replyDomain', 'ratePerMinute'];

/** The workspace's sender: SMTP server and login (the password is write-only), from address, reply domain, rate. */
export function EmailSettingsPage() {
  const settings = useEmailSettings();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        Email sender
      </Title>
      {settings.isPending ? (
        <LoadingRows label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <SenderForm key={settings.data.updatedAt ?? 'new'} current={settings.data} />
          {settings.data.configured && <TestEmail />}
        </>
      )}
    </Stack>
  );
}

export function SenderForm({ current }: { current: EmailSettings }) {
  const save = useSaveEmailSettings();
  const [form, setForm] = useState({
    smtpHost: current.smtpHost ?? '',
    smtpPort: current.smtpPort ?? 587,
    smtpSecurity: current.smtpSecurity ?? 'starttls',
    smtpUsername: current.smtpUsername ?? '',
    fromAddress: current.fromAddress ?? '',
    fromName: current.fromName ?? '',
    replyDomain: current.replyDomain ?? '',
    ratePerMinute: current.ratePerMinute ?? 60,
  });
  const [password, setPassword] = useState('');
  const errors = fieldErrorsOf(save.error);
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        ...form,
        smtpSecurity: form.smtpSecurity as EmailSettingsInput['smtpSecurity'],
        smtpUsername: optional(form.smtpUsername),
        fromName: optional(form.fromName),
        replyDomain: optional(form.replyDomain),
        ...(password === '' ? {} : { smtpPassword: password }),
      },
      {
        onSuccess: () => {
          setPassword('');
          notifications.show({ color: 'green', title: 'Saved', message: 'Sender settings saved.' });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <TextInput label="SMTP host" required value={form.smtpHost} onChange={(e) => setForm({ ...form, smtpHost: e.currentTarget.value })} error={errors.smtpHost} />
        <Group grow wrap="wrap">
          <NumberInput label="Port" required min={1} max={65535} value={form.smtpPort} onChange={(v) => setForm({ ...form, smtpPort: Number(v) || 0 })} error={errors.smtpPort} />
          <Select
            label="Security"
            required
            data={[
              { value: 'starttls', label: 'STARTTLS' },
              { value: 'ssl_tls', label: 'SSL/TLS' },
              { value: 'none', label: 'None' },
            ]}
            value={form.smtpSecurity}
            onChange={(v) => setForm({ ...form, smtpSecurity: v ?? 'starttls' })}
            error={errors.smtpSecurity}
            allowDeselect={false}
          />
        </Group>
        <TextInput label="Username" value={form.smtpUsername} onChange={(e) => setForm({ ...form, smtpUsername: e.currentTarget.value })} error={errors.smtpUsername} />
        <PasswordInput
          label="Password"
          description={current.passwordSet ? 'A password is set; type a new one to replace it.' : 'No password is set.'}
          value={password}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.smtpPassword}
        />
        <TextInput label="From address" required value={form.fromAddress} onChange={(e) => setForm({ ...form, fromAddress: e.currentTarget.value })} error={errors.fromAddress} />
        <TextInput label="From name" value={form.fromName} onChange={(e) => setForm({ ...form, fromName: e.currentTarget.value })} error={errors.fromName} />
        <TextInput
          label="Reply domain"
          description="Replies go to reply+<token>@this domain"
          value={form.replyDomain}
          onChange={(e) => setForm({ ...form, replyDomain: e.currentTarget.value })}
          error={errors.replyDomain}
        />
        <NumberInput label="Emails per minute" required min={1} max={10000} value={form.ratePerMinute} onChange={(v) => setForm({ ...form, ratePerMinute: Number(v) || 0 })} error={errors.ratePerMinute} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestEmail() {
  const test = useSendTestEmail();
  const [to, setTo] = useState('');
  const errors = fieldErrorsOf(test.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        test.mutate(to.trim(), {
          onSuccess: () => notifications.show({ title: 'Test email queued', message: `It is on its way to ${to.trim()}.` }),
        });
      }}
    >
      <Stack gap="xs">
        <Title order={2} size="h4">
          Send a test email
        </Title>
        <FormError error={test.error} fields={['to']} />
        <Group align="end" wrap="wrap">
          <TextInput label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          <Button type="submit" variant="default" loading={test.isPending}>
            Send test
          </Button>
        </Group>
        {test.isSuccess && <Text size="sm">Queued: check the inbox.</Text>}
      </Stack>
    </form>
  );
}
