import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/problem';
import type { ApprovalView } from '../api/types';
import { formatMoney, formatPercent } from '../common/format';
import { ReasonModal } from '../common/ReasonModal';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { DueBadge } from '../tasks/TaskListPage';
import { useDealPlaces, useDecide, usePendingApprovals, usePipelines } from './queries';

function roleLabel(role: string | undefined): string {
  if (!role) return '—';
  const words = role.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Deals waiting for my decision, with their key figures and why they need one. */
export function ApprovalInboxPage() {
  const pending = usePendingApprovals();
  const items = pending.data?.items ?? [];
  const places = useDealPlaces(items.map((a) => a.dealId ?? '').filter(Boolean));
  const pipelines = usePipelines();
  const { approve, approveAll } = useDecide();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<ApprovalView | null>(null);

  const visibleIds = items.map((a) => a.taskId ?? '');
  const chosen = visibleIds.filter((id) => selected.has(id));
  const allChosen = chosen.length > 0 && chosen.length === visibleIds.length;

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function pipelineOf(approval: ApprovalView): string {
    const place = approval.dealId ? places.data?.get(approval.dealId) : undefined;
    const pipeline = pipelines.data?.find((p) => p.id === place?.pipelineId);
    if (!pipeline) return places.isPending || pipelines.isPending ? '…' : '—';
    const stage = pipeline.stages?.find((s) => s.id === place?.stageId);
    return stage ? `${pipeline.name} · ${stage.name}` : (pipeline.name ?? '—');
  }

  function approveOne(approval: ApprovalView) {
    approve.mutate(approval.taskId ?? '', {
      onSuccess: () =>
        notifications.show({ color: 'green', title: 'Approved', message: approval.dealName ?? 'The deal is approved.' }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not approved', message: describeError(error) }),
    });
  }

  function approveChosen() {
    approveAll.mutate(chosen, {
      onSuccess: (results) => {
        const failed = results.filter((r) => r.status >= 300);
        const done = results.length - failed.length;
        setSelected(new Set(failed.map((r) => r.taskId)));
        notifications.show({
          color: failed.length ? 'yellow' : 'green',
          title: `${done} of ${results.length} approved`,
          message: failed.length
            ? `Not approved: ${failed.map((r) => items.find((a) => a.taskId === r.taskId)?.dealName ?? r.taskId).join(', ')}. ${failed[0]?.detail ?? ''}`
            : 'Every selected deal is approved.',
        });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Nothing approved', message: describeError(error) }),
    });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Approvals
        </Title>
        <Button disabled={chosen.length === 0} loading={approveAll.isPending} onClick={approveChosen}>
          {chosen.length > 0 ? `Approve selected (${chosen.length})` : 'Approve selected'}
        </Button>
      </Group>

      {pending.isPending ? (
        <LoadingRows label="Loading approvals" />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} title="Could not load your approvals" />
      ) : items.length === 0 ? (
        <EmptyState title="No approvals waiting">When a deal needs your decision, it shows up here.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Approvals waiting for you">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Select all approvals"
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(visibleIds) : new Set())}
                  />
                </Table.Th>
                <Table.Th>Deal</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th ta="right">Discount</Table.Th>
                <Table.Th ta="right">Margin</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Pipeline</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Decision</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.taskId}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${a.dealName}`}
                      checked={selected.has(a.taskId ?? '')}
                      onChange={(e) => toggle(a.taskId ?? '', e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {a.dealId ? (
                      <Anchor component={Link} to={`/deals/${a.dealId}`} fw={600}>
                        {a.dealName}
                      </Anchor>
                    ) : (
                      <Text fw={600}>{a.dealName}</Text>
                    )}
                    <Text size="xs" c="dimmed">
                      Level {a.level} · as {roleLabel(a.approverRole)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(a.amount, a.currency)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(a.discountPercent)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(a.marginPercent)}</Table.Td>
                  <Table.Td>{a.region ?? '—'}</Table.Td>
                  <Table.Td>{pipelineOf(a)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
                      {a.why ?? 'Approval required'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <DueBadge due={a.due} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        color="green"
                        aria-label={`Approve ${a.dealName}`}
                        loading={approve.isPending && approve.variables === a.taskId}
                        onClick={() => approveOne(a)}
                      >
                        Approve
                      </Button>
                      <Button size="xs" color="red" variant="light" aria-label={`Reject ${a.dealName}`} onClick={() => setRejecting(a)}>
                        Reject
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pending.data?.nextCursor && (
        <Text size="sm" c="dimmed">
          Showing the first {items.length} approvals; decide on these to see more.
        </Text>
      )}
      <RejectDialog approval={rejecting} onClose={() => setRejecting(null)} />
    </Stack>
  );
}

/** Rejecting needs a reason: the rep reads it to rework the deal. */
function RejectDialog({ approval, onClose }: { approval: ApprovalView | null; onClose: () => void }) {
  const { reject } = useDecide();
  return (
    <ReasonModal
      opened={approval !== null}
      title={`Reject ${approval?.dealName ?? 'deal'}`}
      reasonHint="Required. The deal's owner sees it."
      missing="Give a reason: the rep reads it to rework the deal."
      confirmLabel="Reject deal"
      onClose={() => {
        reject.reset();
        onClose();
      }}
      onConfirm={async (reason) => {
        if (!approval) return;
        await reject.mutateAsync({ taskId: approval.taskId ?? '', reason });
        notifications.show({ title: 'Rejected', message: `${approval.dealName} goes back to its previous stage.` });
        reject.reset();
        onClose();
      }}
    />
  );
}
