import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { PointerEventHandler, ReactNode } from 'react';
import { Link } from 'react-router';
import type { RecordBody } from '../api/types';
import { formatDate, formatMoney } from '../common/format';
import {
  approvalStatus,
  closeDate,
  dealAccount,
  dealAmount,
  dealCurrency,
  dealId,
  dealName,
  dealOwner,
  daysInStage,
} from './deal';

function GripIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="currentColor" aria-hidden>
      {[5, 12, 19].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1.6} />))}
    </svg>
  );
}

export function ApprovalBadge({ deal }: { deal: RecordBody }) {
  const status = approvalStatus(deal);
  if (status === 'PENDING')
    return (
      <Badge color="orange" variant="light" size="sm" style={{ textTransform: 'none' }}>
        Waiting for approval
      </Badge>
    );
  if (status === 'REJECTED')
    return (
      <Badge color="red" variant="light" size="sm" style={{ textTransform: 'none' }}>
        Approval rejected
      </Badge>
    );
  return null;
}

/** What a card shows; also the picture under the pointer while dragging. */
export function DealCardBody({ deal, handle }: { deal: RecordBody; handle?: ReactNode }) {
  const days = daysInStage(deal);
  const closes = closeDate(deal);
  const overdue = closes !== undefined && deal.status === 'open' && Date.parse(closes) < Date.now() - 86_400_000;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Anchor component={Link} to={`/deals/${dealId(deal)}`} fw={650} size="sm" lineClamp={2}>
          {dealName(deal)}
        </Anchor>
        {handle}
      </Group>
      {dealAccount(deal) && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {dealAccount(deal)}
        </Text>
      )}
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {formatMoney(dealAmount(deal), dealCurrency(deal))}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {dealOwner(deal) ?? 'No owner'}
        </Text>
      </Group>
      <Group justify="space-between" gap={4}>
        <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
          {closes ? `Closes ${formatDate(closes)}` : 'No close date'}
        </Text>
        {days !== undefined && (
          <Text size="xs" c="dimmed" title="Days in this stage">
            {days} d in stage
          </Text>
        )}
      </Group>
      <ApprovalBadge deal={deal} />
    </Stack>
  );
}

/** A deal on the board: dragged by its card (pointer) or its handle (keyboard: Space, ← →, Space). */
export function DealCard({ deal, stageId, moving }: { deal: RecordBody; stageId: string; moving: boolean }) {
  const id = dealId(deal);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id,
    data: { deal, from: stageId },
  });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="sm"
      radius="md"
      component="li"
      aria-label={dealName(deal)}
      data-deal-id={id}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      style={{ opacity: isDragging || moving ? 0.45 : 1, cursor: 'grab', touchAction: 'manipulation', listStyle: 'none' }}
    >
      <DealCardBody
        deal={deal}
        handle={
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            {...attributes}
            {...listeners}
            aria-label={`Move ${dealName(deal)}`}
            style={{ cursor: 'grab' }}
          >
            <GripIcon />
          </ActionIcon>
        }
      />
    </Card>
  );
}
