import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { ConfirmDialog, fieldErrorsOf, FormError, RowActions } from './common';
import { useAdminPipelines, useDeletePipeline, useSavePipeline, type Pipeline, type StageRequest } from './queries';

/** Deal pipelines and their stages, including which stages hold deals for approval. */
export function PipelinesPage() {
  const pipelines = useAdminPipelines();
  const remove = useDeletePipeline();
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Pipeline | null>(null);
  const items = pipelines.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Pipelines
        </Title>
        <Button onClick={() => setEditing('new')}>New pipeline</Button>
      </Group>
      {pipelines.isPending ? (
        <LoadingRows label="Loading pipelines" />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No pipelines yet" />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Pipelines" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pipeline</Table.Th>
                <Table.Th>Stages</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((pipeline) => (
                <Table.Tr key={pipeline.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {pipeline.name}
                      </Text>
                      {pipeline.isDefault && <Badge size="sm" variant="light">Default</Badge>}
                      {pipeline.archived && (
                        <Badge size="sm" variant="light" color="gray">
                          Archived
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {(pipeline.stages ?? [])
                        .map((s) => `${s.name}${s.requiresApproval ? ' (approval)' : ''}`)
                        .join(' → ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={pipeline.name}
                      onEdit={() => setEditing(pipeline)}
                      destroy={{
                        label: 'Delete',
                        onClick: () => {
                          remove.reset();
                          setDeleting(pipeline);
                        },
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <PipelineDialog pipeline={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'pipeline'}`}
        confirmLabel="Delete pipeline"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'green', title: 'Pipeline deleted', message: deleting.name ?? '' });
              setDeleting(null);
            },
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <Text size="sm">Only a pipeline no deal uses can be deleted; archive one that deals use instead.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

function PipelineDialog({ pipeline, onClose }: { pipeline?: Pipeline; onClose: () => void }) {
  const save = useSavePipeline();
  const [name, setName] = useState(pipeline?.name ?? '');
  const [isDefault, setIsDefault] = useState(Boolean(pipeline?.isDefault));
  const [archived, setArchived] = useState(Boolean(pipeline?.archived));
  const [wonRequiresSignature, setWonRequiresSignature] = useState(Boolean(pipeline?.wonRequiresSignature));
  const [stages, setStages] = useState<StageRequest[]>(
    () =>
      pipeline?.stages?.map((s) => ({
        id: s.id,
        name: s.name ?? '',
        probability: s.probability ?? 0,
        closed: Boolean(s.closed),
        won: Boolean(s.won),
        requiresApproval: Boolean(s.requiresApproval),
      })) ?? [{ name: '', probability: 10, closed: false, won: false, requiresApproval: false }],
  );
  const errors = fieldErrorsOf(save.error);

  function update(index: number, change: Partial<StageRequest>) {
    setStages((current) => current.map((s, i) => (i === index ? { ...s, ...change } : s)));
  }

  function move(index: number, by: number) {
    setStages((current) => {
      const next = [...current];
      const [stage] = next.splice(index, 1);
      if (stage) next.splice(index + by, 0, stage);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { pipeline, body: { name: name.trim(), isDefault, archived, wonRequiresSignature, stages: stages.map((s) => ({ ...s, name: s.name.trim() })) } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Pipeline saved', message: saved.name ?? '' });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={pipeline ? `Edit ${pipeline.name ?? 'pipeline'}` : 'New pipeline'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={['name', 'isDefault', 'archived', 'stages']} />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Group gap="lg">
            <Checkbox label="Default pipeline" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
            <Checkbox label="Archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
            <Checkbox
              label="Won only with a signed contract"
              checked={wonRequiresSignature}
              onChange={(e) => setWonRequiresSignature(e.currentTarget.checked)}
            />
          </Group>
          <Text fw={600} size="sm" component="h2">
            Stages, in order
          </Text>
          {errors.stages && (
            <Text c="red" size="sm" role="alert">
              {errors.stages}
            </Text>
          )}
          {stages.map((stage, i) => {
            const label = stage.name || `Stage ${i + 1}`;
            return (
              <Paper withBorder p="sm" key={stage.id ?? `new-${i}`} component="fieldset" aria-label={label}>
                <Stack gap="xs">
                  <Group align="flex-end" gap="sm" wrap="wrap">
                    <TextInput
                      label="Stage name"
                      required
                      value={stage.name}
                      onChange={(e) => update(i, { name: e.currentTarget.value })}
                      error={errors[`stages[${i}].name`]}
                      style={{ flex: 1, minWidth: 160 }}
                    />
                    <NumberInput
                      label="Probability %"
                      min={0}
                      max={100}
                      value={stage.probability}
                      onChange={(v) => update(i, { probability: typeof v === 'number' ? v : Number(v) || 0 })}
                      error={errors[`stages[${i}].probability`]}
                      w={120}
                    />
                  </Group>
                  <Group gap="md" wrap="wrap">
                    <Checkbox
                      label="Closed"
                      checked={Boolean(stage.closed)}
                      onChange={(e) => update(i, { closed: e.currentTarget.checked, ...(e.currentTarget.checked ? {} : { won: false }) })}
                    />
                    <Checkbox
                      label="Won"
                      disabled={!stage.closed}
                      checked={Boolean(stage.won)}
                      onChange={(e) => update(i, { won: e.currentTarget.checked })}
                    />
                    <Checkbox
                      label="Requires approval"
                      disabled={Boolean(stage.closed)}
                      checked={Boolean(stage.requiresApproval)}
                      onChange={(e) => update(i, { requiresApproval: e.currentTarget.checked })}
                    />
                    <Group gap={4} ml="auto">
                      <ActionIcon variant="default" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={`Move ${label} down`}
                        disabled={i === stages.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${label}`}
                        onClick={() => setStages((current) => current.filter((_, j) => j !== i))}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
          <Button
            variant="default"
            onClick={() =>
              setStages((current) => [...current, { name: '', probability: 50, closed: false, won: false, requiresApproval: false }])
            }
          >
            Add stage
          </Button>
          <Text size="xs" c="dimmed">
            Removing a stage that deals are in is refused; move the deals first.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save pipeline
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
