import { Alert, Anchor, Button, Card, FileButton, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { kindOfFile } from './model';
import type { OpenedFile } from './ModelerPage';
import { useDecisionDefinitions, useFormDefinitions, useProcessDefinitions } from './queries';

const MAX_FILE = 1024 * 1024;

/** The modeler's start: the deployed processes and decisions to open, a new model, or a file from the computer. */
export function ModelerHomePage() {
  const navigate = useNavigate();
  const processes = useProcessDefinitions();
  const decisions = useDecisionDefinitions();
  const forms = useFormDefinitions();
  const [fileError, setFileError] = useState<string | null>(null);

  async function open(file: File | null) {
    if (!file) return;
    const kind = kindOfFile(file.name);
    if (!kind) {
      setFileError('Open a .bpmn, .dmn or .form file.');
      return;
    }
    if (file.size > MAX_FILE) {
      setFileError('The file is larger than 1 MB.');
      return;
    }
    setFileError(null);
    const opened: OpenedFile = { content: await file.text(), fileName: file.name };
    navigate(`/processes/modeler/new/${kind}`, { state: { file: opened } });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Modeler
          </Title>
          <Text size="sm" c="dimmed">
            Change the workspace's processes, decision tables and forms, check them and deploy a new version.
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/processes/modeler/new/bpmn">
            New process
          </Button>
          <Button component={Link} to="/processes/modeler/new/dmn" variant="light">
            New decision
          </Button>
          <Button component={Link} to="/processes/modeler/new/form" variant="light">
            New form
          </Button>
          <FileButton onChange={(file) => void open(file)} accept=".bpmn,.dmn,.form,application/xml,application/json">
            {(props) => (
              <Button {...props} variant="default">
                Open a file…
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      {fileError && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFileError(null)}>
          {fileError}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="modeler-processes-heading">
            <Title order={2} size="h4" id="modeler-processes-heading" mb="sm">
              Processes
            </Title>
            {processes.isPending ? (
              <LoadingRows label="Loading processes" />
            ) : processes.isError ? (
              <ErrorState error={processes.error} onRetry={() => void processes.refetch()} />
            ) : (processes.data.items ?? []).length === 0 ? (
              <EmptyState title="No processes yet" />
            ) : (
              <DefinitionTable
                rows={(processes.data.items ?? []).map((d) => ({ ...d, to: `/processes/modeler/${encodeURIComponent(d.key ?? '')}` }))}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="modeler-decisions-heading">
            <Title order={2} size="h4" id="modeler-decisions-heading" mb="sm">
              Decisions
            </Title>
            {decisions.isPending ? (
              <LoadingRows label="Loading decisions" />
            ) : decisions.isError ? (
              <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
            ) : (decisions.data.items ?? []).length === 0 ? (
              <EmptyState title="No decisions yet" />
            ) : (
              <DefinitionTable
                rows={(decisions.data.items ?? []).map((d) => ({ ...d, to: `/processes/modeler/decision/${encodeURIComponent(d.key ?? '')}` }))}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="modeler-forms-heading">
            <Title order={2} size="h4" id="modeler-forms-heading" mb="sm">
              Forms
            </Title>
            {forms.isPending ? (
              <LoadingRows label="Loading forms" />
            ) : forms.isError ? (
              <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />
            ) : (forms.data.items ?? []).length === 0 ? (
              <EmptyState title="No forms yet" />
            ) : (
              <DefinitionTable
                rows={(forms.data.items ?? []).map((d) => ({ ...d, to: `/processes/modeler/form/${encodeURIComponent(d.key ?? '')}` }))}
              />
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DefinitionTable({ rows }: { rows: { id?: string; key?: string; name?: string; version?: number; deployedAt?: string; resourceName?: string; to: string }[] }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Latest</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={d.to} fw={500} size="sm">
                  {d.name || d.key}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">v{d.version}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(d.deployedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{d.resourceName}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
