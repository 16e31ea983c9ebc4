import { Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { money, STATUS_LABELS, useFinanceFigures, useMilestones, type FinanceFigures } from './queries';

type State = 'overdue' | 'awaiting' | 'paid';

const STATES: { value: State; label: string }[] = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'awaiting', label: 'Awaiting payment' },
  { value: 'paid', label: 'Paid' },
];

/** Finance's page: open, overdue and paid milestones in total per currency, and the milestones in one state. */
export function FinancePage() {
  const figures = useFinanceFigures();
  const [state, setState] = useState<State>('overdue');
  const [cursors, setCursors] = useState<string[]>([]);
  const milestones = useMilestones(state, cursors[cursors.length - 1]);
  return (
    <Stack gap="lg">
      <Title order={1}>Finance</Title>
      {figures.isPending ? (
        <LoadingRows label="Loading the figures" rows={1} />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} title="Could not load the figures" />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FigureCard title="Open" figures={figures.data.open} />
          <FigureCard title="Overdue" figures={figures.data.overdue} />
          <FigureCard title="Paid" figures={figures.data.paid} />
        </SimpleGrid>
      )}
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Milestones
          </Title>
          <SegmentedControl
            aria-label="Which milestones"
            data={STATES}
            value={state}
            onChange={(v) => {
              setState(v as State);
              setCursors([]);
            }}
          />
        </Group>
        {milestones.isPending ? (
          <LoadingRows label="Loading the milestones" rows={3} />
        ) : milestones.isError ? (
          <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} title="Could not load the milestones" />
        ) : (milestones.data.items ?? []).length === 0 ? (
          <EmptyState title={state === 'overdue' ? 'Nothing is overdue' : 'No milestones here'} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`${STATES.find((s) => s.value === state)?.label} milestones`} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Invoice</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Open</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(milestones.data.items ?? []).map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/deals/${m.dealId}`} size="sm">
                        {m.dealName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.invoiceNumber ?? '—'}</Table.Td>
                    <Table.Td>{m.dueOn}</Table.Td>
                    <Table.Td>{money(m.remaining, m.currency)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={m.overdue ? 'red' : m.status === 'paid' ? 'green' : 'blue'}>
                        {m.overdue ? 'Overdue' : STATUS_LABELS[m.status ?? ''] ?? m.status}
                      </Badge>
                      {m.escalatedAt && (
                        <Text size="xs" c="dimmed">
                          With finance
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          {cursors.length > 0 && (
            <Button variant="subtle" onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </Button>
          )}
          {milestones.data?.nextCursor && (
            <Button variant="subtle" onClick={() => setCursors([...cursors, milestones.data.nextCursor as string])}>
              Next page
            </Button>
          )}
        </Group>
      </Stack>
    </Stack>
  );
}

function FigureCard({ title, figures = [] }: { title: string; figures: FinanceFigures['open'] }) {
  return (
    <Card withBorder padding="md" aria-label={`${title} milestones`} component="section">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      {figures.length === 0 ? (
        <Text fw={600}>None</Text>
      ) : (
        figures.map((f) => (
          <Text key={f.currency} fw={600}>
            {money(f.amount, f.currency)}{' '}
            <Text span size="xs" c="dimmed">
              ({f.count} {f.count === 1 ? 'milestone' : 'milestones'})
            </Text>
          </Text>
        ))
      )}
    </Card>
  );
}
