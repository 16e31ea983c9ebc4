import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Box, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../api/problem';
import type { RecordBody } from '../api/types';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { DealCardBody } from './DealCard';
import { dealName } from './deal';
import { columnCoordinates } from './keyboard';
import { useDealReasons, useMoveDeal, usePipelines, type BoardView, type DealReason, type Move, type Stage } from './queries';
import { ReasonDialog, type Outcome } from './ReasonDialog';
import { StageColumn } from './StageColumn';

/** Pointer first (the column under the pointer), else the column the card overlaps most (keyboard). */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

/** Why the server refused a move, in words for the person who dragged. */
export function refusal(error: unknown, name: string): { title: string; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 412)
      return {
        title: `${name} was not moved`,
        message: 'Someone changed this deal meanwhile. The board now shows it as it is; move it again if you still want to.',
      };
    if (error.kind.startsWith('approval-') || error.kind === 'signature-required')
      return { title: error.problem.title ?? 'Waiting for approval', message: `${name}: ${describeError(error)}` };
    const fields = Object.values(error.fieldErrors());
    if (fields.length > 0) return { title: `${name} was not moved`, message: fields.join(' ') };
  }
  return { title: `${name} was not moved`, message: describeError(error) };
}

function reasonsFor(stage: Stage, reasons: DealReason[] | undefined): DealReason[] {
  if (!stage.closed) return [];
  const kind = stage.won ? 'WON' : 'LOST';
  return (reasons ?? []).filter((r) => r.kind === kind);
}

interface Asking {
  move: Move;
  stage: Stage;
  reasons: DealReason[];
}

/** Deals as cards in their stages, one pipeline at a time; drag a card to move the deal on (or back). */
export function PipelineBoardPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { pipelineId: asked } = useParams();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const reasons = useDealReasons();
  const hasTeam = (me.teams ?? []).length > 0;
  const requested = params.get('view');
  const view: BoardView = requested === 'mine' || (requested === 'team' && hasTeam) ? requested : 'all';

  const visible = (pipelines.data ?? []).filter((p) => !p.archived || p.id === asked);
  const pipeline = asked
    ? visible.find((p) => p.id === asked)
    : (visible.find((p) => p.isDefault) ?? visible[0]);
  const pipelineId = pipeline?.id ?? '';
  const stages = pipeline?.stages ?? [];

  const move = useMoveDeal(pipelineId);
  const [dragging, setDragging] = useState<RecordBody | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const stageName = (id: unknown) => stages.find((s) => s.id === id)?.name ?? 'another stage';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.data.current)}. Use the left and right arrow keys to choose a stage, space to drop, escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.data.current)} is over ${stageName(over.id)}.` : `${nameOf(active.data.current)} is over no stage.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.data.current)} dropped on ${stageName(over.id)}.` : `${nameOf(active.data.current)} was not moved.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.data.current)} was cancelled.`,
  };

  function send(next: Move) {
    const name = dealName(next.deal);
    move.mutate(next, {
      onSuccess: () => notifications.show({ color: 'green', message: `${name} moved to ${stageName(next.to)}.` }),
      onError: (error) => notifications.show({ color: 'red', autoClose: 8000, ...refusal(error, name) }),
    });
  }

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current as { deal: RecordBody } | undefined)?.deal ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const data = active.data.current as { deal: RecordBody; from: string } | undefined;
    if (!data || !over || over.id === data.from) return;
    const stage = stages.find((s) => s.id === over.id);
    if (!stage?.id) return;
    const next: Move = { deal: data.deal, from: data.from, to: stage.id };
    const needed = reasonsFor(stage, reasons.data);
    if (needed.length > 0) setAsking({ move: next, stage, reasons: needed });
    else send(next);
  }

  function confirm(outcome: Outcome) {
    if (!asking) return;
    const { move: next, stage } = asking;
    setAsking(null);
    send({
      ...next,
      ...(stage.won ? { wonReasonId: outcome.reasonId } : { lostReasonId: outcome.reasonId }),
      closeNote: outcome.closeNote,
    });
  }

  function setView(value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'all') next.delete('view');
        else next.set('view', value);
        return next;
      },
      { replace: true },
    );
  }

  const views = [
    { value: 'mine', label: 'Mine' },
    ...(hasTeam ? [{ value: 'team', label: 'My team' }] : []),
    { value: 'all', label: 'All' },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          Pipeline
        </Title>
        <Group gap="sm" wrap="wrap">
          {visible.length > 1 && (
            <Select
              aria-label="Pipeline"
              data={visible.map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))}
              value={pipelineId || null}
              onChange={(id) => id && navigate({ pathname: `/pipeline/${id}`, search: params.toString() })}
              allowDeselect={false}
              w={200}
            />
          )}
          <SegmentedControl aria-label="Whose deals" data={views} value={view} onChange={setView} />
        </Group>
      </Group>

      {pipelines.isPending ? (
        <LoadingRows label="Loading the pipeline" />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} title="Could not load the pipelines" />
      ) : !pipeline ? (
        <EmptyState title={asked ? 'No such pipeline' : 'No pipeline yet'}>
          {asked ? 'It was deleted, or it is not in your workspace.' : 'An administrator sets up pipelines and their stages.'}
        </EmptyState>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable: 'To move this deal, press space. Then use the left and right arrow keys to choose a stage, space to drop, escape to cancel.',
            },
          }}
        >
          <Box
            role="region"
            aria-label={`${pipeline.name} stages`}
            tabIndex={0}
            style={{
              display: 'flex',
              gap: 'var(--mantine-spacing-sm)',
              overflowX: 'auto',
              paddingBottom: 'var(--mantine-spacing-xs)',
              scrollSnapType: 'x proximity',
              alignItems: 'flex-start',
            }}
          >
            {stages.map((stage) => (
              <StageColumn
                key={stage.id}
                pipelineId={pipelineId}
                stage={stage}
                view={view}
                me={me}
                movingId={move.isPending ? String(move.variables?.deal.id) : null}
              />
            ))}
          </Box>
          <DragOverlay dropAnimation={null}>
            {dragging && (
              <Card withBorder padding="sm" radius="md" shadow="md" data-overlay-card style={{ width: 264, cursor: 'grabbing' }}>
                <DealCardBody deal={dragging} />
              </Card>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {stages.length > 0 && (
        <Text size="xs" c="dimmed">
          Drag a card to another stage, or focus its handle and press space, then ← or →, then space.
        </Text>
      )}
      {asking && (
        <ReasonDialog
          dealName={dealName(asking.move.deal)}
          stage={asking.stage}
          reasons={asking.reasons}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      )}
    </Stack>
  );
}

function nameOf(data: unknown): string {
  const deal = (data as { deal?: RecordBody } | undefined)?.deal;
  return deal ? dealName(deal) : 'The deal';
}
