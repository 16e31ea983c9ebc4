import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import './editors.css';
import { FormEditor as FormJsEditor } from '@bpmn-io/form-js-editor';
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { Refusal } from '../refusals';
import type { EditorProps } from './types';

type Schema = Parameters<FormJsEditor['importSchema']>[0];

const FIELD = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/** The form-js editor for Camunda Forms (the `.form` files user tasks and start events name). */
export function FormEditor({ initial, ref, onProblem, onChange }: EditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<FormJsEditor | null>(null);
  const callbacks = useRef({ onProblem, onChange });
  useEffect(() => {
    callbacks.current = { onProblem, onChange };
  });

  useEffect(() => {
    if (!container.current) return;
    const editor = new FormJsEditor({ container: container.current });
    editorRef.current = editor;
    editor.on('changed', () => callbacks.current.onChange?.());
    let schema: Schema;
    try {
      schema = JSON.parse(initial) as Schema;
    } catch {
      callbacks.current.onProblem?.('The form is not valid JSON.');
      return () => editor.destroy();
    }
    editor
      .importSchema(schema)
      .then(({ warnings }) => {
        if (warnings.length > 0) callbacks.current.onProblem?.(`Opened with ${warnings.length} warning(s).`);
      })
      .catch((error: unknown) => callbacks.current.onProblem?.(`The form cannot be opened: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
  }, [initial]);

  function fieldOf(id: string): unknown {
    return editorRef.current?.get<{ get(id: string): unknown }>('formFieldRegistry').get(id);
  }

  useImperativeHandle(
    ref,
    () => ({
      async content() {
        const editor = editorRef.current;
        return editor ? `${JSON.stringify(editor.saveSchema(), null, 2)}\n` : initial;
      },
      showRefusals(refusals) {
        const root = container.current;
        root?.querySelectorAll('.sf-refused-cell').forEach((e) => {
          e.classList.remove('sf-refused-cell');
          e.removeAttribute('title');
        });
        const unplaced: Refusal[] = [];
        for (const refusal of refusals) {
          const element = refusal.elementId && fieldOf(refusal.elementId) ? root?.querySelector(FIELD(refusal.elementId)) : null;
          if (!element) {
            unplaced.push(refusal);
            continue;
          }
          element.classList.add('sf-refused-cell');
          element.setAttribute('title', refusal.reason);
        }
        return unplaced;
      },
      select(elementId) {
        const field = fieldOf(elementId);
        if (!field || !editorRef.current) return false;
        editorRef.current.get<{ set(field: unknown): void }>('selection').set(field);
        container.current?.querySelector(FIELD(elementId))?.scrollIntoView({ block: 'center' });
        return true;
      },
    }),
    [initial],
  );

  return <div className="sf-canvas sf-single" ref={container} aria-label="Form" />;
}
