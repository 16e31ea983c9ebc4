import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { activitiesOf, activityCounts, checkBpmn, defaultPlan, instructionsOf, recordOf } from './model';
import { markRefusals, REFUSAL_MARKER, REFUSAL_OVERLAY, refusalsForFile, refusalsOf } from './refusals';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Call" name="Call the lead">
      <bpmn:extensionElements><camunda:taskListener event="create" class="com.acme.Listener" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:serviceTask id="Plan" camunda:delegateExpression="\${nurturePlanTouch}" />
    <bpmn:serviceTask id="Evil" camunda:delegateExpression="\${runtimeService}" />
    <bpmn:userTask id="Approve"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
    <bpmn:scriptTask id="Script" scriptFormat="groovy" />
    <bpmn:exclusiveGateway id="Gateway" />
  </bpmn:process>
</bpmn:definitions>`;

const refused = new ApiError({
  type: '/problems/model-refused',
  status: 422,
  title: 'The files were not deployed',
  detail: '2 problems in the files; nothing was deployed',
  refusals: [
    { file: 'lead-nurture.bpmn', elementId: 'Task_1', reason: 'Scripts are not allowed' },
    { file: 'other.dmn', elementId: null, reason: 'Not a DMN file' },
  ],
} as never);

function fakeCanvas(ids: string[]) {
  return {
    canvas: { addMarker: vi.fn(), removeMarker: vi.fn() },
    overlays: { add: vi.fn(() => 'o1'), remove: vi.fn() },
    elementRegistry: { get: (id: string) => (ids.includes(id) ? { id } : undefined) },
  };
}

describe('refusals', () => {
  it('reads the refusals of a model-refused problem', () => {
    expect(refusalsOf(refused)).toEqual([
      { file: 'lead-nurture.bpmn', elementId: 'Task_1', reason: 'Scripts are not allowed' },
      { file: 'other.dmn', elementId: null, reason: 'Not a DMN file' },
    ]);
    expect(refusalsForFile(refusalsOf(refused) ?? [], 'lead-nurture.bpmn')).toHaveLength(1);
    expect(refusalsOf(new ApiError({ status: 400, type: '/problems/validation' }))).toBeNull();
  });

  it('marks the refused element by its id and puts the reason on it, clearing the previous marks', () => {
    const services = fakeCanvas(['Task_1', 'Old']);
    const previous = ['Old'];
    const unplaced = markRefusals(
      services,
      [
        { file: 'a.bpmn', elementId: 'Task_1', reason: 'Scripts are not allowed' },
        { file: 'a.bpmn', elementId: 'Listener_9', reason: 'Not on the canvas' },
        { file: 'a.bpmn', elementId: null, reason: 'The file as a whole' },
      ],
      previous,
    );
    expect(services.canvas.removeMarker).toHaveBeenCalledWith('Old', REFUSAL_MARKER);
    expect(services.overlays.remove).toHaveBeenCalledWith({ type: REFUSAL_OVERLAY });
    expect(services.canvas.addMarker).toHaveBeenCalledWith('Task_1', REFUSAL_MARKER);
    expect(services.canvas.addMarker).toHaveBeenCalledTimes(1);
    const [id, type, overlay] = services.overlays.add.mock.calls[0] as unknown as [string, string, { html: HTMLElement }];
    expect([id, type, overlay.html.textContent]).toEqual(['Task_1', REFUSAL_OVERLAY, 'Scripts are not allowed']);
    expect(unplaced.map((r) => r.reason)).toEqual(['Not on the canvas', 'The file as a whole']);
    expect(previous).toEqual(['Task_1']);
  });
});

describe('model', () => {
  it('finds the record of an instance by its fields or its business key', () => {
    expect(recordOf({ recordType: 'deal', recordId: 'd1' })).toEqual({ type: 'deal', id: 'd1' });
    expect(recordOf({ businessKey: 'lead:42a' })).toEqual({ type: 'lead', id: '42a' });
    expect(recordOf({ businessKey: 'order:1' })).toBeNull();
  });

  it('counts instances per activity', () => {
    expect(activityCounts([{ currentActivityIds: ['a', 'b'] }, { currentActivityIds: ['a'] }, {}])).toEqual({ a: 2, b: 1 });
  });

  it('lists the activities a migration maps and maps same ids by default', () => {
    const activities = activitiesOf(XML);
    expect(activities.map((a) => a.id)).toEqual(['Start', 'Call', 'Plan', 'Evil', 'Approve', 'Approve#multiInstanceBody', 'Script']);
    const plan = defaultPlan(activities, [{ id: 'Call', name: 'Call', type: 'userTask' }, { id: 'Touch', name: 'Touch', type: 'userTask' }]);
    expect(plan.Call).toBe('Call');
    expect(plan.Plan).toBeNull();
    expect(instructionsOf({ ...plan, Plan: 'Touch' })).toEqual([{ from: 'Plan', to: 'Touch' }]);
  });

  it('checks classes, scripts and beans outside the catalogue before the server does', () => {
    const found = checkBpmn(XML, 'a.bpmn', ['nurturePlanTouch']);
    expect(found.map((r) => r.elementId)).toEqual(['Call', 'Evil', 'Script']);
    expect(found[0]?.reason).toContain('Java classes are not allowed');
    expect(found[1]?.reason).toContain('"runtimeService" is not a bean of the catalogue');
  });
});
