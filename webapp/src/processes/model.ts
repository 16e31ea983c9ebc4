// What the process pages read out of the API's values and the model files, without bpmn-js (which is loaded only
// with a diagram): the CRM record of an instance, the activities of a BPMN file, the migration plan, a first check
// of a model before the server's.
import { isRecordType, type RecordType } from '../records/queries';
import type { ActivityMapping } from './queries';
import type { Refusal } from './refusals';

export type ModelKind = 'bpmn' | 'dmn' | 'form';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/** The record an instance runs on: its `recordType`/`recordId`, else its business key `<type>:<id>`. */
export function recordOf(instance: { recordType?: string; recordId?: string; businessKey?: string }): { type: RecordType; id: string } | null {
  if (isRecordType(instance.recordType) && instance.recordId) return { type: instance.recordType, id: instance.recordId };
  const match = /^([a-z]+):(.+)$/.exec(instance.businessKey ?? '');
  if (match && isRecordType(match[1]) && match[2]) return { type: match[1], id: match[2] };
  return null;
}

/** The kind of model a file name says. */
export function kindOfFile(name: string): ModelKind | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'bpmn' || extension === 'dmn' || extension === 'form' ? extension : null;
}

export const FILE_EXTENSION: Record<ModelKind, string> = { bpmn: '.bpmn', dmn: '.dmn', form: '.form' };

/** How many instances stand in each activity (a token count per activity id). */
export function activityCounts(instances: { currentActivityIds?: string[] }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const instance of instances) {
    for (const id of new Set(instance.currentActivityIds ?? [])) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

export interface FlowActivity {
  id: string;
  name: string;
  type: string;
}

/** The element kinds an instance can stand in, and so the ones a migration maps. */
const WAIT_STATES = new Set([
  'task',
  'userTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'businessRuleTask',
  'scriptTask',
  'callActivity',
  'subProcess',
  'transaction',
  'adHocSubProcess',
  'intermediateCatchEvent',
  'boundaryEvent',
  'eventBasedGateway',
  'startEvent',
]);

function parseXml(xml: string): Document | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
}

/** The activities of a BPMN file that instances can stand in (a multi-instance activity also as its body). */
export function activitiesOf(xml: string): FlowActivity[] {
  const doc = parseXml(xml);
  if (!doc) return [];
  const activities: FlowActivity[] = [];
  for (const element of Array.from(doc.getElementsByTagNameNS(BPMN_NS, '*'))) {
    const id = element.getAttribute('id');
    if (!id || !WAIT_STATES.has(element.localName)) continue;
    const name = element.getAttribute('name') || id;
    activities.push({ id, name, type: element.localName });
    if (Array.from(element.children).some((child) => child.localName === 'multiInstanceLoopCharacteristics')) {
      activities.push({ id: `${id}#multiInstanceBody`, name: `${name} (all instances)`, type: 'multiInstanceBody' });
    }
  }
  return activities;
}

/** For each source activity the target activity it moves to: by default the one with the same id, else none. */
export type MigrationPlan = Record<string, string | null>;

export function defaultPlan(source: FlowActivity[], target: FlowActivity[]): MigrationPlan {
  const targetIds = new Set(target.map((a) => a.id));
  return Object.fromEntries(source.map((a) => [a.id, targetIds.has(a.id) ? a.id : null]));
}

/** What the server is told beyond its own same-id mapping: every mapping to another id. */
export function instructionsOf(plan: MigrationPlan): ActivityMapping[] {
  return Object.entries(plan)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== entry[0])
    .map(([from, to]) => ({ from, to }));
}

/** The nearest element with an id (refusals name elements; extension elements have none). */
function owner(element: Element | null): string | null {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const id = e.getAttribute('id');
    if (id && e.namespaceURI === BPMN_NS) return id;
  }
  return null;
}

/** The prefixes the file binds to the Camunda namespace (read by hand: not every DOM gives attributes their namespace). */
function camundaPrefixes(elements: Element[]): Set<string> {
  const prefixes = new Set<string>();
  for (const element of elements) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name.startsWith('xmlns:') && attribute.value === CAMUNDA_NS) prefixes.add(attribute.name.slice(6));
    }
  }
  return prefixes;
}

/** The Camunda name of an attribute (`camunda:class` on a task, `class` on a `camunda:taskListener`), else null. */
function camundaName(attribute: Attr, element: Element, prefixes: Set<string>): string | null {
  if (attribute.namespaceURI === CAMUNDA_NS) return attribute.localName;
  const colon = attribute.name.indexOf(':');
  if (colon > 0) return prefixes.has(attribute.name.slice(0, colon)) ? attribute.name.slice(colon + 1) : null;
  return element.namespaceURI === CAMUNDA_NS ? attribute.name : null;
}

const BEAN_CALL = /[$#]\{\s*([A-Za-z_][\w]*)\s*\./g;
const DELEGATE = /^\s*[$#]\{\s*([A-Za-z_][\w]*)\s*\}\s*$/;

/**
 * A first check in the browser of what the server will refuse (it decides): Java classes, scripts, delegates and
 * method calls on beans outside the catalogue. `beans` null skips the catalogue checks.
 */
export function checkBpmn(xml: string, file: string, beans: string[] | null): Refusal[] {
  const doc = parseXml(xml);
  if (!doc) return [{ file, elementId: null, reason: 'The file is not well-formed XML.' }];
  const refusals: Refusal[] = [];
  const known = beans ? new Set(beans) : null;
  const refuse = (element: Element, reason: string) => refusals.push({ file, elementId: owner(element), reason });
  const elements = Array.from(doc.getElementsByTagName('*'));
  const prefixes = camundaPrefixes(elements);
  for (const element of elements) {
    if (element.namespaceURI === BPMN_NS && element.localName === 'process' && element.getAttribute('isExecutable') !== 'true') {
      refuse(element, 'The process is not executable: tick "Executable" on the process.');
    }
    if (element.namespaceURI === BPMN_NS && element.localName === 'scriptTask') {
      refuse(element, 'Scripts are not allowed: call a bean of the catalogue instead.');
    }
    if (element.namespaceURI === CAMUNDA_NS && element.localName === 'script') {
      refuse(element, 'Scripts are not allowed: call a bean of the catalogue instead.');
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = camundaName(attribute, element, prefixes);
      if (name === null) continue;
      if (name === 'class') {
        refuse(element, `Java classes are not allowed (${attribute.value}): use a delegate expression with a bean of the catalogue.`);
      }
      if (!known) continue;
      const delegate = name === 'delegateExpression' ? DELEGATE.exec(attribute.value) : null;
      if (delegate?.[1] && !known.has(delegate[1])) {
        refuse(element, `"${delegate[1]}" is not a bean of the catalogue.`);
      }
      for (const call of attribute.value.matchAll(BEAN_CALL)) {
        if (call[1] && !known.has(call[1])) refuse(element, `"${call[1]}" is not a bean of the catalogue.`);
      }
    }
  }
  return refusals;
}

/** The id of the process a BPMN file defines (its key), or of the first decision of a DMN file, or the form's id. */
export function keyOf(kind: ModelKind, content: string): string | null {
  if (kind === 'form') {
    try {
      const id = (JSON.parse(content) as { id?: unknown }).id;
      return typeof id === 'string' ? id : null;
    } catch {
      return null;
    }
  }
  const doc = parseXml(content);
  if (!doc) return null;
  const tag = kind === 'bpmn' ? 'process' : 'decision';
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    if (element.localName === tag && element.getAttribute('id')) return element.getAttribute('id');
  }
  return null;
}
