import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../api/problem';
import type { LoginRequest } from '../api/types';
import { formatMoment } from '../common/format';

type Field = keyof LoginRequest;
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['tenant', 'email', 'password'];

const REQUIRED: Record<Field, string> = {
  tenant: 'Enter your workspace.',
  email: 'Enter your email address.',
  password: 'Enter your password.',
};

interface Props {
  onSignIn(credentials: LoginRequest): Promise<void>;
  /** Shown above the form, e.g. after the session ended. */
  notice?: string | undefined;
}

interface Failure {
  message: string;
  fieldErrors: FieldErrors;
  /** The field to put the cursor in: the first wrong one, else the password for another try. */
  focus: Field | null;
}

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/** What went wrong, in words for the person signing in: no field ids, times in their time zone. */
export function describeSignInFailure(error: unknown, now: Date = new Date()): Failure {
  if (!(error instanceof ApiError)) {
    return { message: 'Something went wrong. Please try again.', fieldErrors: {}, focus: null };
  }
  const fieldErrors: FieldErrors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    if (isField(field)) fieldErrors[field] = message;
  }
  const first = FIELDS.find((field) => fieldErrors[field]) ?? null;
  if (first) return { message: 'Please check the highlighted fields.', fieldErrors, focus: first };

  const retryAt = error.retryAt(now.getTime());
  const later = retryAt ? ` Try again after ${formatMoment(retryAt, now)}.` : ' Please wait a little and try again.';
  switch (true) {
    case error.status === 0:
      return { message: error.message, fieldErrors, focus: null };
    case error.status === 429 || error.status === 423 || error.kind === 'account-locked':
      return {
        message: `Too many sign-in attempts for now.${later}`,
        fieldErrors,
        focus: null,
      };
    case error.status === 401:
      return {
        message: 'The workspace, email or password is not right. Check them and try again.',
        fieldErrors,
        focus: 'password',
      };
    case error.status === 403:
      return { message: error.problem.detail ?? 'This account cannot sign in here.', fieldErrors, focus: null };
    case error.status >= 500:
      return { message: 'Salesflow could not sign you in just now. Please try again in a moment.', fieldErrors, focus: null };
    default:
      return { message: error.problem.detail ?? 'Signing in did not work. Please try again.', fieldErrors, focus: 'password' };
  }
}

export function SignInPage({ onSignIn, notice }: Props) {
  const [values, setValues] = useState<LoginRequest>({ tenant: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  function focus(field: Field | null) {
    if (field) inputs.current[field]?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials: LoginRequest = { ...values, tenant: values.tenant.trim(), email: values.email.trim() };

    const missing: FieldErrors = {};
    for (const field of FIELDS) if (!credentials[field]) missing[field] = REQUIRED[field];
    const firstMissing = FIELDS.find((field) => missing[field]);
    if (firstMissing) {
      setFieldErrors(missing);
      setFormError(null);
      focus(firstMissing);
      return;
    }

    setSubmitting(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await onSignIn(credentials);
    } catch (error) {
      const failure = describeSignInFailure(error);
      setFieldErrors(failure.fieldErrors);
      setFormError(failure.message);
      setValues((current) => ({ ...current, password: '' }));
      setSubmitting(false);
      // After the re-render: the password field is empty and enabled again.
      setTimeout(() => focus(failure.focus), 0);
    }
  }

  const bind = (field: Field) => ({
    name: field,
    ref: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
    },
    error: fieldErrors[field],
  });

  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w="100%" maw={420}>
        <Stack gap="md">
          <div>
            <Text fw={700} c="brand" aria-hidden="true">
              Salesflow
            </Text>
            <Title order={1} size="h2">
              Sign in to Salesflow
            </Title>
          </div>

          {notice && !formError && (
            <Alert color="blue" variant="light">
              {notice}
            </Alert>
          )}

          <div aria-live="assertive" aria-atomic="true">
            {formError && (
              <Alert color="red" variant="light" role="alert">
                {formError}
              </Alert>
            )}
          </div>

          <form onSubmit={handleSubmit} noValidate aria-busy={submitting} aria-label="Sign in">
            <Stack gap="sm">
              <TextInput
                label="Workspace"
                description="Your company’s Salesflow name, e.g. acme"
                autoComplete="organization"
                autoCapitalize="none"
                spellCheck={false}
                {...bind('tenant')}
              />
              <TextInput label="Email" type="email" autoComplete="username" inputMode="email" {...bind('email')} />
              <PasswordInput label="Password" autoComplete="current-password" {...bind('password')} />
              <Button type="submit" loading={submitting} fullWidth mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
