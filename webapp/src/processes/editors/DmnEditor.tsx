import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import './editors.css';
import { Badge, Group, UnstyledButton } from '@mantine/core';
import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import { markRefusals, type MarkingServices, type Refusal } from '../refusals';
import type { EditorProps } from './types';

interface Identified {
  id?: string;
}

/** Every id inside a decision's logic: inputs, outputs, rules and their cells. */
function idsOf(view: DmnView): Set<string> {
  const ids = new Set<string>([view.element.id]);
  const logic = view.element.decisionLogic as
    | { id?: string; input?: Identified[]; output?: Identified[]; rule?: (Identified & { inputEntry?: Identified[]; outputEntry?: Identified[] })[] }
    | undefined;
  if (!logic) return ids;
  if (logic.id) ids.add(logic.id);
  for (const item of [...(logic.input ?? []), ...(logic.output ?? [])]) if (item.id) ids.add(item.id);
  for (const rule of logic.rule ?? []) {
    if (rule.id) ids.add(rule.id);
    for (const entry of [...(rule.inputEntry ?? []), ...(rule.outputEntry ?? [])]) if (entry.id) ids.add(entry.id);
  }
  return ids;
}

const CELL = (id: string) => `[data-element-id="${CSS.escape(id)}"], [data-row-id="${CSS.escape(id)}"], [data-col-id="${CSS.escape(id)}"]`;

/** dmn-js: the decision requirements diagram and each decision's table, one view at a time. */
export function DmnEditor({ initial, ref, onProblem, onChange }: EditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<DmnModeler | null>(null);
  const refusalsRef = useRef<Refusal[]>([]);
  const marked = useRef<string[]>([]);
  const [views, setViews] = useState<DmnView[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [refusedViews, setRefusedViews] = useState<Record<string, number>>({});
  const callbacks = useRef({ onProblem, onChange });
  useEffect(() => {
    callbacks.current = { onProblem, onChange };
  });

  /** Marks the refusals in the view that is open: on the DRD canvas, or on the table's cells, rows and columns. */
  function markActive() {
    const modeler = modelerRef.current;
    const root = container.current;
    if (!modeler || !root) return;
    const view = modeler.getActiveView();
    root.querySelectorAll('.sf-refused-cell').forEach((e) => {
      e.classList.remove('sf-refused-cell');
      e.removeAttribute('title');
    });
    if (view?.type === 'drd') {
      const viewer = modeler.getActiveViewer();
      if (!viewer) return;
      marked.current = [];
      markRefusals(
        { canvas: viewer.get('canvas'), overlays: viewer.get('overlays'), elementRegistry: viewer.get('elementRegistry') } as MarkingServices,
        refusalsRef.current,
        marked.current,
      );
      return;
    }
    for (const refusal of refusalsRef.current) {
      if (!refusal.elementId) continue;
      root.querySelectorAll(CELL(refusal.elementId)).forEach((e) => {
        e.classList.add('sf-refused-cell');
        e.setAttribute('title', refusal.reason);
      });
    }
  }

  useEffect(() => {
    if (!container.current) return;
    const modeler = new DmnModeler({ container: container.current, common: { keyboard: { bindTo: window } } });
    modelerRef.current = modeler;
    const viewsChanged = (event: unknown) => {
      const { views: all, activeView } = event as { views: DmnView[]; activeView?: DmnView };
      setViews(all);
      setActive(activeView?.id ?? null);
      setTimeout(markActive, 0);
    };
    modeler.on('views.changed', viewsChanged);
    modeler.on('elements.changed', () => callbacks.current.onChange?.());
    modeler
      .importXML(initial)
      .then(({ warnings }) => {
        // One decision: open its table rather than the diagram.
        const tables = modeler.getViews().filter((v) => v.type !== 'drd');
        if (tables.length === 1 && tables[0]) void modeler.open(tables[0]);
        if (warnings.length > 0) callbacks.current.onProblem?.(`Opened with ${warnings.length} warning(s).`);
      })
      .catch((error: unknown) => callbacks.current.onProblem?.(`The decision cannot be opened: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      modeler.destroy();
      modelerRef.current = null;
    };
  }, [initial]);

  function viewFor(elementId: string): DmnView | undefined {
    const all = modelerRef.current?.getViews() ?? [];
    return all.find((v) => v.element.id === elementId && v.type !== 'drd') ?? all.find((v) => v.type !== 'drd' && idsOf(v).has(elementId));
  }

  useImperativeHandle(
    ref,
    () => ({
      async content() {
        const modeler = modelerRef.current;
        if (!modeler) return initial;
        const { xml } = await modeler.saveXML({ format: true });
        return xml;
      },
      showRefusals(refusals) {
        refusalsRef.current = refusals;
        const byView: Record<string, number> = {};
        const unplaced: Refusal[] = [];
        for (const refusal of refusals) {
          const view = refusal.elementId ? viewFor(refusal.elementId) : undefined;
          if (view) byView[view.element.id] = (byView[view.element.id] ?? 0) + 1;
          else unplaced.push(refusal);
        }
        setRefusedViews(byView);
        markActive();
        return unplaced;
      },
      select(elementId) {
        const modeler = modelerRef.current;
        const view = viewFor(elementId);
        if (!modeler || !view) return false;
        void modeler.open(view).then(() =>
          setTimeout(() => {
            markActive();
            container.current?.querySelector(CELL(elementId))?.scrollIntoView({ block: 'center' });
          }, 0),
        );
        return true;
      },
    }),
    [initial],
  );

  return (
    <div className="sf-canvas">
      {views.length > 1 && (
        <Group gap={4} p={6} style={{ borderBottom: '1px solid #ddd' }} role="tablist" aria-label="Views">
          {views.map((view) => (
            <UnstyledButton
              key={view.id}
              role="tab"
              aria-selected={view.id === active}
              onClick={() => void modelerRef.current?.open(view)}
              px={8}
              py={2}
              style={{ borderRadius: 4, fontSize: 13, background: view.id === active ? '#e7f5ff' : undefined }}
            >
              {view.type === 'drd' ? 'Diagram' : (view.element.name ?? view.element.id)}
              {refusedViews[view.element.id] ? (
                <Badge ml={4} size="xs" color="red">
                  {refusedViews[view.element.id]}
                </Badge>
              ) : null}
            </UnstyledButton>
          ))}
        </Group>
      )}
      <div className="sf-single" ref={container} aria-label="Decision" />
    </div>
  );
}
