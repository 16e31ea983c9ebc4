import type { ModelKind } from './model';

function suffix(): string {
  return Math.random().toString(36).slice(2, 9);
}

/** A new executable process with a start event, for the Camunda 7 engine. */
function bpmn(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${suffix()}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Salesflow">
  <bpmn:process id="${key}" name="${key}" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="StartEvent_1" name="Start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${key}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A new decision table with one input and one output. */
function dmn(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_${suffix()}" name="${key}" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${key}" name="${key}" camunda:historyTimeToLive="P180D">
    <decisionTable id="DecisionTable_${suffix()}">
      <input id="Input_1" label="Input">
        <inputExpression id="InputExpression_1" typeRef="string">
          <text></text>
        </inputExpression>
      </input>
      <output id="Output_1" label="Output" name="output" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram>
      <dmndi:DMNShape dmnElementRef="${key}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}

/** A new Camunda Form (form-js schema) with no fields yet. */
function form(key: string): string {
  return `${JSON.stringify({ id: key, type: 'default', components: [], schemaVersion: 16, executionPlatform: 'Camunda Platform', executionPlatformVersion: '7.24.0' }, null, 2)}\n`;
}

export function newKey(kind: ModelKind): string {
  return `${kind === 'bpmn' ? 'process' : kind === 'dmn' ? 'decision' : 'form'}-${suffix()}`;
}

export function template(kind: ModelKind, key: string): string {
  return kind === 'bpmn' ? bpmn(key) : kind === 'dmn' ? dmn(key) : form(key);
}
