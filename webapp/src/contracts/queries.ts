import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { Schemas } from '../api/types';
import { useApi } from '../app/ApiContext';
import { saveBlob } from '../records/queries';

export type ContractView = Schemas['ContractView'];
export type ContractSigner = Schemas['ContractSigner'];
export type ContractTemplate = Schemas['ContractTemplateView'];
export type ContractTemplateInput = Schemas['ContractTemplateInput'];
export type ContractVerification = Schemas['ContractVerification'];
export type DealLineItem = Schemas['DealLineItem'];
export type DealLineItemInput = Schemas['DealLineItemInput'];
export type SigningView = Schemas['SigningView'];

export const contractKeys = {
  templates: ['contracts', 'templates'] as const,
  ofDeal: (dealId: string) => ['contracts', 'deal', dealId] as const,
  lineItems: (dealId: string) => ['contracts', 'line-items', dealId] as const,
  signing: (token: string) => ['contracts', 'signing', token] as const,
};

export function useContractTemplates(enabled = true) {
  const { client } = useApi();
  return useQuery({
    queryKey: contractKeys.templates,
    enabled,
    queryFn: () => unwrap(client.GET('/api/v1/contracts/templates', { params: { query: { limit: 200 } } })),
  });
}

export function useSaveContractTemplate() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ContractTemplateInput }) =>
      id
        ? unwrap(client.PUT('/api/v1/contracts/templates/{id}', { params: { path: { id }, header: {} }, body }))
        : unwrap(client.POST('/api/v1/contracts/templates', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.templates }),
  });
}

export function useArchiveContractTemplate() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/v1/contracts/templates/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.templates }),
  });
}

export function useLineItems(dealId: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: contractKeys.lineItems(dealId),
    queryFn: () => unwrap(client.GET('/api/v1/deals/{id}/line-items', { params: { path: { id: dealId } } })),
  });
}

export function useSaveLineItems(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DealLineItemInput[]) =>
      unwrap(client.PUT('/api/v1/deals/{id}/line-items', { params: { path: { id: dealId }, header: {} }, body })),
    onSuccess: (saved) => queryClient.setQueryData(contractKeys.lineItems(dealId), saved),
  });
}

export function useDealContracts(dealId: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: contractKeys.ofDeal(dealId),
    queryFn: () => unwrap(client.GET('/api/v1/contracts', { params: { query: { dealId } } })),
  });
}

export function useGenerateContract(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { templateId: string; title?: string; signerContactIds: string[] }) =>
      unwrap(client.POST('/api/v1/contracts', { body: { dealId, ...body } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.ofDeal(dealId) }),
  });
}

export function useSendContract(dealId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, expiresInDays }: { id: string; expiresInDays?: number }) =>
      unwrap(client.POST('/api/v1/contracts/{id}/send', { params: { path: { id } }, body: { expiresInDays } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.ofDeal(dealId) }),
  });
}

export function useVerifyContract() {
  const { client } = useApi();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.GET('/api/v1/contracts/{id}/verification', { params: { path: { id } } })),
  });
}

export function useDownloadContract() {
  const { client } = useApi();
  return useMutation({
    mutationFn: async ({ id, signed }: { id: string; signed: boolean }) => {
      const call = signed
        ? client.GET('/api/v1/contracts/{id}/signed-document', { params: { path: { id } }, parseAs: 'blob' })
        : client.GET('/api/v1/contracts/{id}/document', { params: { path: { id } }, parseAs: 'blob' });
      const blob = (await unwrap(call)) as Blob;
      const name = `contract-${id}${signed ? '-signed' : ''}.pdf`;
      saveBlob(blob, name);
      return name;
    },
  });
}

export function useSigning(token: string) {
  const { client } = useApi();
  return useQuery({
    queryKey: contractKeys.signing(token),
    queryFn: () => unwrap(client.GET('/api/public/signing/{token}', { params: { path: { token } } })),
  });
}

export function useSign(token: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { consent: boolean; typedName: string }) =>
      unwrap(client.POST('/api/public/signing/{token}/signature', { params: { path: { token } }, body })),
    onSuccess: (view) => queryClient.setQueryData(contractKeys.signing(token), view),
  });
}

export function useDecline(token: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(client.POST('/api/public/signing/{token}/decline', { params: { path: { token } }, body: { reason } })),
    onSuccess: (view) => queryClient.setQueryData(contractKeys.signing(token), view),
  });
}

export function useSigningDocument(token: string) {
  const { client } = useApi();
  return useMutation({
    mutationFn: async () => {
      const blob = (await unwrap(
        client.GET('/api/public/signing/{token}/document', { params: { path: { token } }, parseAs: 'blob' }),
      )) as Blob;
      saveBlob(blob, 'contract.pdf');
      return 'contract.pdf';
    },
  });
}
