import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, describeError, unwrap } from '../api/problem';
import { useApi } from '../app/ApiContext';
import { useMe } from '../auth/SessionProvider';
import { formatMoment } from '../common/format';

function useChangePassword() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(client.PUT('/api/v1/me/password', { body })),
  });
}

/** Who you are in this workspace, and your password. */
export function ProfilePage() {
  const me = useMe();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        Your profile
      </Title>
      <Card withBorder padding="lg">
        <Stack gap={4}>
          <Text fw={600}>{me.displayName}</Text>
          <Text size="sm">
            {me.email} · workspace {me.tenant}
          </Text>
          <Group gap="xs" mt="xs" aria-label="Your roles">
            {(me.roles ?? []).map((role) => (
              <Badge key={role} variant="light">
                {role.replace(/_/g, ' ')}
              </Badge>
            ))}
          </Group>
          {(me.teams ?? []).length > 0 && (
            <Text size="sm" mt="xs">
              Teams: {(me.teams ?? []).map((t) => t.name).join(', ')}
            </Text>
          )}
        </Stack>
      </Card>
      <ChangePasswordForm />
    </Stack>
  );
}

function ChangePasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const current = useRef<HTMLInputElement>(null);
  const next = useRef<HTMLInputElement>(null);
  const again = useRef<HTMLInputElement>(null);
  const errors = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  const throttled = change.error instanceof ApiError && change.error.status === 429 ? change.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== repeat) {
      setMismatch(true);
      again.current?.focus();
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setRepeat('');
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: 'You stay signed in here; everywhere else you sign in again with the new password.',
          });
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fieldErrors() : {};
          if (fields.currentPassword) current.current?.focus();
          else if (fields.newPassword) next.current?.focus();
        },
      },
    );
  }

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate aria-labelledby="change-password">
        <Stack gap="sm">
          <Title order={2} size="h4" id="change-password">
            Change password
          </Title>
          <Text size="sm">
            Every other session of yours ends when you change it: a phone or browser left signed in asks for the new
            password.
          </Text>
          {throttled && (
            <Alert color="yellow" role="alert" title="Too many wrong passwords">
              {(() => {
                const at = throttled.retryAt();
                return at ? `Try again after ${formatMoment(at)}.` : 'Please wait a little and try again.';
              })()}
            </Alert>
          )}
          {change.error && !throttled && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert" title="Not changed">
              {describeError(change.error)}
            </Alert>
          )}
          <PasswordInput
            ref={current}
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            ref={next}
            label="New password"
            description="At least 10 characters; not your email, not a common password."
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            ref={again}
            label="New password again"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? 'Does not match the new password.' : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
