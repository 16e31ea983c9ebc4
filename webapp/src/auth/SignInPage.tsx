import { useRef, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { ApiError, type LoginRequest } from '../api/client';

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
  /** Shown above the form, e.g. after the session expired. */
  notice?: string | undefined;
}

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

function describeFailure(error: unknown): { message: string; fieldErrors: FieldErrors } {
  if (!(error instanceof ApiError)) {
    return { message: 'Something went wrong. Please try again.', fieldErrors: {} };
  }
  const fieldErrors: FieldErrors = {};
  for (const { field, message } of error.problem.errors ?? []) {
    if (isField(field) && !fieldErrors[field]) fieldErrors[field] = message;
  }
  return { message: error.message, fieldErrors };
}

export function SignInPage({ onSignIn, notice }: Props) {
  const [values, setValues] = useState<LoginRequest>({ tenant: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  function focusFirstInvalid(errors: FieldErrors) {
    const first = FIELDS.find((field) => errors[field]);
    if (first) inputs.current[first]?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials: LoginRequest = { ...values, tenant: values.tenant.trim(), email: values.email.trim() };

    const missing: FieldErrors = {};
    for (const field of FIELDS) if (!credentials[field]) missing[field] = REQUIRED[field];
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setFormError(null);
      focusFirstInvalid(missing);
      return;
    }

    setSubmitting(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await onSignIn(credentials);
    } catch (error) {
      const failure = describeFailure(error);
      setFieldErrors(failure.fieldErrors);
      setFormError(failure.message);
      setValues((current) => ({ ...current, password: '' }));
      focusFirstInvalid(failure.fieldErrors);
      setSubmitting(false);
    }
  }

  function input(field: Field, label: string, props: InputHTMLAttributes<HTMLInputElement>, hint?: string) {
    const id = `signin-${field}`;
    const error = fieldErrors[field];
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        <input
          id={id}
          name={field}
          ref={(element) => {
            inputs.current[field] = element;
          }}
          value={values[field]}
          onChange={(event) => {
            const value = event.target.value;
            setValues((current) => ({ ...current, [field]: value }));
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...props}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <main className="signin">
      <div className="signin-card">
        <header className="signin-header">
          <span className="brand" aria-hidden="true">
            Salesflow
          </span>
          <h1>Sign in to Salesflow</h1>
        </header>

        {notice && !formError && <p className="notice">{notice}</p>}

        <div className="form-error" aria-live="assertive" aria-atomic="true">
          {formError && <p role="alert">{formError}</p>}
        </div>

        <form onSubmit={handleSubmit} noValidate aria-busy={submitting} aria-label="Sign in">
          {input(
            'tenant',
            'Workspace',
            { type: 'text', autoComplete: 'organization', autoCapitalize: 'none', spellCheck: false },
            'Your company’s Salesflow name, e.g. acme',
          )}
          {input('email', 'Email', { type: 'email', autoComplete: 'username', inputMode: 'email' })}
          {input('password', 'Password', { type: 'password', autoComplete: 'current-password' })}
          <button type="submit" className="primary" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
