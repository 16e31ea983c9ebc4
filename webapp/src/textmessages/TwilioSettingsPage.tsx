import { Button, Card, Code, Group, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useOptOuts, useSaveTwilioSettings, useTwilioSettings, type TwilioSettings } from './queries';

const FIELDS = ['accountSid', 'authToken', 'fromNumber', 'messagingServiceSid', 'whatsappFrom'];

/** The workspace's Twilio account for SMS and WhatsApp, the callback URLs to enter in Twilio, and the opt-out list. */
export function TwilioSettingsPage() {
  const settings = useTwilioSettings();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        Text messages (Twilio)
      </Title>
      {settings.isPending ? (
        <LoadingRows label="Loading the Twilio settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <SettingsForm key={settings.data.etag ?? 'new'} current={settings.data.settings} etag={settings.data.etag} />
          <CallbackUrls settings={settings.data.settings} />
        </>
      )}
      <OptOutList />
    </Stack>
  );
}

function SettingsForm({ current, etag }: { current: TwilioSettings; etag: string | undefined }) {
  const save = useSaveTwilioSettings();
  const [form, setForm] = useState({
    accountSid: current.accountSid ?? '',
    authToken: '',
    fromNumber: current.fromNumber ?? '',
    messagingServiceSid: current.messagingServiceSid ?? '',
    whatsappFrom: current.whatsappFrom ?? '',
  });
  const errors = fieldErrorsOf(save.error);
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });
  const orNull = (v: string) => (v.trim() === '' ? undefined : v.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        etag: current.configured ? etag : undefined,
        body: {
          accountSid: form.accountSid.trim(),
          authToken: orNull(form.authToken),
          fromNumber: orNull(form.fromNumber),
          messagingServiceSid: orNull(form.messagingServiceSid),
          whatsappFrom: orNull(form.whatsappFrom),
        },
      },
      { onSuccess: () => notifications.show({ color: 'green', title: 'Saved', message: 'Twilio settings saved.' }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <TextInput label="Account SID" placeholder="AC…" required value={form.accountSid} onChange={set('accountSid')} error={errors.accountSid} />
        <PasswordInput
          label="Auth token"
          description={current.authTokenSet ? 'A token is stored; it is never shown. Leave empty to keep it.' : 'Shown once in Twilio’s console.'}
          required={!current.authTokenSet}
          autoComplete="off"
          value={form.authToken}
          onChange={set('authToken')}
          error={errors.authToken}
        />
        <TextInput
          label="From number"
          description="The SMS sender in international format, e.g. +14155550100"
          value={form.fromNumber}
          onChange={set('fromNumber')}
          error={errors.fromNumber}
        />
        <TextInput
          label="Messaging Service SID"
          description="Instead of, or preferred over, the from number"
          placeholder="MG…"
          value={form.messagingServiceSid}
          onChange={set('messagingServiceSid')}
          error={errors.messagingServiceSid}
        />
        <TextInput
          label="WhatsApp sender"
          placeholder="whatsapp:+14155550100"
          value={form.whatsappFrom}
          onChange={set('whatsappFrom')}
          error={errors.whatsappFrom}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CallbackUrls({ settings }: { settings: TwilioSettings }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        Callback URLs
      </Title>
      <Text size="sm" mb="xs">
        In Twilio, set the number’s (or Messaging Service’s) “A message comes in” webhook to:
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="Inbound URL">
        {settings.inboundUrl}
      </Code>
      <Text size="sm" mt="sm" mb="xs">
        Delivery reports come to this URL, sent with every message:
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="Status callback URL">
        {settings.statusCallbackUrl}
      </Code>
    </Card>
  );
}

function OptOutList() {
  const optOuts = useOptOuts();
  const items = optOuts.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Opt-outs
      </Title>
      <Text size="sm" c="dimmed">
        Numbers that texted STOP get no text messages until they text START.
      </Text>
      {optOuts.isPending ? (
        <LoadingRows label="Loading the opt-outs" />
      ) : optOuts.isError ? (
        <ErrorState error={optOuts.error} onRetry={() => void optOuts.refetch()} title="Could not load the opt-outs" />
      ) : items.length === 0 ? (
        <EmptyState title="No number has opted out" />
      ) : (
        <>
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label="Opted-out numbers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Keyword</Table.Th>
                  <Table.Th>Since</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.phone}>
                    <Table.Td>{o.phone}</Table.Td>
                    <Table.Td>{o.keyword}</Table.Td>
                    <Table.Td>{o.optedOutAt ? new Date(o.optedOutAt).toLocaleString() : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {optOuts.hasNextPage && (
            <Button variant="default" size="sm" loading={optOuts.isFetchingNextPage} onClick={() => void optOuts.fetchNextPage()}>
              Show more
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
