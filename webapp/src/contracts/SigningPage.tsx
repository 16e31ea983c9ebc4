import { Alert, Anchor, Badge, Button, Card, Center, Checkbox, Group, Loader, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { FormError, fieldErrorsOf } from '../admin/common';
import { ErrorState } from '../common/states';
import { formatDateTime } from '../common/format';
import { useDecline, useSign, useSigning, useSigningDocument, type SigningView } from './queries';

/**
 * The page a signer opens from their email, without an account: the contract, its PDF, and either a signature (consent
 * and typed name) or a decline with a reason.
 */
export function SigningPage() {
  const { token = '' } = useParams();
  const signing = useSigning(token);
  return (
    <Center component="main" p="md">
      <Stack gap="md" w="100%" maw={640}>
        {signing.isPending ? (
          <Group justify="center" aria-busy="true">
            <Loader aria-hidden="true" />
            <Text>Loading the contract…</Text>
          </Group>
        ) : signing.isError ? (
          <>
            <Title order={1} size="h2">
              Contract signing
            </Title>
            <ErrorState error={signing.error} title="This link does not open a contract" />
          </>
        ) : (
          <Contract token={token} view={signing.data} />
        )}
      </Stack>
    </Center>
  );
}

function Contract({ token, view }: { token: string; view: SigningView }) {
  const document = useSigningDocument(token);
  const open = view.status === 'sent' && (view.signerStatus === 'invited' || view.signerStatus === 'viewed');
  return (
    <>
      <Title order={1} size="h2">
        {view.title}
      </Title>
      <Text>
        For {view.signerName} ({view.signerEmail})
        {view.expiresAt && view.status === 'sent' ? ` · sign before ${formatDateTime(view.expiresAt)}` : ''}
      </Text>
      <Card withBorder>
        <Stack gap="xs">
          <Text>Read the whole document before you sign it.</Text>
          <Group>
            <Button variant="default" loading={document.isPending} onClick={() => document.mutate()}>
              {view.signedCopyAvailable ? 'Download the signed copy (PDF)' : 'Download the contract (PDF)'}
            </Button>
          </Group>
          {document.isError && <ErrorState error={document.error} title="The download failed" />}
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            Document fingerprint (SHA-256): {view.documentSha256}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Signers
        </Title>
        <Stack gap={4}>
          {(view.signers ?? []).map((s, i) => (
            <Group key={i} justify="space-between">
              <Text size="sm">{s.name}</Text>
              <Badge variant="light">{s.status}</Badge>
            </Group>
          ))}
        </Stack>
      </Card>
      {open ? <SignOrDecline token={token} name={view.signerName ?? ''} /> : <Outcome view={view} />}
    </>
  );
}

function Outcome({ view }: { view: SigningView }) {
  if (view.signerStatus === 'signed')
    return (
      <Alert color="green" title="You signed this contract" role="status">
        Signed {formatDateTime(view.signedAt)}.{' '}
        {view.status === 'signed' ? 'Everyone has signed: download the signed copy above.' : 'We will email you when everyone has signed.'}
      </Alert>
    );
  if (view.signerStatus === 'declined')
    return (
      <Alert color="orange" title="You declined this contract" role="status">
        The sender has been told why.
      </Alert>
    );
  return (
    <Alert color="gray" title="This contract can no longer be signed" role="status">
      It is {view.status}.
    </Alert>
  );
}

function SignOrDecline({ token, name }: { token: string; name: string }) {
  const sign = useSign(token);
  const decline = useDecline(token);
  const [consent, setConsent] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const signErrors = fieldErrorsOf(sign.error);
  const declineErrors = fieldErrorsOf(decline.error);

  function submitSignature(event: FormEvent) {
    event.preventDefault();
    sign.mutate({ consent, typedName });
  }

  function submitDecline(event: FormEvent) {
    event.preventDefault();
    decline.mutate(reason);
  }

  if (declining)
    return (
      <Card withBorder component="section" aria-label="Decline">
        <form onSubmit={submitDecline} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              Decline to sign
            </Title>
            <FormError error={decline.error} fields={['reason']} />
            <Textarea label="Why do you decline?" required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={declineErrors.reason} />
            <Group>
              <Button type="submit" color="red" loading={decline.isPending}>
                Decline
              </Button>
              <Anchor component="button" type="button" onClick={() => setDeclining(false)}>
                Back to signing
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Card>
    );

  return (
    <Card withBorder component="section" aria-label="Sign">
      <form onSubmit={submitSignature} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Sign
          </Title>
          <FormError error={sign.error} fields={['consent', 'typedName']} />
          <Checkbox
            label="I have read the document and agree to sign it electronically"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            error={signErrors.consent}
          />
          <TextInput
            label="Type your full name"
            description={`As your signature, e.g. ${name}`}
            required
            autoComplete="name"
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
            error={signErrors.typedName}
          />
          <Group>
            <Button type="submit" loading={sign.isPending}>
              Sign the contract
            </Button>
            <Anchor component="button" type="button" onClick={() => setDeclining(true)}>
              Decline instead
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
