import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useImperativeHandle, type Ref } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditorHandle } from './editors/types';
import { page, renderProcesses, reply } from './testing';

// bpmn-js needs SVG layout (getBBox, matrices) that happy-dom does not have: the page is tested with a stand-in
// editor, and the marking on the canvas (marker and overlay by element id) in model.test.ts with a stand-in canvas.
const editor = vi.hoisted(() => ({
  content: vi.fn(async () => '<bpmn:definitions/>'),
  showRefusals: vi.fn((refusals: { elementId: string | null }[]) => refusals.filter((r) => r.elementId === null)),
  select: vi.fn(() => true),
}));
vi.mock('./editors/BpmnEditor', () => ({
  BpmnEditor: ({ ref }: { ref?: Ref<EditorHandle> }) => {
    useImperativeHandle(ref, () => editor as unknown as EditorHandle);
    return <div>stand-in canvas</div>;
  },
}));

const V3 = { id: 'pd-3', key: 'lead-nurture', name: 'Lead nurture', version: 3, resourceName: 'lead-nurture.bpmn', runningInstances: 2, suspendedInstances: 0, openIncidents: 0 };
const V4 = { ...V3, id: 'pd-4', version: 4, runningInstances: 0 };
const XML = { id: 'pd-3', key: 'lead-nurture', version: 3, resourceName: 'lead-nurture.bpmn', xml: '<bpmn:definitions/>' };

// The first render loads the lazy pages: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

describe('Modeler', () => {
  beforeEach(() => vi.clearAllMocks());

  it('shows the server refusals in a panel and on the element they name; choosing one selects it', async () => {
    const { calls } = renderProcesses('/processes/modeler/lead-nurture', {
      'GET /api/v1/process-definitions/lead-nurture/versions': [reply(200, page([V3]))],
      'GET /api/v1/process-definitions/pd-3/xml': [reply(200, XML)],
      'GET /api/v1/process-beans': [reply(200, { nurturePlanTouch: 'Plans the next touch' })],
      'POST /api/v1/deployments': [
        reply(422, {
          type: '/problems/model-refused',
          status: 422,
          title: 'The files were not deployed',
          detail: 'lead-nurture.bpmn (Task_1): scripts are not allowed',
          refusals: [{ file: 'lead-nurture.bpmn', elementId: 'Task_1', reason: 'Scripts are not allowed: call a catalogue bean.' }],
        }),
      ],
    });

    expect(await screen.findByText('stand-in canvas', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));

    expect(await screen.findByText('Not deployed: 1 problem')).toBeTruthy();
    expect(screen.getByText(/Scripts are not allowed: call a catalogue bean\./)).toBeTruthy();
    const upload = calls.find((c) => c.method === 'POST' && c.path.startsWith('/api/v1/deployments'));
    expect(upload?.files).toEqual([{ field: 'file', name: 'lead-nurture.bpmn', text: '<bpmn:definitions/>' }]);
    expect(editor.showRefusals).toHaveBeenLastCalledWith([
      { file: 'lead-nurture.bpmn', elementId: 'Task_1', reason: 'Scripts are not allowed: call a catalogue bean.' },
    ]);

    fireEvent.click(screen.getByRole('button', { name: /Show Task_1/ }));
    expect(editor.select).toHaveBeenCalledWith('Task_1');
  });

  it('opens the new version after a deployment', async () => {
    renderProcesses('/processes/modeler/lead-nurture', {
      'GET /api/v1/process-definitions/lead-nurture/versions': [reply(200, page([V3])), reply(200, page([V4, V3]))],
      'GET /api/v1/process-definitions/pd-3/xml': [reply(200, XML)],
      'GET /api/v1/process-definitions/pd-4/xml': [reply(200, { ...XML, id: 'pd-4', version: 4 })],
      'GET /api/v1/process-beans': [reply(200, {})],
      'POST /api/v1/deployments': [
        reply(201, { id: 'dep-9', name: 'ops', definitions: [{ kind: 'process', id: 'pd-4', key: 'lead-nurture', name: 'Lead nurture', version: 4 }] }),
      ],
    });

    expect(await screen.findByRole('heading', { name: /Lead nurture · version 3/ }, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(await screen.findByRole('heading', { name: /Lead nurture · version 4/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'v4', current: 'page' })).toBeTruthy();
  });

  it('checks the model in the browser and marks what the server would refuse', async () => {
    editor.content.mockResolvedValueOnce(
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"><bpmn:process id="p" isExecutable="true"><bpmn:serviceTask id="Evil" camunda:class="com.acme.Evil"/></bpmn:process></bpmn:definitions>',
    );
    renderProcesses('/processes/modeler/lead-nurture', {
      'GET /api/v1/process-definitions/lead-nurture/versions': [reply(200, page([V3]))],
      'GET /api/v1/process-definitions/pd-3/xml': [reply(200, XML)],
      'GET /api/v1/process-beans': [reply(200, {})],
    });

    expect(await screen.findByText('stand-in canvas', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('1 problem found')).toBeTruthy();
    await waitFor(() => expect(editor.showRefusals).toHaveBeenCalled());
    expect(editor.showRefusals.mock.calls.at(-1)?.[0]).toMatchObject([{ elementId: 'Evil' }]);
  });
});
