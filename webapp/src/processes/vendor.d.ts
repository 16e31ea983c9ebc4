// bpmn.io packages without type declarations, as far as the editors use them.

declare module 'bpmn-js-properties-panel' {
  const modules: { __init__?: string[]; [name: string]: unknown };
  export const BpmnPropertiesPanelModule: typeof modules;
  export const BpmnPropertiesProviderModule: typeof modules;
  export const CamundaPlatformPropertiesProviderModule: typeof modules;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: { __init__?: string[]; [name: string]: unknown };
  export default module;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    id: string;
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    name?: string;
    element: { id: string; name?: string; decisionLogic?: unknown; $type: string };
  }
  export interface DmnViewer {
    get<T = unknown>(name: string): T;
  }
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: (event: unknown) => void): void;
    off(event: string, callback: (event: unknown) => void): void;
    destroy(): void;
  }
}
