import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

vi.setConfig({ testTimeout: 30_000 });

const ADMIN = {
  ...ME,
  email: 'admin@acme.test',
  displayName: 'Ada Admin',
  roles: ['org_admin'],
  permissions: ['rules:manage', 'leads:read', 'users:read'],
};

const SUMMARY = {
  id: 's-2',
  version: 2,
  name: 'Spring',
  kind: 'data',
  status: 'draft',
  thresholds: { hot: 70, warm: 40 },
  ruleCount: 2,
  revision: 3,
};
const ACTIVE = { ...SUMMARY, id: 's-1', version: 1, name: 'Default', status: 'active', revision: 1 };
const DRAFT = {
  ...SUMMARY,
  rules: [
    {
      name: 'Big company',
      type: 'FIRMOGRAPHIC',
      points: 20,
      priority: 0,
      conditions: [{ field: 'COMPANY_SIZE', operator: 'IN', values: ['1000+'] }],
    },
    { name: 'Germany', type: 'DEMOGRAPHIC', points: 10, priority: 0, conditions: [{ field: 'COUNTRY', operator: 'EQUALS', values: ['de'] }] },
  ],
  drl: 'rule "Big company" ...',
};
const HIT = { id: 'lead-1', type: 'lead', title: 'Ada Lovelace', subtitle: 'Analytical Engines' };

function scoring(extra: Record<string, ReturnType<typeof json>[]> = {}) {
  return renderApp(
    '/admin/scoring-rules',
    {
      'GET /api/v1/scoring/rule-sets': [json(200, [SUMMARY, ACTIVE])],
      'GET /api/v1/scoring/rule-sets/s-2': [json(200, DRAFT, { ETag: '"3"' })],
      ...extra,
    },
    { me: ADMIN },
  );
}

async function pickLead() {
  const box = screen.getByRole('combobox', { name: 'Lead to try the rules on' });
  box.focus();
  fireEvent.change(box, { target: { value: 'ada' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Ada Lovelace' }));
  expect(await screen.findByText(/Trying on/)).toBeTruthy();
}

describe('scoring rules', () => {
  it('lists the versions and shows a validation problem on the rule it concerns', async () => {
    scoring({
      'POST /api/v1/scoring/rule-sets/s-2/validate': [
        json(200, { valid: false, problems: [{ rule: 'Germany', message: 'COUNTRY is yes/no: use IS_TRUE or IS_FALSE' }] }),
      ],
    });
    const versions = await screen.findByRole('table', { name: 'Scoring rule versions' });
    expect(within(versions).getByText('v1 · Default')).toBeTruthy();
    expect(within(versions).getByRole('button', { name: 'Roll back v1' })).toBeTruthy();
    expect(within(versions).getByRole('button', { name: 'Activate v2' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Validate' }));

    const germany = await screen.findByRole('group', { name: 'Rule Germany' });
    expect(await within(germany).findByText('COUNTRY is yes/no: use IS_TRUE or IS_FALSE')).toBeTruthy();
    const big = screen.getByRole('group', { name: 'Rule Big company' });
    expect(within(big).queryByRole('alert')).toBeNull();
  });

  it('tries the unsaved draft on a lead and shows the score, its explanation and the change', async () => {
    const { calls } = scoring({
      'GET /api/v1/search': [json(200, { items: [HIT] })],
      'POST /api/v1/scoring/preview': [
        json(200, {
          leadId: 'lead-1',
          score: 65,
          band: 'warm',
          currentScore: 40,
          currentBand: 'warm',
          explanation: { rawTotal: 65, clamped: false, fired: [{ rule: 'Big company', type: 'FIRMOGRAPHIC', points: 55 }, { rule: 'Germany', type: 'DEMOGRAPHIC', points: 10 }] },
        }),
      ],
    });
    const points = await screen.findByLabelText('Points of Big company');
    fireEvent.change(points, { target: { value: '55' } });
    await pickLead();
    fireEvent.click(screen.getByRole('button', { name: 'Try on this lead' }));

    const result = await screen.findByRole('region', { name: 'Preview result' });
    expect(within(result).getByText('Score 65')).toBeTruthy();
    expect(within(result).getByText(/Now 40 \(warm\): \+25/)).toBeTruthy();
    expect(within(within(result).getByRole('table', { name: 'Rules that fired' })).getByText('+55')).toBeTruthy();
    const preview = calls.find((c) => c.path === '/api/v1/scoring/preview');
    expect(preview?.body).toMatchObject({ leadId: 'lead-1', ruleSet: { kind: 'data', rules: [{ name: 'Big company', points: 55 }, {}] } });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('never overwrites a draft someone else changed', async () => {
    const { calls } = scoring({
      'PATCH /api/v1/scoring/rule-sets/s-2': [json(412, { status: 412, title: 'Precondition Failed', detail: 'The record changed' })],
    });
    fireEvent.change(await screen.findByLabelText('Points of Germany'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Someone else changed this draft')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the draft' })).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ rules: [{}, { name: 'Germany', points: 15 }] });
  });

  it('asks before activating a version', async () => {
    const { calls } = scoring({
      'POST /api/v1/scoring/rule-sets/s-2/activate': [json(200, { ruleSet: { ...DRAFT, status: 'active' }, replacedVersion: 1 })],
      'GET /api/v1/scoring/rule-sets': [json(200, [SUMMARY, ACTIVE]), json(200, [{ ...SUMMARY, status: 'active' }])],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Activate v2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activate these scoring rules?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/scoring/rule-sets/s-2/activate')).toBe(true));
  });

  it('says when there are no rules yet', async () => {
    renderApp('/admin/scoring-rules', { 'GET /api/v1/scoring/rule-sets': [json(200, [])] }, { me: ADMIN });
    expect(await screen.findByText('No scoring rules yet')).toBeTruthy();
  });
});

const TEAM = { id: '11111111-1111-4111-8111-111111111111', name: 'Inside', memberIds: [], version: 1 };
const ROUTING_DRAFT = {
  id: 'r-2',
  number: 2,
  status: 'draft',
  unassignedQueue: 'unassigned',
  rules: [
    { name: 'DACH', team: TEAM.id, priority: 10, conditions: [{ field: 'COUNTRY', operator: 'IN', values: ['de', 'at'] }] },
    { name: 'Berlin', team: TEAM.id, priority: 5, conditions: [{ field: 'POSTAL_CODE', operator: 'BETWEEN', values: ['10115'] }] },
  ],
  version: 4,
};

function routing(extra: Record<string, ReturnType<typeof json>[]> = {}) {
  return renderApp(
    '/admin/routing-rules',
    {
      'GET /api/v1/routing/rule-sets': [json(200, [ROUTING_DRAFT, { ...ROUTING_DRAFT, id: 'r-1', number: 1, status: 'active', rules: [] }])],
      'GET /api/v1/teams': [json(200, [TEAM])],
      ...extra,
    },
    { me: ADMIN },
  );
}

describe('routing rules', () => {
  it('shows the problems of a draft that does not compile on their rule', async () => {
    routing({
      'POST /api/v1/routing/rule-sets/validate': [
        json(422, {
          type: '/problems/rule-set-invalid',
          title: 'Rule set does not compile',
          status: 422,
          problems: [{ rule: 'Berlin', line: 0, message: 'BETWEEN on POSTAL_CODE takes 2 values, got 1' }],
        }),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Validate' }));
    const berlin = await screen.findByRole('group', { name: 'Rule Berlin' });
    expect(await within(berlin).findByText('BETWEEN on POSTAL_CODE takes 2 values, got 1')).toBeTruthy();
    const dach = screen.getByRole('group', { name: 'Rule DACH' });
    expect(within(dach).queryByRole('alert')).toBeNull();
    expect(within(dach).getByText('Country in de, at')).toBeTruthy();
    fireEvent.click(within(dach).getByRole('button', { name: 'Edit the conditions of DACH' }));
    expect(within(dach).getByLabelText('Values of condition 1 of DACH')).toBeTruthy();
  });

  it('tries the draft on a lead: the rule, the team, the rep and why the others were not chosen', async () => {
    const { calls } = routing({
      'GET /api/v1/search': [json(200, { items: [HIT] })],
      'POST /api/v1/routing/preview': [
        json(200, {
          leadId: 'lead-1',
          assigned: true,
          rule: 'DACH',
          matches: [{ rule: 'DACH', team: TEAM.id, teamName: 'Inside', priority: 10 }, { rule: 'Berlin', team: TEAM.id, teamName: 'Inside', priority: 5 }],
          teamId: TEAM.id,
          teamName: 'Inside',
          userId: 'u-ron',
          userName: 'Ron Rep',
          candidates: [
            { userId: 'u-ron', name: 'Ron Rep', verdict: 'chosen', reason: 'highest credit 1', creditBefore: 0, creditAfter: -1 },
            { userId: 'u-rita', name: 'Rita Rep', verdict: 'skipped', reason: 'out of office until 2026-12-24T00:00:00Z', creditBefore: 0, creditAfter: 0 },
          ],
          reason: 'rule "DACH" of draft (priority 10) chose team "Inside"; weighted round robin',
        }),
      ],
    });
    await screen.findByRole('group', { name: 'Rule DACH' });
    await pickLead();
    fireEvent.click(screen.getByRole('button', { name: 'Try on this lead' }));

    const result = await screen.findByRole('region', { name: 'Preview result' });
    expect(within(result).getByText('Ron Rep in Inside')).toBeTruthy();
    expect(within(result).getByText(/also matched: Berlin/)).toBeTruthy();
    const rita = within(within(result).getByRole('table', { name: 'Candidates' })).getByText('Rita Rep').closest('tr');
    expect(rita?.textContent).toContain('out of office');
    expect(calls.find((c) => c.path === '/api/v1/routing/preview')?.body).toMatchObject({
      leadId: 'lead-1',
      ruleSet: { unassignedQueue: 'unassigned', rules: [{ name: 'DACH' }, { name: 'Berlin' }] },
    });
  });
});
