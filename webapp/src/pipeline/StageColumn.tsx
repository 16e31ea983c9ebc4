import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { Me } from '../api/types';
import { ErrorState } from '../common/states';
import { DealCard } from './DealCard';
import { totalOf } from './deal';
import { useStageDeals, type BoardView, type Stage } from './queries';

export const COLUMN_WIDTH = 280;

function stageKind(stage: Stage): string | null {
  if (stage.closed) return stage.won ? 'Won' : 'Lost';
  return stage.requiresApproval ? 'Approval' : null;
}

/** One stage: its deals a page at a time, with how many and how much; a drop target for cards. */
export function StageColumn({
  pipelineId,
  stage,
  view,
  me,
  movingId,
}: {
  pipelineId: string;
  stage: Stage;
  view: BoardView;
  me: Me;
  movingId: string | null;
}) {
  const stageId = stage.id ?? '';
  const deals = useStageDeals(pipelineId, stageId, view, me);
  const { setNodeRef, isOver } = useDroppable({ id: stageId, data: { stage } });
  const items = deals.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const more = deals.hasNextPage;
  const headingId = `stage-${stageId}`;
  const kind = stageKind(stage);

  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage-id={stageId}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
      style={{ width: COLUMN_WIDTH, minWidth: COLUMN_WIDTH, flex: '0 0 auto', scrollSnapAlign: 'start', alignSelf: 'stretch' }}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text id={headingId} component="h2" fw={700} size="sm" lineClamp={1}>
            {stage.name}
          </Text>
          {kind && (
            <Badge size="xs" variant="light" color={kind === 'Won' ? 'green' : kind === 'Lost' ? 'gray' : 'orange'}>
              {kind}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" aria-label={`${stage.name} totals`}>
          {deals.isPending ? '…' : `${items.length}${more ? '+' : ''} ${items.length === 1 && !more ? 'deal' : 'deals'} · ${more ? 'at least ' : ''}${totalOf(items)}`}
          {' · '}
          {stage.probability ?? 0} %
        </Text>
      </Stack>

      {deals.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={`Loading ${stage.name}`}>
          <Skeleton height={96} radius="md" />
          <Skeleton height={96} radius="md" />
        </Stack>
      ) : deals.isError ? (
        <ErrorState error={deals.error} onRetry={() => void deals.refetch()} title={`Could not load ${stage.name}`} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={`Deals in ${stage.name}`} mih={64}>
          {items.map((deal) => (
            <DealCard key={String(deal.id)} deal={deal} stageId={stageId} moving={movingId === deal.id} />
          ))}
          {items.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md" component="li" style={{ listStyle: 'none' }}>
              No deals
            </Text>
          )}
        </Stack>
      )}
      {more && (
        <Button
          variant="subtle"
          size="xs"
          fullWidth
          mt="xs"
          loading={deals.isFetchingNextPage}
          onClick={() => void deals.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </Paper>
  );
}
