import { ActionIcon, Alert, Anchor, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/problem';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import {
  money,
  STATUS_LABELS,
  TRIGGER_LABELS,
  useDealInvoices,
  useDownloadInvoice,
  usePaymentPlan,
  useRecordPayment,
  useSavePaymentPlan,
  useStartPaymentPlan,
  type MilestoneInput,
  type PaymentMilestone,
  type PaymentPlan,
} from './queries';

const STATUS_COLORS: Record<string, string> = {
  planned: 'gray',
  invoiced: 'blue',
  partially_paid: 'yellow',
  paid: 'green',
  written_off: 'red',
};

/** A deal's payments: its plan (editable until it starts), where each milestone stands, its invoices. */
export function PaymentsPanel({ dealId }: { dealId: string }) {
  const plan = usePaymentPlan(dealId);
  const me = useMe();
  const permissions = me.permissions ?? [];
  const canPlan = permissions.includes('invoices:write') || permissions.includes('deals:write');
  const canRecord = permissions.includes('invoices:write');
  if (plan.isPending) return <LoadingRows label="Loading the payment plan" rows={3} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} title="Could not load the payment plan" />;
  const { plan: current, etag } = plan.data;
  const started = Boolean(current.startedAt);
  return (
    <Stack gap="md">
      <PlanSummary plan={current} />
      {(current.milestones ?? []).length > 0 && <MilestoneTable plan={current} dealId={dealId} canRecord={canRecord} />}
      {!started && canPlan && <PlanEditor dealId={dealId} plan={current} etag={etag} />}
      {!started && !canPlan && (current.milestones ?? []).length === 0 && <EmptyState title="This deal has no payment plan" />}
      {started && <Invoices dealId={dealId} />}
    </Stack>
  );
}

function PlanSummary({ plan }: { plan: PaymentPlan }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Figure label="Deal amount" value={money(plan.dealAmount, plan.currency)} />
      <Figure label="Planned" value={money(plan.plannedTotal, plan.currency)} />
      <Figure
        label="Difference"
        value={money(plan.difference, plan.currency)}
        hint={Number(plan.difference) === 0 ? 'The plan covers the deal' : Number(plan.difference) > 0 ? 'More than the deal' : 'Less than the deal'}
      />
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          Paid
        </Text>
        <Text fw={600}>{money(plan.paidTotal, plan.currency)}</Text>
        {plan.fullyPaid ? (
          <Badge color="green" variant="light">
            Fully paid
          </Badge>
        ) : plan.startedAt ? (
          <Badge variant="light">Running</Badge>
        ) : (
          <Badge color="gray" variant="light">
            Not started
          </Badge>
        )}
      </Stack>
    </SimpleGrid>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function MilestoneTable({ plan, dealId, canRecord }: { plan: PaymentPlan; dealId: string; canRecord: boolean }) {
  const [paying, setPaying] = useState<PaymentMilestone | null>(null);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Milestones
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Payment milestones" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Open</Table.Th>
              {canRecord && <Table.Th>Payment</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(plan.milestones ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm">{m.name}</Text>
                  <Text size="xs" c="dimmed">
                    {TRIGGER_LABELS[m.trigger ?? ''] ?? m.trigger}
                    {m.invoiceOn ? ` (${m.invoiceOn})` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{money(m.amount, m.currency)}</Table.Td>
                <Table.Td>
                  <Badge color={m.overdue ? 'red' : STATUS_COLORS[m.status ?? ''] ?? 'gray'} variant="light">
                    {m.overdue ? 'Overdue' : STATUS_LABELS[m.status ?? ''] ?? m.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{m.dueOn ?? '—'}</Table.Td>
                <Table.Td>{money(m.remaining, m.currency)}</Table.Td>
                {canRecord && (
                  <Table.Td>
                    {(m.status === 'invoiced' || m.status === 'partially_paid') && (
                      <Button size="xs" variant="light" onClick={() => setPaying(m)}>
                        Record payment
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paying && <RecordPayment dealId={dealId} milestone={paying} onDone={() => setPaying(null)} />}
    </Stack>
  );
}

function RecordPayment({ dealId, milestone, onDone }: { dealId: string; milestone: PaymentMilestone; onDone: () => void }) {
  const [amount, setAmount] = useState(String(milestone.remaining));
  const [reference, setReference] = useState('');
  const record = useRecordPayment(dealId);
  const errors = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  return (
    <form
      aria-label={`Record a payment for ${milestone.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ milestoneId: milestone.id ?? '', amount, reference: reference.trim() || undefined }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput label={`Amount received (${milestone.currency})`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} inputMode="decimal" required />
          <TextInput label="Reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
          <Button type="submit" loading={record.isPending}>
            Save payment
          </Button>
          <Button variant="subtle" onClick={onDone}>
            Cancel
          </Button>
        </Group>
        {record.isError && Object.keys(errors).length === 0 && <ErrorState error={record.error} title="The payment was not recorded" />}
      </Stack>
    </form>
  );
}

interface Row {
  key: number;
  name: string;
  amount: string;
  trigger: string;
  invoiceOn: string;
  netDays: number | string;
}

function rowsOf(plan: PaymentPlan): Row[] {
  return (plan.milestones ?? []).map((m, i) => ({
    key: i,
    name: m.name ?? '',
    amount: String(m.amount ?? ''),
    trigger: m.trigger ?? 'on_deal_won',
    invoiceOn: m.invoiceOn ?? '',
    netDays: m.netDays ?? 14,
  }));
}

function PlanEditor({ dealId, plan, etag }: { dealId: string; plan: PaymentPlan; etag: string | undefined }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(plan));
  const [next, setNext] = useState(rows.length);
  const save = useSavePaymentPlan(dealId);
  const start = useStartPaymentPlan(dealId);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const body = (): MilestoneInput[] =>
    rows.map((r) => ({
      name: r.name,
      amount: r.amount as unknown as number,
      trigger: r.trigger,
      ...(r.trigger === 'on_date' ? { invoiceOn: r.invoiceOn || undefined } : {}),
      netDays: Number(r.netDays),
    }));
  return (
    <form
      aria-label="Payment plan"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ etag, milestones: body() }, { onSuccess: (saved) => setRows(rowsOf(saved.plan)) });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          Plan the payments
        </Title>
        {rows.length === 0 && <Text size="sm" c="dimmed">No milestones yet. Add the first one.</Text>}
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-start" wrap="wrap" gap="xs">
            <TextInput label={`Milestone ${i + 1} name`} value={r.name} onChange={(e) => change(r.key, { name: e.currentTarget.value })} error={errors[`milestones[${i}].name`]} required />
            <TextInput
              label={`Milestone ${i + 1} amount (${plan.currency})`}
              value={r.amount}
              inputMode="decimal"
              onChange={(e) => change(r.key, { amount: e.currentTarget.value })}
              error={errors[`milestones[${i}].amount`] ?? errors[`milestones[${i}].currency`]}
              required
            />
            <Select
              label={`Milestone ${i + 1} invoiced`}
              data={Object.entries(TRIGGER_LABELS).map(([value, label]) => ({ value, label }))}
              value={r.trigger}
              onChange={(v) => change(r.key, { trigger: v ?? 'on_deal_won' })}
              error={errors[`milestones[${i}].trigger`]}
              allowDeselect={false}
            />
            {r.trigger === 'on_date' && (
              <TextInput
                label={`Milestone ${i + 1} invoice date`}
                type="date"
                value={r.invoiceOn}
                onChange={(e) => change(r.key, { invoiceOn: e.currentTarget.value })}
                error={errors[`milestones[${i}].invoiceOn`]}
              />
            )}
            <NumberInput
              label={`Milestone ${i + 1} days to pay`}
              value={r.netDays}
              min={0}
              max={365}
              onChange={(v) => change(r.key, { netDays: v })}
              error={errors[`milestones[${i}].netDays`]}
              w={120}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={`Remove milestone ${i + 1}`}
              onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {errors.milestones && <Alert color="red">{errors.milestones}</Alert>}
        {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} title="The plan was not saved" />}
        {start.isError && <ErrorState error={start.error} title="The plan did not start" />}
        <Group wrap="wrap">
          <Button
            variant="light"
            onClick={() => {
              setRows((all) => [...all, { key: next, name: '', amount: '', trigger: 'on_deal_won', invoiceOn: '', netDays: 14 }]);
              setNext(next + 1);
            }}
          >
            Add a milestone
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save plan
          </Button>
          {(plan.milestones ?? []).length > 0 && (
            <Button variant="outline" loading={start.isPending} onClick={() => start.mutate(etag)}>
              Start the plan now
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          A won deal starts its plan by itself; milestones are invoiced and emailed to the deal&apos;s primary contact.
        </Text>
      </Stack>
    </form>
  );
}

function Invoices({ dealId }: { dealId: string }) {
  const invoices = useDealInvoices(dealId);
  const download = useDownloadInvoice();
  if (invoices.isPending) return <LoadingRows label="Loading the invoices" rows={2} />;
  if (invoices.isError) return <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} title="Could not load the invoices" />;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Invoices
      </Title>
      {download.isError && <ErrorState error={download.error} title="The download failed" />}
      {invoices.data.length === 0 ? (
        <EmptyState title="No invoice yet" />
      ) : (
        <Table aria-label="Invoices" verticalSpacing={6}>
          <Table.Tbody>
            {invoices.data.map((invoice) => (
              <Table.Tr key={invoice.id}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" onClick={() => download.mutate(invoice)} aria-label={`Download invoice ${invoice.number} as PDF`}>
                    Invoice {invoice.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{money(invoice.total, invoice.currency)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {STATUS_LABELS[invoice.status === 'open' ? 'invoiced' : invoice.status ?? ''] ?? invoice.status} · due {invoice.dueOn}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
