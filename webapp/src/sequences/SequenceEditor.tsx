import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { useMe } from '../auth/SessionProvider';
import { useEmailTemplates } from '../email/queries';
import { useSaveSequence, type Sequence, type SequenceInput, type SequenceStepInput } from './queries';

const KINDS = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp template' },
  { value: 'task', label: 'Rep task' },
  { value: 'wait', label: 'Wait' },
];
const SENDING: string[] = ['email', 'sms', 'whatsapp'];
type Kind = SequenceStepInput['kind'];
const RULES = [
  { key: 'reply', label: 'A reply stops it' },
  { key: 'bounce', label: 'A bounce stops it' },
  { key: 'unsubscribe', label: 'An unsubscribe stops it' },
  { key: 'meeting', label: 'A booked meeting stops it' },
] as const;

function fromSequence(sequence?: Sequence): SequenceInput {
  return {
    name: sequence?.name ?? '',
    senderId: sequence?.senderId ?? '',
    mailboxId: sequence?.mailboxId,
    allowConcurrent: sequence?.allowConcurrent ?? false,
    stopRules: sequence?.stopRules ?? { reply: true, bounce: true, unsubscribe: true, meeting: true },
    steps: (sequence?.steps ?? [{ kind: 'email', waitFor: 'P2D', variants: [{ weight: 1 }] }]).map((s) => ({
      kind: (s.kind ?? 'wait') as Kind,
      waitFor: s.waitFor ?? 'P2D',
      taskName: s.taskName ?? undefined,
      variants: (s.variants ?? []).map((v) => ({
        weight: v.weight ?? 1,
        emailTemplateId: v.emailTemplateId ?? undefined,
        smsBody: v.smsBody ?? undefined,
        whatsappContentSid: v.whatsappContentSid ?? undefined,
      })),
    })),
  };
}

/** The whole of a sequence in one form: steps in order, each with its variants; server errors show on their fields. */
export function SequenceEditor({ sequence, onDone }: { sequence?: Sequence; onDone: (saved: Sequence) => void }) {
  const me = useMe();
  const templates = useEmailTemplates();
  const save = useSaveSequence();
  const [form, setForm] = useState<SequenceInput>(() => fromSequence(sequence));
  const errors = fieldErrorsOf(save.error);
  const templateOptions = (templates.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: t.name ?? '' }));

  function setStep(index: number, step: SequenceStepInput) {
    setForm({ ...form, steps: form.steps.map((s, i) => (i === index ? step : s)) });
  }

  function changeKind(index: number, kind: Kind) {
    const step = form.steps[index];
    if (!step) return;
    setStep(index, {
      kind,
      waitFor: step.waitFor,
      taskName: kind === 'task' ? (step.taskName ?? '') : undefined,
      variants: SENDING.includes(kind) ? [{ weight: 1 }] : [],
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { ...form, senderId: form.senderId || (me.id ?? '') };
    save.mutate({ id: sequence?.id, version: sequence?.version, body }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={Object.keys(errors)} />
        <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} />
        <Text size="sm" c="dimmed">
          Sends go out in the working hours of {sequence ? 'the sequence sender' : 'you, the sender'}.
        </Text>
        {errors.senderId && <Text c="red" size="sm">{errors.senderId}</Text>}
        <Checkbox
          label="Allow records in another active sequence of the same mailbox"
          checked={form.allowConcurrent}
          onChange={(e) => setForm({ ...form, allowConcurrent: e.currentTarget.checked })}
        />
        <Group gap="md" wrap="wrap">
          {RULES.map((rule) => (
            <Checkbox
              key={rule.key}
              label={rule.label}
              checked={form.stopRules[rule.key]}
              onChange={(e) => setForm({ ...form, stopRules: { ...form.stopRules, [rule.key]: e.currentTarget.checked } })}
            />
          ))}
        </Group>
        {errors.steps && <Text c="red" size="sm">{errors.steps}</Text>}
        {form.steps.map((step, i) => (
          <Paper key={i} withBorder p="sm" component="fieldset" aria-label={`Step ${i + 1}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>Step {i + 1}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove step ${i + 1}`}
                  onClick={() => setForm({ ...form, steps: form.steps.filter((_, j) => j !== i) })}
                >
                  ×
                </ActionIcon>
              </Group>
              <Group grow wrap="wrap">
                <Select
                  label={`Step ${i + 1} kind`}
                  data={KINDS}
                  value={step.kind}
                  allowDeselect={false}
                  onChange={(kind) => {
                    if (typeof kind === 'string') changeKind(i, kind as Kind);
                  }}
                  error={errors[`steps[${i}].kind`]}
                />
                <TextInput
                  label={`Step ${i + 1} wait for an answer`}
                  description="Business time: P2D two working days, PT4H four working hours"
                  value={step.waitFor}
                  onChange={(e) => setStep(i, { ...step, waitFor: e.currentTarget.value })}
                  error={errors[`steps[${i}].waitFor`]}
                />
              </Group>
              {step.kind === 'task' && (
                <TextInput
                  label={`Step ${i + 1} task`}
                  value={step.taskName ?? ''}
                  onChange={(e) => setStep(i, { ...step, taskName: e.currentTarget.value })}
                  error={errors[`steps[${i}].taskName`]}
                />
              )}
              {errors[`steps[${i}].variants`] && <Text c="red" size="sm">{errors[`steps[${i}].variants`]}</Text>}
              {(step.variants ?? []).map((variant, v) => {
                const label = `Step ${i + 1} variant ${String.fromCharCode(65 + v)}`;
                const at = `steps[${i}].variants[${v}]`;
                const setVariant = (changed: typeof variant) =>
                  setStep(i, { ...step, variants: (step.variants ?? []).map((x, k) => (k === v ? changed : x)) });
                return (
                  <Group key={v} grow wrap="wrap" align="flex-start">
                    {step.kind === 'email' && (
                      <Select
                        label={`${label} template`}
                        placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
                        data={templateOptions}
                        value={variant.emailTemplateId ?? null}
                        onChange={(t) => setVariant({ ...variant, emailTemplateId: typeof t === 'string' ? t : undefined })}
                        error={errors[`${at}.emailTemplateId`] ?? (templates.isError ? 'Templates could not be loaded' : undefined)}
                      />
                    )}
                    {step.kind === 'sms' && (
                      <Textarea
                        label={`${label} text`}
                        value={variant.smsBody ?? ''}
                        onChange={(e) => setVariant({ ...variant, smsBody: e.currentTarget.value })}
                        error={errors[`${at}.smsBody`]}
                      />
                    )}
                    {step.kind === 'whatsapp' && (
                      <TextInput
                        label={`${label} content SID`}
                        value={variant.whatsappContentSid ?? ''}
                        onChange={(e) => setVariant({ ...variant, whatsappContentSid: e.currentTarget.value })}
                        error={errors[`${at}.whatsappContentSid`]}
                      />
                    )}
                    <NumberInput
                      label={`${label} weight`}
                      min={1}
                      max={100}
                      value={variant.weight ?? 1}
                      onChange={(w) => setVariant({ ...variant, weight: typeof w === 'number' ? w : 1 })}
                      error={errors[`${at}.weight`]}
                    />
                  </Group>
                );
              })}
              {SENDING.includes(step.kind) && (step.variants ?? []).length < 5 && (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setStep(i, { ...step, variants: [...(step.variants ?? []), { weight: 1 }] })}
                >
                  Add a variant to step {i + 1}
                </Button>
              )}
            </Stack>
          </Paper>
        ))}
        <Group wrap="wrap">
          <Button
            variant="default"
            onClick={() => setForm({ ...form, steps: [...form.steps, { kind: 'wait', waitFor: 'P2D', variants: [] }] })}
          >
            Add a step
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save sequence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
