import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/problem';
import type { RecordBody } from '../api/types';
import { useSendText } from './queries';

type Channel = 'sms' | 'whatsapp';

/**
 * "Send text" on a lead's or contact's page: an SMS, or a WhatsApp message (a text, or an approved template by its
 * Content SID with variables). For those who may change the record; the number is the record's phone.
 */
export function SendTextAction({ type, record, canEdit }: { type: 'lead' | 'contact'; record: RecordBody; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  if (!canEdit || record.deletedAt) return null;
  return (
    <>
      <Button size="sm" variant="default" onClick={() => setOpened(true)}>
        Send text
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Send a text message">
        {opened && <SendTextForm type={type} id={String(record.id)} phone={typeof record.phone === 'string' ? record.phone : undefined} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

/** `1=Ada` per line → {"1": "Ada"}; answers the line that is not of that form. */
export function parseVariables(raw: string): { variables?: Record<string, string>; badLine?: string } {
  const variables: Record<string, string> = {};
  for (const line of raw.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq <= 0) return { badLine: line };
    variables[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { variables: Object.keys(variables).length > 0 ? variables : undefined };
}

function SendTextForm({ type, id, phone, onDone }: { type: 'lead' | 'contact'; id: string; phone?: string; onDone: () => void }) {
  const send = useSendText(type, id);
  const [channel, setChannel] = useState<Channel>('sms');
  const [mode, setMode] = useState<'text' | 'template'>('text');
  const [body, setBody] = useState('');
  const [contentSid, setContentSid] = useState('');
  const [variables, setVariables] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const template = channel === 'whatsapp' && mode === 'template';

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const parsed = parseVariables(variables);
    if (!template && !body.trim()) problems.body = 'Write the message.';
    if (template && !contentSid.trim()) problems.contentSid = 'Enter the template’s Content SID (HX…).';
    if (template && parsed.badLine) problems.contentVariables = `Write each variable as name=value: “${parsed.badLine}”.`;
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    send.mutate(
      template ? { channel, contentSid: contentSid.trim(), contentVariables: parsed.variables } : { channel, body },
      {
        onSuccess: () => {
          notifications.show({ title: 'Text queued', message: 'It leaves in a moment; its status shows in the timeline.' });
          onDone();
        },
      },
    );
  }

  const placed = ['body', 'contentSid', 'contentVariables', 'channel'];
  const unplaced = Object.entries(server).filter(([f]) => !placed.includes(f.split('.')[0] ?? f));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{phone ? `To ${phone}` : `The ${type} has no phone number yet.`}</Text>
        {send.isError && (Object.keys(server).length === 0 || unplaced.length > 0) && (
          <Alert color="red" role="alert" title="Not sent">
            <Text size="sm">{unplaced.length > 0 ? unplaced.map(([, m]) => m).join(' ') : describeError(send.error)}</Text>
          </Alert>
        )}
        <div>
          <Text size="sm" fw={500} id="text-channel-label">
            Channel
          </Text>
          <SegmentedControl
            aria-labelledby="text-channel-label"
            value={channel}
            onChange={(v) => setChannel(v as Channel)}
            data={[
              { value: 'sms', label: 'SMS' },
              { value: 'whatsapp', label: 'WhatsApp' },
            ]}
          />
        </div>
        {channel === 'whatsapp' && (
          <div>
            <Text size="sm" fw={500} id="text-kind-label">
              Message
            </Text>
            <SegmentedControl
              aria-labelledby="text-kind-label"
              value={mode}
              onChange={(v) => setMode(v as 'text' | 'template')}
              data={[
                { value: 'text', label: 'Text' },
                { value: 'template', label: 'Template' },
              ]}
            />
            <Text size="xs" c="dimmed">
              Outside 24 hours after their last message, WhatsApp delivers approved templates only.
            </Text>
          </div>
        )}
        {template ? (
          <>
            <TextInput
              label="Content SID"
              description="The approved template in Twilio's Content Template Builder"
              placeholder="HX…"
              value={contentSid}
              onChange={(e) => setContentSid(e.currentTarget.value)}
              error={errors.contentSid}
              required
            />
            <Textarea
              label="Variables"
              description="One per line: 1=Ada"
              autosize
              minRows={2}
              value={variables}
              onChange={(e) => setVariables(e.currentTarget.value)}
              error={errors.contentVariables}
            />
          </>
        ) : (
          <Textarea
            label="Message"
            autosize
            minRows={3}
            maxLength={1600}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            description={`${body.length} / 1600`}
            required
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
