import { Alert, Anchor, Button, Checkbox, FileInput, Group, Modal, NativeSelect, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/problem';
import { ErrorState } from '../../common/states';
import type { TypeConfig } from '../config';
import {
  isImportRunning,
  recordKeys,
  useCancelImport,
  useDownloadFailedRows,
  useImportErrors,
  useImportJob,
  useStartImport,
  type ImportRequest,
} from '../queries';

/** The fields an import fills, per record type (the server's importable fields). */
const IMPORT_FIELDS: Record<string, string[]> = {
  lead: ['firstName', 'lastName', 'company', 'title', 'email', 'phone', 'website', 'industry', 'companySize', 'country', 'language', 'timeZone', 'productInterest', 'source', 'status', 'unqualifiedReason'],
  contact: ['firstName', 'lastName', 'title', 'accountId', 'accountRole', 'email', 'emails', 'phone', 'phones', 'phoneRegion', 'status', 'source', 'preferredLanguage', 'timeZone', 'emailOptIn', 'smsOptIn', 'whatsappOptIn', 'social.linkedin', 'social.x'],
  account: ['name', 'domain', 'website', 'industry', 'size', 'territory', 'parentId', 'billingAddress.street', 'billingAddress.city', 'billingAddress.postalCode', 'billingAddress.region', 'billingAddress.country'],
};
const COMMON_FIELDS = ['ownerEmail', 'ownerId', 'teamId', 'tags'];
const SKIP = '__skip__';

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The header row of a CSV file: its column names, split at the delimiter the line uses. */
export function csvHeader(line: string): string[] {
  const delimiter = [',', ';', '\t'].reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

async function readHeader(file: File): Promise<string[]> {
  const head = await file.slice(0, 65536).text();
  return csvHeader(head.split(/\r?\n/)[0] ?? '');
}

/** Upload a CSV or XLSX file, map its columns, follow the job's progress, then see what failed. */
export function ImportDialog({ config, opened, onClose }: { config: TypeConfig; opened: boolean; onClose: () => void }) {
  const fields = [...(IMPORT_FIELDS[config.type] ?? []), ...COMMON_FIELDS];
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState(false);
  const [duplicates, setDuplicates] = useState<ImportRequest['duplicates']>('create');
  const [jobId, setJobId] = useState<string>();
  const start = useStartImport();
  const job = useImportJob(jobId);
  const finished = job.data !== undefined && !isImportRunning(job.data);
  const errors = useImportErrors(jobId, finished && (job.data?.failed ?? 0) > 0);
  const cancel = useCancelImport();
  const failedRows = useDownloadFailedRows();
  const queryClient = useQueryClient();
  const isCsv = file !== null && /\.csv$/i.test(file.name);

  async function choose(next: File | null) {
    setFile(next);
    setHeader([]);
    setMapping({});
    if (next && /\.csv$/i.test(next.name)) {
      const columns = await readHeader(next);
      setHeader(columns);
      // A first guess: a column named like a field fills it; the person checks and changes it.
      const byName = new Map(fields.map((f) => [normalise(f), f]));
      setMapping(Object.fromEntries(columns.map((c) => [c, byName.get(normalise(c)) ?? SKIP])));
    }
  }

  async function submit() {
    if (!file) return;
    const explicit = isCsv && header.length > 0 ? Object.fromEntries(header.map((c) => [c, mapping[c] === SKIP ? null : (mapping[c] ?? null)])) : undefined;
    const created = await start.mutateAsync({ type: config.type, file, dryRun, duplicates, mapping: explicit });
    setJobId(created.id);
  }

  function close() {
    if (jobId && finished && !job.data?.dryRun) void queryClient.invalidateQueries({ queryKey: recordKeys.type(config.type) });
    setFile(null);
    setHeader([]);
    setJobId(undefined);
    start.reset();
    onClose();
  }

  const data = job.data;
  const mappedCount = Object.values(mapping).filter((f) => f !== SKIP).length;
  const fieldError = start.error instanceof ApiError ? Object.entries(start.error.fieldErrors()) : [];

  return (
    <Modal opened={opened} onClose={close} title={`Import ${config.plural.toLowerCase()}`} size="lg">
      {!jobId ? (
        <Stack gap="sm">
          <FileInput
            label="File"
            description="CSV (comma, semicolon or tab) or Excel .xlsx; the first row names the columns. Up to 50 MB."
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            placeholder="Choose a file"
          />
          {isCsv && header.length > 0 && (
            <Table aria-label="Column mapping" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Column in the file</Table.Th>
                  <Table.Th>Fills</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {header.map((column) => (
                  <Table.Tr key={column}>
                    <Table.Td>{column}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Field for column ${column}`}
                        size="xs"
                        data={[{ value: SKIP, label: 'Leave out' }, ...fields.map((f) => ({ value: f, label: f }))]}
                        value={mapping[column] ?? SKIP}
                        onChange={(e) => setMapping((m) => ({ ...m, [column]: e.currentTarget.value }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {file && !isCsv && <Text size="sm" c="dimmed">Columns of an Excel file are matched to fields by their names.</Text>}
          <Select
            label="When a row matches an existing record"
            data={[
              { value: 'create', label: 'Create it anyway' },
              { value: 'skip', label: 'Skip the row' },
              { value: 'merge', label: 'Update the existing record' },
            ]}
            value={duplicates}
            onChange={(v) => setDuplicates((v as ImportRequest['duplicates']) ?? 'create')}
            allowDeselect={false}
          />
          <Checkbox label="Dry run: check every row, write nothing" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          {start.error && (
            <Alert color="red" title="The import did not start" role="alert">
              {fieldError.length ? fieldError.map(([f, m]) => <Text size="sm" key={f}>{`${f}: ${m}`}</Text>) : describeError(start.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={start.isPending} disabled={!file || (isCsv && header.length > 0 && mappedCount === 0)}>
              {dryRun ? 'Check the file' : 'Import'}
            </Button>
          </Group>
        </Stack>
      ) : job.isError ? (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} title="Could not follow the import" />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {data?.filename ?? file?.name} · {data?.dryRun ? 'dry run · ' : ''}
            <strong>{data?.status ?? 'queued'}</strong>
          </Text>
          <Progress
            value={data?.percent ?? 0}
            aria-label="Import progress"
            animated={isImportRunning(data)}
            color={data?.status === 'failed' ? 'red' : undefined}
          />
          <Text size="sm" role="status" aria-live="polite">
            {data?.processedRows ?? 0}
            {data?.totalRows ? ` of ${data.totalRows}` : ''} rows · {data?.imported ?? 0} imported · {data?.merged ?? 0} merged · {data?.skipped ?? 0} skipped ·{' '}
            {data?.failed ?? 0} failed
          </Text>
          {data?.failure && (
            <Alert color="red" title="The import failed" role="alert">
              {data.failure}
            </Alert>
          )}
          {finished && (data?.failed ?? 0) > 0 && (
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600}>Rows not imported</Text>
                <Anchor component="button" size="sm" onClick={() => jobId && failedRows.mutate(jobId)}>
                  Download the failed rows (CSV)
                </Anchor>
              </Group>
              {errors.isError ? (
                <ErrorState error={errors.error} onRetry={() => void errors.refetch()} title="Could not load the errors" />
              ) : (
                <Table aria-label="Import errors" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Column</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(errors.data?.pages.flatMap((p) => p.items ?? []) ?? []).map((e, i) => (
                      <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                        <Table.Td>{e.row}</Table.Td>
                        <Table.Td>{e.column ?? e.field ?? '—'}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {errors.hasNextPage && (
                <Button size="xs" variant="default" onClick={() => void errors.fetchNextPage()} loading={errors.isFetchingNextPage}>
                  Show more errors
                </Button>
              )}
            </Stack>
          )}
          <Group justify="flex-end">
            {isImportRunning(data) && (
              <Button variant="default" color="red" onClick={() => jobId && cancel.mutate(jobId)} loading={cancel.isPending}>
                Stop the import
              </Button>
            )}
            <Button onClick={close}>{finished ? 'Close' : 'Hide (it keeps running)'}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
