import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { formatMoment } from '../common/format';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { useRuleTeams } from '../rules/queries';
import { LeadOwnerDialog } from './detail/ReassignLead';
import { recordPath, useUnassignedLeads, type UnassignedLead } from './queries';

function leadName(lead: UnassignedLead): string {
  return lead.name?.trim() || lead.company?.trim() || 'Unnamed lead';
}

/**
 * The leads routing could not place and nobody has taken since, newest first: each given to a colleague, with a
 * reason, from here (the one task "assign the unassigned leads" a manager gets points here).
 */
export function UnassignedLeadsPage() {
  const me = useMe();
  const queue = useUnassignedLeads();
  const canReadTeams = can('users:read')(me);
  const teams = useRuleTeams(canReadTeams);
  const canAssign = can('leads:write')(me);
  const [assigning, setAssigning] = useState<UnassignedLead | null>(null);
  const items = queue.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  /** The team's name, from the workspace's teams (with users:read) or one's own. */
  function knownTeam(teamId: string | undefined): string | undefined {
    if (!teamId) return undefined;
    return (teams.data ?? []).find((t) => t.id === teamId)?.name ?? (me.teams ?? []).find((t) => t.id === teamId)?.name;
  }

  function teamName(teamId: string | undefined): string {
    if (!teamId) return '—';
    return knownTeam(teamId) ?? (canReadTeams && teams.isPending ? '…' : 'Another team');
  }

  const assigningTeam = knownTeam(assigning?.assignment?.teamId);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/leads" size="sm">
        ← All leads
      </Anchor>
      <Title order={1} size="h2">
        Unassigned leads
      </Title>
      <Text size="sm" c="dimmed">
        Leads routing could not place and nobody has taken since, newest first. Give each one to a colleague, with a reason.
      </Text>

      {queue.isPending ? (
        <LoadingRows label="Loading unassigned leads" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} title="Could not load the unassigned leads" />
      ) : items.length === 0 ? (
        <EmptyState title="No unassigned leads">Every lead routing received has an owner.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Unassigned leads, newest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lead</Table.Th>
                <Table.Th>Company</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Why routing left it</Table.Th>
                <Table.Th>When</Table.Th>
                {canAssign && <Table.Th>Owner</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((lead) => {
                const at = lead.assignment?.at;
                return (
                  <Table.Tr key={lead.leadId}>
                    <Table.Td>
                      {lead.leadId ? (
                        <Anchor component={Link} to={recordPath('lead', lead.leadId)} fw={600}>
                          {leadName(lead)}
                        </Anchor>
                      ) : (
                        <Text fw={600}>{leadName(lead)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>{lead.company || '—'}</Table.Td>
                    <Table.Td>{lead.country || '—'}</Table.Td>
                    <Table.Td>{teamName(lead.assignment?.teamId)}</Table.Td>
                    <Table.Td>{lead.assignment?.reason || '—'}</Table.Td>
                    <Table.Td>
                      {at ? (
                        <Text component="time" dateTime={at} size="sm">
                          {formatMoment(new Date(at))}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {canAssign && (
                      <Table.Td>
                        <Button size="xs" aria-label={`Assign ${leadName(lead)}`} onClick={() => setAssigning(lead)} disabled={!lead.leadId}>
                          Assign
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {queue.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}

      <LeadOwnerDialog
        leadId={assigning?.leadId ?? ''}
        teamId={assigning?.assignment?.teamId ?? undefined}
        opened={assigning !== null}
        title={`Assign ${assigning ? leadName(assigning) : 'the lead'}`}
        intro={
          assigningTeam
            ? `The colleague gets the lead in ${assigningTeam}; the reason stays with the lead's assignments.`
            : "The colleague gets the lead; the reason stays with the lead's assignments."
        }
        missing="Say why the lead goes to them."
        confirmLabel="Assign"
        ownerLabel="Owner"
        onDone={(ownerName) =>
          notifications.show({
            color: 'green',
            title: 'Lead assigned',
            message: `${assigning ? leadName(assigning) : 'The lead'} is now with ${ownerName ?? 'its new owner'}.`,
          })
        }
        onClose={() => setAssigning(null)}
      />
    </Stack>
  );
}
