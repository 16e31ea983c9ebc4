import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { filenameOf, saveBlob } from '../records/queries';

export type PaymentPlan = Schemas['PaymentPlanView'];
export type PaymentMilestone = Schemas['PaymentMilestone'];
export type MilestoneInput = Schemas['PaymentMilestoneInput'];
export type Invoice = Schemas['InvoiceView'];
export type FinanceFigures = Schemas['FinanceFigures'];

const planKey = (dealId: string) => ['payments', 'plan', dealId] as const;
const invoicesKey = (dealId: string) => ['payments', 'invoices', dealId] as const;

/** The deal's plan with its ETag, for If-Match. */
export function usePaymentPlan(dealId: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: planKey(dealId),
    queryFn: async () => {
      const result = await client.GET('/api/v1/deals/{id}/payment-plan', { params: { path: { id: dealId } } });
      const plan = await unwrap(Promise.resolve(result));
      return { plan, etag: result.response.headers.get('ETag') ?? undefined };
    },
  });
}

export function useSavePaymentPlan(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag, milestones }: { etag: string | undefined; milestones: MilestoneInput[] }) => {
      const result = await client.PUT('/api/v1/deals/{id}/payment-plan', {
        params: { path: { id: dealId }, header: etag ? { 'If-Match': etag } : {} },
        body: { milestones },
      });
      const plan = await unwrap(Promise.resolve(result));
      return { plan, etag: result.response.headers.get('ETag') ?? undefined };
    },
    onSuccess: (saved) => queryClient.setQueryData(planKey(dealId), saved),
  });
}

export function useStartPaymentPlan(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | undefined) =>
      unwrap(
        client.POST('/api/v1/deals/{id}/payment-plan/start', {
          params: { path: { id: dealId }, header: etag ? { 'If-Match': etag } : {} },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['payments'] }),
  });
}

export function useRecordPayment(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ milestoneId, amount, reference }: { milestoneId: string; amount: string; reference?: string }) =>
      unwrap(
        client.POST('/api/v1/payment-milestones/{id}/payments', {
          params: { path: { id: milestoneId } },
          body: { amount: amount as unknown as number, ...(reference ? { reference } : {}) },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKey(dealId) });
      void queryClient.invalidateQueries({ queryKey: invoicesKey(dealId) });
      void queryClient.invalidateQueries({ queryKey: ['payments', 'finance'] });
    },
  });
}

export function useDealInvoices(dealId: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: invoicesKey(dealId),
    queryFn: () => unwrap(client.GET('/api/v1/deals/{id}/invoices', { params: { path: { id: dealId } } })),
  });
}

export function useDownloadInvoice() {
  const { client } = useApi();
  return useMutation({
    mutationFn: async (invoice: Invoice) => {
      const result = await client.GET('/api/v1/invoices/{id}/pdf', {
        params: { path: { id: invoice.id ?? '' } },
        parseAs: 'blob',
      });
      const blob = (await unwrap(Promise.resolve(result))) as unknown as Blob;
      saveBlob(blob, filenameOf(result.response, `invoice-${invoice.number}.pdf`));
    },
  });
}

export function useFinanceFigures(currency?: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['payments', 'finance', 'figures', currency ?? ''],
    queryFn: () =>
      unwrap(client.GET('/api/v1/finance/figures', { params: { query: currency ? { currency } : {} } })),
  });
}

export function useMilestones(state: 'overdue' | 'awaiting' | 'paid', cursor?: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['payments', 'finance', 'milestones', state, cursor ?? ''],
    queryFn: () =>
      unwrap(client.GET('/api/v1/payment-milestones', { params: { query: { state, limit: 50, cursor } } })),
  });
}

/** An amount in its currency, as finance reads it. */
export function money(amount: number | string | undefined, currency: string | undefined): string {
  if (amount === undefined || amount === null) return '';
  const value = typeof amount === 'number' ? amount : Number(amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'EUR' }).format(value);
  } catch {
    return `${String(amount)} ${currency ?? ''}`.trim();
  }
}

export const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  invoiced: 'Invoiced',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  written_off: 'Written off',
};

export const TRIGGER_LABELS: Record<string, string> = {
  on_deal_won: 'When the deal is won',
  on_date: 'On a date',
  by_hand: 'By hand',
};
