import { Checkbox, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { ApiError, describeError } from '../../api/problem';
import type { FieldDef } from '../config';

export type FormValues = Record<string, unknown>;
export type FormErrors = Record<string, string>;

/** The fields a form misses before it is sent: each required one left blank. */
export function missingRequired(fields: FieldDef[], values: FormValues): FormErrors {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return Object.fromEntries(fields.filter((f) => f.required && blank(values[f.key])).map((f) => [f.key, 'Required.']));
}

/**
 * The errors of a refused request by field key, for the fields of the form; `prefix` strips a part's name
 * (`contact.email` → `email`). Errors of fields the form does not show are left for the caller to show.
 */
export function errorsOf(error: unknown, fields: FieldDef[], prefix = ''): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const byField = error.fieldErrors();
  return Object.fromEntries(
    fields.map((f) => [f.key, byField[prefix + f.key]] as const).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** What a refused request says about fields the form does not show (`contact.phone: …`), or its general message. */
export function elsewhereMessage(error: unknown, shown: FormErrors): string | null {
  const elsewhere =
    error instanceof ApiError
      ? Object.entries(error.fieldErrors())
          .filter(([field]) => !shown[field])
          .map(([field, message]) => `${field}: ${message}`)
      : [];
  if (elsewhere.length > 0) return elsewhere.join(' ');
  return Object.keys(shown).length === 0 ? describeError(error) : null;
}

/** A flat form as a request body: blank values left out, `customFields.x` nested. */
export function bodyOf(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const [head, tail] = key.split('.', 2) as [string, string | undefined];
    if (tail === undefined) body[head] = typeof value === 'string' ? value.trim() : value;
    else body[head] = { ...((body[head] as Record<string, unknown> | undefined) ?? {}), [tail]: typeof value === 'string' ? value.trim() : value };
  }
  return body;
}

/** Focuses the first field (in form order) that has an error. */
export function useFirstErrorFocus() {
  const inputs = useRef<Record<string, HTMLElement | null>>({});
  return {
    ref: (key: string) => (element: HTMLElement | null) => {
      inputs.current[key] = element;
    },
    focusFirst: (fields: FieldDef[], errors: FormErrors) => {
      const first = fields.find((f) => errors[f.key]);
      if (first) inputs.current[first.key]?.focus();
    },
  };
}

/** A form's fields, each labelled, with its error under it; `inputRef` lets the form focus the first one to fix. */
export function FormFields({
  fields,
  values,
  errors,
  onChange,
  inputRef,
}: {
  fields: FieldDef[];
  values: FormValues;
  errors: FormErrors;
  onChange: (key: string, value: unknown) => void;
  inputRef: (key: string) => (element: HTMLElement | null) => void;
}) {
  return (
    <Stack gap="sm">
      {fields.map((field) => {
        const value = values[field.key];
        const common = {
          label: field.label,
          required: field.required,
          error: errors[field.key],
        };
        switch (field.kind) {
          case 'number':
            return (
              <NumberInput
                key={field.key}
                {...common}
                ref={inputRef(field.key)}
                value={typeof value === 'number' || typeof value === 'string' ? value : ''}
                onChange={(v) => onChange(field.key, v === '' ? undefined : v)}
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={field.key}
                label={field.label}
                error={errors[field.key]}
                ref={inputRef(field.key)}
                checked={value === true}
                onChange={(e) => onChange(field.key, e.currentTarget.checked)}
              />
            );
          case 'select':
          case 'stage':
            return (
              <NativeSelect
                key={field.key}
                {...common}
                ref={inputRef(field.key)}
                data={[{ value: '', label: '—' }, ...(field.options ?? [])]}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value || undefined)}
              />
            );
          case 'textarea':
            return (
              <Textarea
                key={field.key}
                {...common}
                ref={inputRef(field.key)}
                autosize
                minRows={2}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
              />
            );
          default:
            return (
              <TextInput
                key={field.key}
                {...common}
                ref={inputRef(field.key)}
                type={field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text'}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
              />
            );
        }
      })}
    </Stack>
  );
}
