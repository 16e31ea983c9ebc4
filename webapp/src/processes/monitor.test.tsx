import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { page, renderProcesses, reply } from './testing';

// bpmn-js cannot lay out SVG in happy-dom: the read-only diagram is a stand-in listing what it was asked to show.
vi.mock('./editors/ProcessDiagram', () => ({
  ProcessDiagram: ({ current = [], counts = {} }: { current?: string[]; counts?: Record<string, number> }) => (
    <div>
      stand-in diagram: current {current.join(',')}; counts {JSON.stringify(counts)}
    </div>
  ),
}));

const SLOW = { timeout: 5000 };
const DEFINITION = { id: 'pd-2', key: 'lead-nurture', name: 'Lead nurture', version: 2, runningInstances: 3, suspendedInstances: 0, openIncidents: 1 };
const INCIDENT = {
  id: 'inc-1',
  type: 'failedJob',
  message: 'Lead 42 has no owner',
  activityId: 'Plan',
  failedActivityId: 'Plan',
  processInstanceId: 'pi-1',
  processDefinitionId: 'pd-2',
  processKey: 'lead-nurture',
  occurredAt: '2026-05-01T10:00:00Z',
};
const XML = (id: string, body: string) => ({
  id,
  key: 'lead-nurture',
  xml: `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="lead-nurture" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`,
});

// The first render loads the lazy pages: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

describe('Process monitor', () => {
  it('retries an incident and shows the list again', async () => {
    const { calls } = renderProcesses('/processes', {
      'GET /api/v1/process-definitions': [reply(200, page([DEFINITION]))],
      'GET /api/v1/incidents': [reply(200, page([INCIDENT])), reply(200, page([]))],
      'POST /api/v1/incidents/inc-1/retry': [reply(200, { incidentId: 'inc-1', jobId: 'job-1', retries: 1 })],
    });

    expect(await screen.findByText('Lead 42 has no owner', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry Plan' }));

    expect(await screen.findByText('No open incidents')).toBeTruthy();
    const retry = calls.findIndex((c) => c.method === 'POST' && c.path === '/api/v1/incidents/inc-1/retry');
    expect(retry).toBeGreaterThan(-1);
    expect(calls.slice(retry + 1).some((c) => c.method === 'GET' && c.path.startsWith('/api/v1/incidents'))).toBe(true);
  });

  it('cancels an instance only with a reason', async () => {
    const { calls } = renderProcesses('/processes/lead-nurture/instances/pi-1', {
      'GET /api/v1/process-instances/pi-1': [
        reply(200, {
          id: 'pi-1',
          processKey: 'lead-nurture',
          processName: 'Lead nurture',
          version: 2,
          definitionId: 'pd-2',
          businessKey: 'lead:0d2f8e4b-0000-4c1e-9a55-0d2f8e4b7c10',
          state: 'running',
          currentActivityIds: ['FirstContact'],
          activities: [],
          incidents: [],
          variables: [],
        }),
      ],
      'GET /api/v1/process-definitions/pd-2/xml': [reply(200, XML('pd-2', '<bpmn:userTask id="FirstContact"/>'))],
      'POST /api/v1/process-instances/pi-1/cancel': [reply(204)],
    });

    expect(await screen.findByText(/stand-in diagram: current FirstContact/, {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Lead 0d2f8e4b/ }).getAttribute('href')).toBe('/leads/0d2f8e4b-0000-4c1e-9a55-0d2f8e4b7c10');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the instance' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel instance' }));
    expect(await within(dialog).findByText('Say why the instance is cancelled.')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), { target: { value: 'Duplicate lead, merged by hand' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel instance' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/process-instances/pi-1/cancel')?.body).toEqual({
        reason: 'Duplicate lead, merged by hand',
      }),
    );
  });

  it('shows the dry run of a migration before it lets the migration run', async () => {
    const V1 = { ...DEFINITION, id: 'pd-1', version: 1, runningInstances: 2 };
    const { calls } = renderProcesses('/processes/lead-nurture/migrate?from=pd-1&to=pd-2', {
      'GET /api/v1/process-definitions/lead-nurture/versions': [reply(200, page([DEFINITION, V1]))],
      'GET /api/v1/process-definitions/pd-1/xml': [reply(200, XML('pd-1', '<bpmn:userTask id="FirstContact"/><bpmn:userTask id="OldTouch"/>'))],
      'GET /api/v1/process-definitions/pd-2/xml': [reply(200, XML('pd-2', '<bpmn:userTask id="FirstContact"/><bpmn:userTask id="Touch"/>'))],
      'POST /api/v1/process-migrations': [
        reply(200, {
          dryRun: true,
          processKey: 'lead-nurture',
          sourceDefinitionId: 'pd-1',
          targetDefinitionId: 'pd-2',
          count: 1,
          instanceIds: ['pi-1'],
          instructions: [],
          planFailures: [],
          notMigratable: [{ instanceId: 'pi-7', failures: ["There is no migration instruction for activity 'OldTouch'"] }],
        }),
        reply(200, { dryRun: false, count: 1, instanceIds: ['pi-1'], targetVersion: 2, planFailures: [], notMigratable: [] }),
      ],
      'GET /api/v1/process-instances': [reply(200, page([]))],
      'GET /api/v1/incidents': [reply(200, page([]))],
    });

    const migrate = await screen.findByRole('button', { name: 'Migrate' }, SLOW);
    expect(migrate.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('OldTouch · userTask')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    expect(await screen.findByText(/instance\(s\) would move/)).toBeTruthy();
    expect(screen.getByText(/pi-7: There is no migration instruction for activity 'OldTouch'/)).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/v1/process-migrations')?.body).toEqual({
      sourceDefinitionId: 'pd-1',
      targetDefinitionId: 'pd-2',
      instructions: [],
      dryRun: true,
    });

    const ready = screen.getByRole('button', { name: 'Migrate 1 instance(s)' });
    expect(ready.hasAttribute('disabled')).toBe(false);
    fireEvent.click(ready);
    await waitFor(() =>
      expect(calls.filter((c) => c.path === '/api/v1/process-migrations').at(-1)?.body).toEqual({
        sourceDefinitionId: 'pd-1',
        targetDefinitionId: 'pd-2',
        instructions: [],
        dryRun: false,
        instanceIds: ['pi-1'],
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Instances' }, SLOW)).toBeTruthy();
  });
});
