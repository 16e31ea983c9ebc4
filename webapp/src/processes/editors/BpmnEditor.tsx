import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './editors.css';
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { useEffect, useImperativeHandle, useRef } from 'react';
import { markRefusals, type MarkingServices } from '../refusals';
import type { EditorProps } from './types';

interface Selection {
  select(element: unknown): void;
}
interface Canvas {
  scrollToElement(element: unknown): void;
}

/** bpmn-js with the Camunda 7 properties panel (camunda-bpmn-moddle and the Camunda 7 modeling behaviours). */
export function BpmnEditor({ initial, ref, onProblem, onChange }: EditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const marked = useRef<string[]>([]);
  const callbacks = useRef({ onProblem, onChange });
  useEffect(() => {
    callbacks.current = { onProblem, onChange };
  });

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const modeler = new Modeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule,
      ],
      moddleExtensions: { camunda: camundaModdle },
    });
    modelerRef.current = modeler;
    marked.current = [];
    modeler.on('commandStack.changed', () => callbacks.current.onChange?.());
    modeler
      .importXML(initial)
      .then(({ warnings }) => {
        (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        if (warnings.length > 0) callbacks.current.onProblem?.(`Opened with ${warnings.length} warning(s).`);
      })
      .catch((error: unknown) => callbacks.current.onProblem?.(`The diagram cannot be opened: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      modeler.destroy();
      modelerRef.current = null;
    };
  }, [initial]);

  useImperativeHandle(
    ref,
    () => ({
      async content() {
        const modeler = modelerRef.current;
        if (!modeler) return initial;
        const { xml } = await modeler.saveXML({ format: true });
        return xml ?? initial;
      },
      showRefusals(refusals) {
        const modeler = modelerRef.current;
        if (!modeler) return refusals;
        const services: MarkingServices = {
          canvas: modeler.get('canvas'),
          overlays: modeler.get('overlays'),
          elementRegistry: modeler.get('elementRegistry'),
        };
        return markRefusals(services, refusals, marked.current);
      },
      select(elementId) {
        const modeler = modelerRef.current;
        const element = modeler?.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
        if (!modeler || !element) return false;
        modeler.get<Selection>('selection').select(element);
        modeler.get<Canvas>('canvas').scrollToElement(element);
        return true;
      },
    }),
    [initial],
  );

  return (
    <div className="sf-canvas sf-modeler">
      <div className="sf-canvas-area" ref={canvasRef} aria-label="BPMN diagram" />
      <div className="sf-properties" ref={panelRef} aria-label="Properties" />
    </div>
  );
}
