import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError, fieldErrorsOf } from '../admin/common';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useAddSuppression, useRemoveSuppression, useSuppressions } from './queries';

/** Addresses no email goes to: unsubscribed, bounced, or blocked by an admin. */
export function SuppressionsPage() {
  const list = useSuppressions();
  const add = useAddSuppression();
  const remove = useRemoveSuppression();
  const [address, setAddress] = useState('');
  const errors = fieldErrorsOf(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ address: address.trim() }, { onSuccess: () => setAddress('') });
  }

  const items = list.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="lg" maw={800}>
      <Title order={1} size="h2">
        Suppressed addresses
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormError error={add.error} fields={['address']} />
          <Group align="end" wrap="wrap">
            <TextInput label="Address to block" value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errors.address} />
            <Button type="submit" loading={add.isPending}>
              Block
            </Button>
          </Group>
        </Stack>
      </form>
      {remove.error ? <FormError error={remove.error} fields={[]} /> : null}
      {list.isPending ? (
        <LoadingRows label="Loading the list" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No address is suppressed" />
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label="Suppressed addresses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>
                  <Text size="sm" className="sr-only">
                    Actions
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.address}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.address}</Table.Td>
                  <Table.Td>{s.reason}</Table.Td>
                  <Table.Td>{s.createdAt ? new Date(s.createdAt).toLocaleDateString() : ''}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" aria-label={`Unblock ${s.address ?? ''}`} onClick={() => remove.mutate(s.address ?? '')}>
                      Unblock
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
