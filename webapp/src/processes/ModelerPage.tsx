import { Alert, Anchor, Badge, Button, Card, Drawer, Grid, Group, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../api/problem';
import { useMe } from '../auth/SessionProvider';
import { can } from '../auth/permissions';
import { formatDateTime } from '../common/format';
import { ErrorState, LoadingRows } from '../common/states';
import type { EditorHandle, EditorProps } from './editors/types';
import { checkBpmn, FILE_EXTENSION, keyOf, kindOfFile, type ModelKind } from './model';
import {
  useDecisionVersions,
  useDeploy,
  useFormVersions,
  useModelXml,
  useProcessBeans,
  useProcessVersions,
  type DecisionDefinition,
  type Deployment,
  type FormDefinition,
  type ProcessDefinition,
} from './queries';
import { refusalsForFile, refusalsOf, type Refusal } from './refusals';
import { newKey, template } from './templates';

function editor(load: () => Promise<Record<string, unknown>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<EditorProps> }));
}

/** bpmn-js, dmn-js and form-js are large: each loads (with its CSS) only when its editor opens. */
const EDITORS: Record<ModelKind, ComponentType<EditorProps>> = {
  bpmn: editor(() => import('./editors/BpmnEditor'), 'BpmnEditor'),
  dmn: editor(() => import('./editors/DmnEditor'), 'DmnEditor'),
  form: editor(() => import('./editors/FormEditor'), 'FormEditor'),
};

const MEDIA_TYPE: Record<ModelKind, string> = { bpmn: 'application/xml', dmn: 'application/xml', form: 'application/json' };
const KIND_LABEL: Record<ModelKind, string> = { bpmn: 'Process (BPMN)', dmn: 'Decision (DMN)', form: 'Form' };

/** A file opened in the browser, handed over by the modeler's start page. */
export interface OpenedFile {
  content: string;
  fileName: string;
}

/** `/processes/modeler/:key`: a deployed process, at `?version=` or its latest. */
export function ProcessModelerPage() {
  const { key = '' } = useParams();
  const versions = useProcessVersions(key);
  return <DeployedModel kind="bpmn" modelKey={key} versions={versions} />;
}

/** `/processes/modeler/decision/:key`: a deployed decision, at `?version=` or its latest. */
export function DecisionModelerPage() {
  const { key = '' } = useParams();
  const versions = useDecisionVersions(key);
  return <DeployedModel kind="dmn" modelKey={key} versions={versions} />;
}

/** `/processes/modeler/form/:key`: a deployed form, at `?version=` or its latest. */
export function FormModelerPage() {
  const { key = '' } = useParams();
  const versions = useFormVersions(key);
  return <DeployedModel kind="form" modelKey={key} versions={versions} />;
}

/** `/processes/modeler/new/:kind`: a new model, or a file opened from the computer. */
export function NewModelPage() {
  const { kind: param } = useParams();
  const location = useLocation();
  const kind: ModelKind = param === 'dmn' || param === 'form' ? param : 'bpmn';
  const opened = (location.state as { file?: OpenedFile } | null)?.file;
  const initial = useMemo(() => {
    if (opened) return opened;
    const key = newKey(kind);
    return { content: template(kind, key), fileName: `${key}${FILE_EXTENSION[kind]}` };
  }, [kind, opened]);
  return (
    <Workspace
      key={`${kind}:${initial.fileName}`}
      kind={kind}
      initial={initial.content}
      initialFileName={initial.fileName}
      title={opened ? opened.fileName : `New ${KIND_LABEL[kind].toLowerCase()}`}
      fileNameEditable
    />
  );
}

type Version = ProcessDefinition | DecisionDefinition | (FormDefinition & { name?: string });

const SOURCE: Record<ModelKind, 'process' | 'decision' | 'form'> = { bpmn: 'process', dmn: 'decision', form: 'form' };

function DeployedModel({
  kind,
  modelKey,
  versions,
}: {
  kind: ModelKind;
  modelKey: string;
  versions: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown; data?: { items?: Version[] } };
}) {
  const [params] = useSearchParams();
  const list = versions.data?.items ?? [];
  const wanted = params.get('version');
  const selected = (wanted ? list.find((v) => String(v.version) === wanted) : undefined) ?? list[0];
  const xml = useModelXml(SOURCE[kind], selected?.id);

  if (versions.isPending || (selected && xml.isPending)) return <LoadingRows label="Loading the model" rows={6} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} title="Could not load the versions" />;
  if (!selected) return <ErrorState error={null} title={`No version of ${modelKey}`} />;
  if (xml.isError) return <ErrorState error={xml.error} onRetry={() => void xml.refetch()} title="Could not load the model" />;

  return (
    <Workspace
      key={selected.id}
      kind={kind}
      initial={xml.data?.xml ?? ''}
      initialFileName={xml.data?.resourceName ?? `${modelKey}${FILE_EXTENSION[kind]}`}
      title={`${selected.name || modelKey} · version ${selected.version}`}
      versions={<VersionList kind={kind} modelKey={modelKey} versions={list} selected={selected} />}
    />
  );
}

function modelPath(kind: ModelKind, key: string, version?: number): string {
  const base =
    kind === 'dmn'
      ? `/processes/modeler/decision/${encodeURIComponent(key)}`
      : kind === 'form'
        ? `/processes/modeler/form/${encodeURIComponent(key)}`
        : `/processes/modeler/${encodeURIComponent(key)}`;
  return version === undefined ? base : `${base}?version=${version}`;
}

function VersionList({ kind, modelKey, versions, selected }: { kind: ModelKind; modelKey: string; versions: Version[]; selected: Version }) {
  const me = useMe();
  const operator = can('process:operate')(me);
  const latest = versions[0];
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="modeler-versions-heading">
      <Title order={2} size="h5" id="modeler-versions-heading" mb="xs">
        Versions
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {versions.map((v) => {
            const process = v as ProcessDefinition;
            const instances = (process.runningInstances ?? 0) + (process.suspendedInstances ?? 0);
            return (
              <Table.Tr key={v.id} bg={v.id === selected.id ? 'var(--mantine-color-default-hover)' : undefined}>
                <Table.Td>
                  <Anchor component={Link} to={modelPath(kind, modelKey, v.version)} size="sm" aria-current={v.id === selected.id ? 'page' : undefined}>
                    v{v.version}
                  </Anchor>{' '}
                  {v.id === latest?.id && <Badge size="xs">latest</Badge>}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.deployedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {kind === 'bpmn' && (
                    <Text size="xs" c="dimmed">
                      {instances} instance{instances === 1 ? '' : 's'}
                    </Text>
                  )}
                  {kind === 'bpmn' && operator && instances > 0 && v.id !== latest?.id && (
                    <Anchor
                      component={Link}
                      size="xs"
                      to={`/processes/${encodeURIComponent(modelKey)}/migrate?from=${encodeURIComponent(v.id ?? '')}&to=${encodeURIComponent(latest?.id ?? '')}`}
                    >
                      Migrate…
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {kind === 'bpmn' && (
        <Anchor component={Link} to={`/processes/${encodeURIComponent(modelKey)}`} size="xs">
          Instances of {modelKey}
        </Anchor>
      )}
    </Card>
  );
}

type Findings = { source: 'check' | 'server'; refusals: Refusal[]; unplaced: Refusal[] };

/** The editor with its file name, the check, the deployment, and the refusals listed and marked on their elements. */
function Workspace({
  kind,
  initial,
  initialFileName,
  title,
  versions,
  fileNameEditable = false,
}: {
  kind: ModelKind;
  initial: string;
  initialFileName: string;
  title: string;
  versions?: ReactNode;
  fileNameEditable?: boolean;
}) {
  const navigate = useNavigate();
  const handle = useRef<EditorHandle>(null);
  const [fileName, setFileName] = useState(initialFileName);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [findings, setFindings] = useState<Findings | null>(null);
  const [deployed, setDeployed] = useState<Deployment | null>(null);
  const [beansOpen, setBeansOpen] = useState(false);
  const deploy = useDeploy();
  const beans = useProcessBeans(kind === 'bpmn');
  const Editor = EDITORS[kind];

  const nameError =
    kindOfFile(fileName) !== kind ? `The file name must end in ${FILE_EXTENSION[kind]}` : /[/\\]/.test(fileName) ? 'No folders in the file name' : null;

  function show(source: Findings['source'], refusals: Refusal[]) {
    const mine = refusalsForFile(refusals, fileName);
    const unplaced = handle.current?.showRefusals(mine) ?? mine;
    setFindings({ source, refusals, unplaced });
  }

  async function check(): Promise<Refusal[]> {
    const content = (await handle.current?.content()) ?? initial;
    const found: Refusal[] =
      kind === 'bpmn'
        ? checkBpmn(content, fileName, beans.data ? Object.keys(beans.data) : null)
        : keyOf(kind, content)
          ? []
          : [{ file: fileName, elementId: null, reason: kind === 'form' ? 'The form has no id.' : 'The file defines no decision.' }];
    show('check', found);
    return found;
  }

  async function runDeploy() {
    if (nameError) return;
    setDeployed(null);
    const content = (await handle.current?.content()) ?? initial;
    const file = new File([content], fileName, { type: MEDIA_TYPE[kind] });
    deploy.mutate(
      { files: [file] },
      {
        onSuccess: (result) => {
          setDirty(false);
          show('server', []);
          setFindings(null);
          setDeployed(result);
          const mine = (result.definitions ?? []).find((d) => (kind === 'bpmn' ? d.kind === 'process' : d.kind === 'decision'));
          if (!mine) {
            notifications.show({ color: 'blue', title: 'Nothing new deployed', message: 'The file is unchanged: no new version was made.' });
            return;
          }
          notifications.show({ color: 'green', title: 'Deployed', message: `${mine.key} version ${mine.version} is live for new instances.` });
          if (mine.key) navigate(modelPath(kind, mine.key, mine.version));
        },
        onError: (error) => {
          const refusals = refusalsOf(error);
          if (refusals) show('server', refusals);
        },
      },
    );
  }

  async function download() {
    const content = (await handle.current?.content()) ?? initial;
    const url = URL.createObjectURL(new Blob([content], { type: MEDIA_TYPE[kind] }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  function select(refusal: Refusal) {
    if (refusal.elementId && !handle.current?.select(refusal.elementId)) {
      notifications.show({ color: 'gray', title: 'Not on the canvas', message: `${refusal.elementId} is not an element shown here.` });
    }
  }

  const deployError = deploy.isError && !refusalsOf(deploy.error) ? describeError(deploy.error) : null;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/processes/modeler" size="sm">
        ← Modeler
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {title} {dirty && <Badge color="yellow">changed</Badge>}
          </Title>
          <Text size="xs" c="dimmed">
            {KIND_LABEL[kind]}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <TextInput
            label="File name"
            size="xs"
            w={240}
            value={fileName}
            onChange={(e) => setFileName(e.currentTarget.value.trim())}
            readOnly={!fileNameEditable}
            error={nameError}
          />
          {kind === 'bpmn' && (
            <Button size="xs" variant="subtle" onClick={() => setBeansOpen(true)}>
              Beans
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => void download()}>
            Download
          </Button>
          <Button size="xs" variant="light" onClick={() => void check()}>
            Check
          </Button>
          <Button size="xs" onClick={() => void runDeploy()} loading={deploy.isPending} disabled={!!nameError}>
            Deploy
          </Button>
        </Group>
      </Group>

      {problem && (
        <Alert color="yellow" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {deployError && (
        <Alert color="red" role="alert" title="Not deployed">
          {deployError}
        </Alert>
      )}
      {deployed && (
        <Alert color="green" title="Deployed">
          {(deployed.definitions ?? []).length === 0
            ? 'No file changed: no new version.'
            : (deployed.definitions ?? []).map((d) => `${d.key} version ${d.version}`).join(', ')}
        </Alert>
      )}
      {findings && <RefusalPanel findings={findings} fileName={fileName} onSelect={select} />}

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: versions ? 10 : 12 }}>
          <Suspense fallback={<LoadingRows rows={6} label="Loading the editor" />}>
            <Editor ref={handle} initial={initial} onProblem={setProblem} onChange={() => setDirty(true)} />
          </Suspense>
        </Grid.Col>
        {versions && <Grid.Col span={{ base: 12, lg: 2 }}>{versions}</Grid.Col>}
      </Grid>

      <Drawer opened={beansOpen} onClose={() => setBeansOpen(false)} title="Beans a model may call" position="right" size="md">
        <Text size="sm" mb="sm">
          Name them in a delegate expression (<code>{'${nurturePlanTouch}'}</code>) or call their methods in an expression.
        </Text>
        {beans.isPending ? (
          <LoadingRows rows={3} label="Loading beans" />
        ) : beans.isError ? (
          <ErrorState error={beans.error} onRetry={() => void beans.refetch()} />
        ) : (
          <Stack gap="xs">
            {Object.entries(beans.data).map(([name, description]) => (
              <div key={name}>
                <Text size="sm" ff="monospace">
                  {name}
                </Text>
                <Text size="xs" c="dimmed">
                  {description}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}

/** The refusals, each with the element it is about: choosing one selects that element in the editor. */
export function RefusalPanel({ findings, fileName, onSelect }: { findings: Findings; fileName: string; onSelect(refusal: Refusal): void }) {
  const { source, refusals } = findings;
  if (refusals.length === 0) {
    return (
      <Alert color="green" title={source === 'check' ? 'No problems found' : 'Accepted'}>
        {source === 'check' ? 'The check in the browser found nothing; the server checks again when you deploy.' : 'The server accepted the files.'}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      title={source === 'server' ? `Not deployed: ${refusals.length} problem${refusals.length === 1 ? '' : 's'}` : `${refusals.length} problem${refusals.length === 1 ? '' : 's'} found`}
      role="alert"
    >
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Refusals">
        {refusals.map((r, i) => (
          <li key={i}>
            {r.elementId ? (
              <UnstyledButton onClick={() => onSelect(r)} style={{ textAlign: 'left' }} aria-label={`Show ${r.elementId}: ${r.reason}`}>
                <Text size="sm" span fw={600} ff="monospace" td="underline">
                  {r.elementId}
                </Text>
                <Text size="sm" span>
                  {' '}
                  {r.reason}
                </Text>
              </UnstyledButton>
            ) : (
              <Text size="sm">{r.reason}</Text>
            )}
            {r.file && r.file !== fileName && (
              <Text size="xs" c="dimmed">
                in {r.file}
              </Text>
            )}
          </li>
        ))}
      </Stack>
      {findings.unplaced.some((r) => r.elementId) && (
        <Text size="xs" mt="xs">
          Some elements are not drawn on the canvas (listeners, fields): the nearest element named above holds them.
        </Text>
      )}
    </Alert>
  );
}
