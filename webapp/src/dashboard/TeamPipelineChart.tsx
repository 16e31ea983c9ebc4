import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PipelineView, RecordBody } from '../api/types';
import { recordOwner } from '../records/queries';

interface Props {
  deals: RecordBody[];
  pipelines: PipelineView[];
}

const COLORS = ['brand.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.6', 'indigo.6', 'yellow.6', 'red.6'];

export function ownerName(deal: RecordBody): string {
  return recordOwner(deal) ?? (deal.ownerId ? 'Unknown user' : 'No owner');
}

/** The team's open deals by stage of one pipeline, stacked per rep, with the same numbers as a table. */
export function TeamPipelineChart({ deals, pipelines }: Props) {
  const used = pipelines.filter((p) => deals.some((d) => d.pipelineId === p.id));
  const fallback = used.find((p) => p.isDefault) ?? used[0] ?? pipelines[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const pipeline = pipelines.find((p) => p.id === chosen) ?? fallback;
  if (!pipeline) return <Text c="dimmed">No pipelines are set up yet.</Text>;

  const inPipeline = deals.filter((d) => d.pipelineId === pipeline.id);
  const reps = [...new Set(inPipeline.map(ownerName))].sort((a, b) => a.localeCompare(b));
  const stages = (pipeline.stages ?? []).filter((s) => !s.closed);
  const count = (stageId: string | undefined, rep: string) =>
    inPipeline.filter((d) => d.stageId === stageId && ownerName(d) === rep).length;
  const data = stages.map((stage) => ({
    stage: stage.name ?? '',
    ...Object.fromEntries(reps.map((rep) => [rep, count(stage.id, rep)])),
  }));

  return (
    <Stack gap="sm">
      {used.length > 1 && (
        <Select
          label="Pipeline"
          w={220}
          data={used.map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))}
          value={pipeline.id ?? null}
          onChange={setChosen}
          allowDeselect={false}
        />
      )}
      <BarChart
        h={260}
        data={data}
        dataKey="stage"
        type="stacked"
        withLegend
        series={reps.map((rep, i) => ({ name: rep, color: COLORS[i % COLORS.length] }))}
        tickLine="y"
        yAxisProps={{ allowDecimals: false }}
        // The table below carries the same numbers for screen readers and keyboards.
        accessibilityLayer={false}
        aria-hidden
      />
      <Table.ScrollContainer minWidth={320}>
        <Table striped withTableBorder fz="sm" aria-label={`Team's open deals by stage and rep in ${pipeline.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rep</Table.Th>
              {stages.map((s) => (
                <Table.Th scope="col" key={s.id} ta="right">
                  {s.name}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                Total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reps.map((rep) => (
              <Table.Tr key={rep}>
                <Table.Th scope="row" fw={500}>
                  {rep}
                </Table.Th>
                {stages.map((s) => (
                  <Table.Td key={s.id} ta="right">
                    {count(s.id, rep)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {inPipeline.filter((d) => ownerName(d) === rep).length}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
