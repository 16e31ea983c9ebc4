import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Button, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import './form-js.css';

type Schema = Parameters<Form['importSchema']>[0];
type Values = Record<string, unknown>;

interface FormComponent {
  id?: string;
  key?: string;
  components?: FormComponent[];
}

/** The form's field ids by their keys (the names the server reports errors under), nested fields included. */
function idsByKey(components: FormComponent[] | undefined, into: Record<string, string> = {}): Record<string, string> {
  for (const component of components ?? []) {
    if (component.key && component.id) into[component.key] = component.id;
    idsByKey(component.components, into);
  }
  return into;
}

/** The cursor goes to the first field form-js marks as wrong. */
function focusFirstError(container: HTMLElement | null) {
  container
    ?.querySelector('.fjs-has-errors')
    ?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, [tabindex="0"]')
    ?.focus();
}

interface Props {
  /** The task's form (form-js JSON) as the server gives it. */
  schema: unknown;
  /** Errors the server found, by field key. */
  serverErrors: Record<string, string>;
  submitting: boolean;
  disabled?: boolean;
  onSubmit(values: Values): void;
}

/** The task's Camunda Form rendered by form-js; checked by form-js first, then by the server on completion. */
export function TaskForm({ schema, serverErrors, submitting, disabled = false, onSubmit }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = new Form({ container: container.current });
    form.current = instance;
    void instance.importSchema(schema as Schema);
    return () => {
      instance.destroy();
      form.current = null;
    };
  }, [schema]);

  useEffect(() => {
    form.current?.setProperty('disabled', disabled || submitting);
  }, [disabled, submitting]);

  useEffect(() => {
    const instance = form.current;
    if (!instance || Object.keys(serverErrors).length === 0) return;
    const ids = idsByKey((schema as { components?: FormComponent[] }).components);
    const errors: Record<string, string[]> = {};
    for (const [key, message] of Object.entries(serverErrors)) {
      const id = ids[key];
      if (id) errors[id] = [message];
    }
    instance._setState({ errors });
    // After form-js has drawn the errors: the cursor goes to the first field to fix.
    const timer = setTimeout(() => focusFirstError(container.current), 0);
    return () => clearTimeout(timer);
  }, [serverErrors, schema]);

  function complete() {
    const instance = form.current;
    if (!instance) return;
    const { data, errors } = instance.submit();
    if (Object.keys(errors).length > 0) {
      setTimeout(() => focusFirstError(container.current), 0);
      return;
    }
    onSubmit(data as Values);
  }

  return (
    <div>
      <div ref={container} className="salesflow-form" />
      <Group justify="flex-end" mt="md">
        <Button onClick={complete} loading={submitting} disabled={disabled}>
          Complete task
        </Button>
      </Group>
    </div>
  );
}
