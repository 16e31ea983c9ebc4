import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PipelineView, RecordBody } from '../api/types';
import { formatMoney } from '../common/format';

interface Props {
  deals: RecordBody[];
  pipelines: PipelineView[];
}

/** Open deals by stage of one pipeline: how many and how much. */
export function PipelineChart({ deals, pipelines }: Props) {
  const used = pipelines.filter((p) => deals.some((d) => d.pipelineId === p.id));
  const fallback = used.find((p) => p.isDefault) ?? used[0] ?? pipelines[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const pipeline = pipelines.find((p) => p.id === chosen) ?? fallback;
  if (!pipeline) return <Text c="dimmed">No pipelines are set up yet.</Text>;

  const inPipeline = deals.filter((d) => d.pipelineId === pipeline.id);
  const currencies = new Set(inPipeline.map((d) => String(d.currency ?? '')));
  const currency = currencies.size === 1 ? [...currencies][0] : undefined;
  const data = (pipeline.stages ?? [])
    .filter((s) => !s.closed)
    .map((stage) => {
      const here = inPipeline.filter((d) => d.stageId === stage.id);
      return {
        stage: stage.name ?? '',
        deals: here.length,
        amount: here.reduce((sum, d) => sum + (typeof d.amount === 'number' ? d.amount : 0), 0),
      };
    });

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
      {/* A labelled figure: the chart itself carries no role an aria-label may go on; the text below spells out the figures. */}
      <div role="figure" aria-label={`Open deals by stage in ${pipeline.name}`}>
        <BarChart
          h={260}
          data={data}
          dataKey="stage"
          series={[{ name: 'deals', label: 'Open deals', color: 'brand.6' }]}
          tickLine="y"
          yAxisProps={{ allowDecimals: false }}
        />
      </div>
      <Text size="sm" c="dimmed">
        {data.map((d) => `${d.stage}: ${d.deals} (${currency ? formatMoney(d.amount, currency) : d.amount.toLocaleString()})`).join(' · ')}
      </Text>
    </Stack>
  );
}
