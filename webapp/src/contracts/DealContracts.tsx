import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { formatDateTime } from '../common/format';
import { useDealContacts } from '../records/queries';
import {
  useContractTemplates,
  useDealContracts,
  useDownloadContract,
  useGenerateContract,
  useLineItems,
  useSaveLineItems,
  useSendContract,
  useVerifyContract,
  type ContractVerification,
  type ContractView,
  type DealLineItem,
} from './queries';

const STATUS_COLOR: Record<string, string> = { draft: 'gray', sent: 'blue', signed: 'green', declined: 'red', expired: 'orange' };

/** The deal's Contract tab: what it sells, generating a contract, and each contract's signers, evidence and chain. */
export function DealContracts({ dealId, canEdit }: { dealId: string; canEdit: boolean }) {
  return (
    <Stack gap="lg">
      <LineItems dealId={dealId} canEdit={canEdit} />
      {canEdit && <Generate dealId={dealId} />}
      <Contracts dealId={dealId} canEdit={canEdit} />
    </Stack>
  );
}

interface Line {
  product: string;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  discountPercent: number | string;
}

function toLine(item: DealLineItem): Line {
  return {
    product: item.product ?? '',
    description: item.description ?? '',
    quantity: item.quantity ?? 1,
    unitPrice: item.unitPrice ?? 0,
    discountPercent: item.discountPercent ?? 0,
  };
}

function LineItems({ dealId, canEdit }: { dealId: string; canEdit: boolean }) {
  const items = useLineItems(dealId);
  const save = useSaveLineItems(dealId);
  const [draft, setDraft] = useState<Line[] | null>(null);
  const errors = fieldErrorsOf(save.error);

  if (items.isPending) return <LoadingRows label="Loading the line items" />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} title="Could not load the line items" />;
  const lines = draft ?? items.data.map(toLine);
  const total = items.data.reduce((sum, l) => sum + Number(l.total ?? 0), 0);
  const change = (i: number, patch: Partial<Line>) => setDraft(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Line items
        </Title>
        {/* Errors name a line ("[1].quantity") and show on its input. */}
        <FormError error={save.error} fields={['']} />
        {lines.length === 0 && <EmptyState title="No line items yet">{canEdit ? 'Add what this deal sells.' : ''}</EmptyState>}
        {lines.map((line, i) => (
          <Group key={i} align="end" wrap="wrap" gap="xs" role="group" aria-label={`Line ${i + 1}`}>
            <TextInput
              label="Product"
              value={line.product}
              readOnly={!canEdit}
              onChange={(e) => change(i, { product: e.currentTarget.value })}
              error={errors[`[${i}].product`]}
              style={{ flex: '2 1 10rem' }}
            />
            <TextInput
              label="Description"
              value={line.description}
              readOnly={!canEdit}
              onChange={(e) => change(i, { description: e.currentTarget.value })}
              style={{ flex: '2 1 10rem' }}
            />
            <NumberInput label="Quantity" value={line.quantity} readOnly={!canEdit} min={0} onChange={(v) => change(i, { quantity: v })} error={errors[`[${i}].quantity`]} style={{ flex: '1 1 5rem' }} />
            <NumberInput label="Unit price" value={line.unitPrice} readOnly={!canEdit} min={0} decimalScale={2} onChange={(v) => change(i, { unitPrice: v })} error={errors[`[${i}].unitPrice`]} style={{ flex: '1 1 6rem' }} />
            <NumberInput label="Discount %" value={line.discountPercent} readOnly={!canEdit} min={0} max={100} onChange={(v) => change(i, { discountPercent: v })} error={errors[`[${i}].discountPercent`]} style={{ flex: '1 1 5rem' }} />
            {draft === null && <Text size="sm" aria-label={`Total of line ${i + 1}`}>{items.data[i]?.total}</Text>}
            {canEdit && (
              <Button variant="subtle" color="red" size="xs" onClick={() => setDraft(lines.filter((_, j) => j !== i))} aria-label={`Remove line ${i + 1}`}>
                Remove
              </Button>
            )}
          </Group>
        ))}
        {draft === null && items.data.length > 0 && <Text fw={600}>Total: {total.toFixed(2)}</Text>}
        {canEdit && (
          <Group>
            <Button variant="default" onClick={() => setDraft([...lines, { product: '', description: '', quantity: 1, unitPrice: 0, discountPercent: 0 }])}>
              Add line
            </Button>
            {draft !== null && (
              <>
                <Button
                  loading={save.isPending}
                  onClick={() =>
                    save.mutate(
                      draft.map((l) => ({
                        product: l.product,
                        description: l.description === '' ? undefined : l.description,
                        quantity: Number(l.quantity),
                        unitPrice: Number(l.unitPrice),
                        discountPercent: Number(l.discountPercent || 0),
                      })),
                      { onSuccess: () => setDraft(null) },
                    )
                  }
                >
                  Save line items
                </Button>
                <Button variant="subtle" onClick={() => setDraft(null)}>
                  Discard changes
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Generate({ dealId }: { dealId: string }) {
  const templates = useContractTemplates();
  const contacts = useDealContacts(dealId, true);
  const generate = useGenerateContract(dealId);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [signers, setSigners] = useState<string[]>([]);
  const errors = fieldErrorsOf(generate.error);
  const withEmail = (contacts.data ?? []).filter((c) => c.email);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Generate a contract
        </Title>
        <FormError error={generate.error} fields={['templateId', 'title', 'signerContactIds']} />
        <Select
          label="Template"
          required
          data={(templates.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: t.name ?? '' }))}
          value={templateId}
          onChange={setTemplateId}
          error={errors.templateId}
          placeholder={templates.isPending ? 'Loading…' : 'Pick a contract template'}
        />
        <TextInput label="Title" description="The template's name when empty" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <Checkbox.Group label="Signers" description="Contacts of this deal with an email address" value={signers} onChange={setSigners} error={errors.signerContactIds}>
          <Stack gap={4} mt="xs">
            {contacts.isPending && <Text size="sm">Loading the deal's contacts…</Text>}
            {contacts.isSuccess && withEmail.length === 0 && <Text size="sm">No contact of this deal has an email address.</Text>}
            {withEmail.map((c) => (
              <Checkbox key={c.contactId} value={c.contactId ?? ''} label={`${[c.firstName, c.lastName].filter(Boolean).join(' ')} (${c.email ?? ''})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button
            loading={generate.isPending}
            disabled={!templateId}
            onClick={() =>
              generate.mutate(
                { templateId: templateId ?? '', title: title || undefined, signerContactIds: signers },
                { onSuccess: () => notifications.show({ color: 'green', title: 'Contract generated', message: 'Review the PDF, then send it for signature.' }) },
              )
            }
          >
            Generate contract
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Contracts({ dealId, canEdit }: { dealId: string; canEdit: boolean }) {
  const contracts = useDealContracts(dealId);
  if (contracts.isPending) return <LoadingRows label="Loading the contracts" />;
  if (contracts.isError) return <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} title="Could not load the contracts" />;
  if (contracts.data.length === 0) return <EmptyState title="No contracts yet" />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Contracts
      </Title>
      {contracts.data.map((c) => (
        <ContractCard key={c.id} dealId={dealId} contract={c} canEdit={canEdit} />
      ))}
    </Stack>
  );
}

function ContractCard({ dealId, contract, canEdit }: { dealId: string; contract: ContractView; canEdit: boolean }) {
  const send = useSendContract(dealId);
  const verify = useVerifyContract();
  const download = useDownloadContract();
  const id = contract.id ?? '';
  return (
    <Card withBorder component="section" aria-label={`Contract ${contract.title ?? ''}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{contract.title}</Text>
          <Badge color={STATUS_COLOR[contract.status ?? ''] ?? 'gray'}>{contract.status}</Badge>
        </Group>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          SHA-256 {contract.documentSha256}
          {contract.expiresAt ? ` · expires ${formatDateTime(contract.expiresAt)}` : ''}
        </Text>
        {(contract.signers ?? []).map((s) => (
          <Card key={s.id} withBorder padding="xs">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">
                {s.name} ({s.email})
              </Text>
              <Badge variant="light">{s.status}</Badge>
            </Group>
            {s.signedAt && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                Signed {formatDateTime(s.signedAt)} as “{s.signedName}” from {s.ip} ({s.userAgent}); email verified by the link: {s.emailVerified ? 'yes' : 'no'}
              </Text>
            )}
            {s.declinedAt && (
              <Text size="xs" c="red">
                Declined {formatDateTime(s.declinedAt)}: {s.declineReason}
              </Text>
            )}
          </Card>
        ))}
        <Group gap="xs" wrap="wrap">
          {canEdit && contract.status === 'draft' && (
            <Button size="xs" loading={send.isPending} onClick={() => send.mutate({ id })}>
              Send for signature
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => download.mutate({ id, signed: false })}>
            Download original PDF
          </Button>
          {contract.signedDocumentSha256 && (
            <Button size="xs" variant="default" onClick={() => download.mutate({ id, signed: true })}>
              Download signed PDF
            </Button>
          )}
          <Button size="xs" variant="default" loading={verify.isPending} onClick={() => verify.mutate(id)}>
            Verify
          </Button>
        </Group>
        {send.isError && <ErrorState error={send.error} title="Could not send the contract" />}
        {download.isError && <ErrorState error={download.error} title="The download failed" />}
        {verify.isError && <ErrorState error={verify.error} title="Could not verify" />}
        {verify.data && <VerificationResult result={verify.data} />}
      </Stack>
    </Card>
  );
}

function VerificationResult({ result }: { result: ContractVerification }) {
  if (result.valid)
    return (
      <Alert color="green" title="Verified" role="status">
        All {result.eventsChecked} events link up and the documents match their SHA-256.
      </Alert>
    );
  return (
    <Alert color="red" title="Tampering detected" role="alert">
      <Stack gap={2}>
        {(result.problems ?? []).map((p) => (
          <Text key={p} size="sm">
            {p}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
