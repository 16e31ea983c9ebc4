import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorState, LoadingRows } from '../common/states';
import { FormError, fieldErrorsOf } from './common';
import { useDuplicateSettings, useSaveDuplicateSettings, type DuplicateSettings } from './queries';

const SIGNALS = [
  { key: 'email', label: 'Same email' },
  { key: 'phone', label: 'Same phone' },
  { key: 'name', label: 'Similar name' },
  { key: 'domain', label: 'Same company domain' },
] as const;

/** How Salesflow finds possible duplicates when records are created. */
export function DuplicateSettingsPage() {
  const settings = useDuplicateSettings();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        Duplicate detection
      </Title>
      {settings.isPending ? (
        <LoadingRows label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.version} current={settings.data} />
      )}
    </Stack>
  );
}

const FIELDS = ['personNameThreshold', 'companyNameThreshold', 'candidateThreshold', 'signals', 'gmailDots', 'plusTags', 'defaultRegion'];

function SettingsForm({ current }: { current: DuplicateSettings }) {
  const save = useSaveDuplicateSettings();
  const [form, setForm] = useState({
    personNameThreshold: current.personNameThreshold ?? 0,
    companyNameThreshold: current.companyNameThreshold ?? 0,
    candidateThreshold: current.candidateThreshold ?? 0,
    gmailDots: Boolean(current.gmailDots),
    plusTags: Boolean(current.plusTags),
    defaultRegion: current.defaultRegion ?? '',
    signals: {
      email: Boolean(current.signals?.email),
      phone: Boolean(current.signals?.phone),
      name: Boolean(current.signals?.name),
      domain: Boolean(current.signals?.domain),
    },
  });
  const errors = fieldErrorsOf(save.error);
  const number = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { current, body: { ...form, defaultRegion: form.defaultRegion.trim() } },
      { onSuccess: () => notifications.show({ color: 'green', title: 'Saved', message: 'Duplicate detection settings saved.' }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <Checkbox.Group label="Signals" description="What makes two records look alike" error={errors.signals}>
          <Stack gap={6} mt="xs">
            {SIGNALS.map((s) => (
              <Checkbox
                key={s.key}
                label={s.label}
                checked={form.signals[s.key]}
                onChange={(e) => setForm({ ...form, signals: { ...form.signals, [s.key]: e.currentTarget.checked } })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label="Person name threshold"
          description="Similarity (0–1) from which two person names count as alike"
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={form.personNameThreshold}
          onChange={(v) => setForm({ ...form, personNameThreshold: number(v) })}
          error={errors.personNameThreshold}
        />
        <NumberInput
          label="Company name threshold"
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={form.companyNameThreshold}
          onChange={(v) => setForm({ ...form, companyNameThreshold: number(v) })}
          error={errors.companyNameThreshold}
        />
        <NumberInput
          label="Candidate threshold"
          description="Overall similarity from which a pair is listed as a possible duplicate"
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={form.candidateThreshold}
          onChange={(v) => setForm({ ...form, candidateThreshold: number(v) })}
          error={errors.candidateThreshold}
        />
        <Checkbox
          label="Ignore dots in Gmail addresses"
          checked={form.gmailDots}
          onChange={(e) => setForm({ ...form, gmailDots: e.currentTarget.checked })}
        />
        <Checkbox
          label="Ignore +tags in email addresses"
          checked={form.plusTags}
          onChange={(e) => setForm({ ...form, plusTags: e.currentTarget.checked })}
        />
        <TextInput
          label="Default phone region"
          description="Two-letter country code for numbers without one, e.g. US"
          value={form.defaultRegion}
          onChange={(e) => setForm({ ...form, defaultRegion: e.currentTarget.value })}
          error={errors.defaultRegion}
          maw={200}
        />
        <Text size="xs" c="dimmed">
          Changes apply to records created from now on.
        </Text>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
