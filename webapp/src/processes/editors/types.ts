import type { Ref } from 'react';
import type { Refusal } from '../refusals';

/** What the modeler page asks of an editor (BPMN, DMN or form), whichever is loaded. */
export interface EditorHandle {
  /** The file's content as it stands in the editor. */
  content(): Promise<string>;
  /** Puts the refusals on their elements (replacing earlier ones); returns those not on any element. */
  showRefusals(refusals: Refusal[]): Refusal[];
  /** Selects the element and brings it into view; false when the editor has no such element. */
  select(elementId: string): boolean;
}

export interface EditorProps {
  /** The file to open (XML, or a form's JSON). */
  initial: string;
  ref?: Ref<EditorHandle>;
  /** The file could not be opened, or opened with warnings. */
  onProblem?(message: string): void;
  /** Something was changed in the editor. */
  onChange?(): void;
}
