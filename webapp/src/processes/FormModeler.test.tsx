import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { page, renderProcesses, reply } from './testing';

// form-js needs layout happy-dom lacks: a stand-in shows the JSON the editor was opened with.
vi.mock('./editors/FormEditor', () => ({
  FormEditor: ({ initial }: { initial: string }) => <pre>{initial}</pre>,
}));

vi.setConfig({ testTimeout: 20_000 });

const F1 = { id: 'form-1', key: 'approve-deal', version: 1, resourceName: 'approve-deal.form', deploymentId: 'dep-1', deployedAt: '2026-01-05T09:30:00Z' };
const F2 = { ...F1, id: 'form-2', version: 2, deploymentId: 'dep-2' };

describe('Modeler: deployed forms', () => {
  it('lists the deployed forms on the start page and opens a form version in the form editor', async () => {
    const { calls } = renderProcesses('/processes/modeler', {
      'GET /api/v1/process-definitions': [reply(200, page([]))],
      'GET /api/v1/decision-definitions': [reply(200, page([]))],
      'GET /api/v1/form-definitions': [reply(200, page([F2]))],
    });
    const forms = await screen.findByRole('region', { name: 'Forms' }, { timeout: 5000 });
    expect((await within(forms).findByRole('link', { name: 'approve-deal' })).getAttribute('href')).toBe('/processes/modeler/form/approve-deal');
    expect(within(forms).getByText('v2')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/form-definitions?'))).toBe(true);
  });

  it('opens the version asked for, with its versions to switch between', async () => {
    renderProcesses('/processes/modeler/form/approve-deal?version=1', {
      'GET /api/v1/form-definitions/approve-deal/versions': [reply(200, page([F2, F1]))],
      'GET /api/v1/form-definitions/form-1/json': [
        reply(200, { id: 'form-1', key: 'approve-deal', version: 1, resourceName: 'approve-deal.form', deploymentId: 'dep-1', json: '{"id":"approve-deal","components":[]}' }),
      ],
    });
    expect(await screen.findByRole('heading', { name: /approve-deal · version 1/ }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('{"id":"approve-deal","components":[]}')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'v1', current: 'page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'v2' }).getAttribute('href')).toBe('/processes/modeler/form/approve-deal?version=2');
  });

  it('says so when the form is not there', async () => {
    renderProcesses('/processes/modeler/form/gone', {
      'GET /api/v1/form-definitions/gone/versions': [reply(404, { status: 404, title: 'Not found', detail: 'No form gone' })],
    });
    expect(await screen.findByText('Could not load the versions', {}, { timeout: 5000 })).toBeTruthy();
  });
});
