import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, ME } from '../test/fakeFetch';
import { renderApp } from '../test/render';

const LEAD = { type: 'lead', id: '106bfbda-ba3a-38df-be5f-ae8473dd3b8e' };

const OPEN = {
  id: 'task-1',
  name: 'First contact',
  processKey: 'lead-nurture',
  processName: 'Lead nurture',
  assignee: null,
  due: '2030-01-01T10:00:00Z',
  priority: 50,
  record: LEAD,
  formId: 'first-contact',
};

const FORM = {
  id: 'first-contact',
  type: 'default',
  schemaVersion: 16,
  components: [
    {
      key: 'outcome',
      label: 'Outcome',
      type: 'select',
      id: 'Field_outcome',
      values: [
        { label: 'Reached the lead', value: 'reached' },
        { label: 'No answer', value: 'no_answer' },
      ],
    },
    { key: 'note', label: 'Note', type: 'textarea', id: 'Field_note' },
  ],
};

const page = (...items: unknown[]) => ({ items, nextCursor: null });

describe('tasklist', () => {
  it('claims an open task of my groups', async () => {
    const { calls } = renderApp('/tasks?view=groups', {
      'GET /api/v1/tasks': [
        json(200, page(OPEN)), // the list
        json(200, page(OPEN)), // the overview for notifications
        json(200, page({ ...OPEN, assignee: ME.id })),
        json(200, page({ ...OPEN, assignee: ME.id })),
      ],
      'POST /api/v1/tasks/task-1/claim': [json(200, { ...OPEN, assignee: ME.id })],
    });

    const table = await screen.findByRole('table', { name: 'Tasks' });
    expect(within(table).getByText('Open to your groups')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Lead' }).getAttribute('href')).toBe(`/leads/${LEAD.id}`);

    fireEvent.click(within(table).getByRole('button', { name: 'Claim First contact' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/tasks/task-1/claim')).toBe(true));
    // After the claim the list is read again: the task is mine now, so it left "My groups".
    expect(await screen.findByText('Nothing to do here')).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/api/v1/tasks?')).length).toBeGreaterThanOrEqual(3);
  });

  it('shows the server’s field error on the form field when completing', async () => {
    const { calls } = renderApp(`/tasks/task-1`, {
      'GET /api/v1/tasks/task-1': [json(200, { ...OPEN, assignee: ME.id, form: FORM })],
      'GET /api/v1/tasks/task-1/comments': [json(200, [])],
      'GET /api/v1/tasks': [json(200, page())],
      [`GET /api/v1/leads/${LEAD.id}`]: [
        json(200, { id: LEAD.id, firstName: 'Sofia', lastName: 'Rossi', company: 'North Martinez Ltd', status: 'new', owner: { displayName: 'Rita Rep' } }),
      ],
      'POST /api/v1/tasks/task-1/complete': [
        json(400, {
          type: '/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'variables.outcome: must be one of the form’s options',
          errors: [{ field: 'variables.outcome', message: 'must be one of the form’s options' }],
        }),
      ],
    });

    // The task page is its own chunk (form-js): the first load takes a moment.
    expect(await screen.findByRole('heading', { level: 1, name: 'First contact' }, { timeout: 10_000 })).toBeTruthy();
    const record = await screen.findByRole('region', { name: 'The lead this task is about' });
    expect(await within(record).findByRole('link', { name: 'Sofia Rossi · North Martinez Ltd' })).toBeTruthy();
    expect(within(record).getByText('Rita Rep')).toBeTruthy();

    const note = await screen.findByLabelText('Note');
    fireEvent.input(note, { target: { value: 'Wants a demo' } });
    await new Promise((resolve) => setTimeout(resolve, 400)); // form-js takes typed text in after a short pause
    fireEvent.click(screen.getByRole('button', { name: 'Complete task' }));

    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/tasks/task-1/complete')).toBe(true));
    const completion = calls.find((c) => c.path === '/api/v1/tasks/task-1/complete');
    expect(completion?.body).toMatchObject({ variables: { note: 'Wants a demo' } });

    expect((await screen.findByRole('alert')).textContent).toContain('Some fields need your attention.');
    const outcome = await screen.findByLabelText('Outcome');
    await waitFor(() => {
      const describedBy = (outcome.getAttribute('aria-describedby') ?? '').split(' ');
      expect(describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')).toContain(
        'Must be one of the form’s options.',
      );
    });
    await waitFor(() => expect(document.activeElement).toBe(outcome));
  }, 30_000);

  it('names the record a task is about, linked to its page, and the type alone when the record is not readable', async () => {
    renderApp('/tasks', {
      'GET /api/v1/tasks': [
        json(200, page({ ...OPEN, assignee: ME.id, record: { ...LEAD, title: 'Sofia Rossi · North Martinez Ltd' } }, { ...OPEN, id: 'task-2', name: 'Review deal', assignee: ME.id, record: { type: 'deal', id: 'd-1' } })),
        json(200, page()),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    const link = await within(table).findByRole('link', { name: 'Sofia Rossi · North Martinez Ltd' });
    expect(link.getAttribute('href')).toBe(`/leads/${LEAD.id}`);
    expect(within(table).getByText(/^Lead:/)).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Deal' }).getAttribute('href')).toBe('/deals/d-1');
  });

  it('delegates to a colleague found by typing the start of their name, without reading users', async () => {
    const mine = { ...OPEN, assignee: ME.id, record: { ...LEAD, title: 'Sofia Rossi · North Martinez Ltd' } };
    const { calls } = renderApp('/tasks', {
      'GET /api/v1/tasks': [json(200, page(mine)), json(200, page(mine)), json(200, page(mine)), json(200, page(mine))],
      'GET /api/v1/colleagues': [
        json(200, [{ id: ME.id, displayName: 'Rita Rep', teams: ['East'] }, { id: 'u-ron', displayName: 'Ron Rep', teams: ['East'] }]),
        json(200, [{ id: 'u-ron', displayName: 'Ron Rep', teams: ['East'] }]),
        json(200, [{ id: 'u-ron', displayName: 'Ron Rep', teams: ['East'] }]),
        json(200, [{ id: 'u-ron', displayName: 'Ron Rep', teams: ['East'] }]),
      ],
      'POST /api/v1/tasks/task-1/delegate': [json(200, { ...mine, assignee: 'u-ron', owner: ME.id, delegation: 'pending' })],
    });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    fireEvent.click(within(table).getByRole('button', { name: 'Delegate First contact' }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByLabelText('Delegate to');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    expect(await within(dialog).findByText('Choose who should do the task.')).toBeTruthy();

    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'ro' } });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/colleagues?q=ro&limit=20')).toBe(true));
    // happy-dom runs no CSS transitions: the open dropdown stays display:none, so its options count as hidden.
    const ron = await screen.findByRole('option', { name: 'Ron Rep (East)', hidden: true });
    expect(screen.queryByRole('option', { name: /Rita Rep/, hidden: true })).toBeNull();
    fireEvent.click(ron);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/tasks/task-1/delegate')).toBe(true));
    expect(calls.find((c) => c.path === '/api/v1/tasks/task-1/delegate')?.body).toEqual({ userId: 'u-ron' });
    expect(calls.some((c) => c.path.startsWith('/api/v1/users'))).toBe(false);
  }, 20_000);
});
