import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, renderRecords, withLayout } from '../test/server';
import { csvHeader } from './ImportDialog';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  withLayout();
  await import('../RecordListPage');
});

const JOB = { id: 'job-1', recordType: 'leads', status: 'queued', dryRun: false, filename: 'leads.csv', processedRows: 0, percent: 0 };

describe('import', () => {
  it('reads the header row whatever the delimiter', () => {
    expect(csvHeader('\uFEFFE-mail;"Given name";Org')).toEqual(['E-mail', 'Given name', 'Org']);
    expect(csvHeader('email,firstName')).toEqual(['email', 'firstName']);
  });

  it('uploads with the mapping, advances the progress bar and shows the failed rows', async () => {
    const { calls } = renderRecords('/leads', {
      'GET /api/v1/leads': [json(200, { items: [], nextCursor: null })],
      'POST /api/v1/imports': [json(202, JOB)],
      'GET /api/v1/imports/job-1': [
        json(200, { ...JOB, status: 'running', totalRows: 10, processedRows: 4, imported: 3, failed: 1, percent: 40 }),
        json(200, { ...JOB, status: 'completed', totalRows: 10, processedRows: 10, imported: 8, failed: 2, percent: 100 }),
      ],
      'GET /api/v1/imports/job-1/errors': [
        json(200, {
          items: [
            { row: 3, field: 'email', column: 'Email', message: 'is not a valid email address' },
            { row: 7, field: 'company', column: 'Org', message: 'must not be blank' },
          ],
          nextCursor: null,
        }),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['Email,Org,Notes\nx@y.z,Acme,hi\n'], 'leads.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });

    const org = await within(dialog).findByLabelText('Field for column Org');
    expect((within(dialog).getByLabelText('Field for column Email') as HTMLSelectElement).value).toBe('email');
    fireEvent.change(org, { target: { value: 'company' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await within(dialog).findByText(/4 of 10 rows/)).toBeTruthy();
    const bar = within(dialog).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    await waitFor(() => expect(within(dialog).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100'));
    expect(await within(dialog).findByText('is not a valid email address')).toBeTruthy();
    expect(within(dialog).getByText('must not be blank')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Download the failed rows (CSV)' })).toBeTruthy();

    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/imports');
    expect(post?.query.get('recordType')).toBe('leads');
    expect(JSON.parse(post?.query.get('mapping') ?? '{}')).toEqual({ Email: 'email', Org: 'company', Notes: null });
    expect(post?.body).toEqual({ file: 'leads.csv' });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });
});
