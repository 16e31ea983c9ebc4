import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/SessionProvider';
import { ErrorState, LoadingRows } from '../common/states';
import { CONFIGS, ScoreBadge, StatusBadge, type FieldDef, type Option } from './config';
import { AssignmentPanel, Attachments, LeadScorePanel, Processes, Related, Timeline } from './detail/Sections';
import { ConflictDialog, customFieldDef, EditableField, TagsField, useRecordEditor } from './detail/Details';
import { ConvertLeadAction } from './detail/ConvertLead';
import { Duplicates } from './detail/Duplicates';
import { LookupField } from './detail/LookupField';
import { ReassignLeadAction } from './detail/ReassignLead';
import { RecordEmails } from '../email/RecordEmails';
import { SendEmailAction } from '../email/SendEmail';
import { recordOwner, recordTitle, useAssignableUsers, useCustomFields, usePipelines, useRecordDetail, type RecordType } from './queries';
import { text } from './values';
import { EnrolInSequenceAction } from '../sequences/EnrolInSequence';
import { SendTextAction } from '../textmessages/SendText';
import { DealContracts } from '../contracts/DealContracts';
import { PaymentsPanel } from '../payments/PaymentsPanel';

const OWNER_FIELD: FieldDef = { key: 'ownerId', label: 'Owner', kind: 'select' };

/** A record's page: details with inline edit, related records, tags, and the tabs about its life. */
export function RecordPage({ type }: { type: RecordType }) {
  const { id = '' } = useParams();
  const config = CONFIGS[type];
  const me = useMe();
  const detail = useRecordDetail(type, id);
  const customFields = useCustomFields(type);
  const pipelines = usePipelines(type === 'deal');
  const canReadUsers = (me.permissions ?? []).includes('users:read');
  const users = useAssignableUsers(canReadUsers);
  const editor = useRecordEditor(type, id, detail.data);
  const canEdit = (me.permissions ?? []).includes(config.writePermission);

  if (detail.isPending) return <LoadingRows label={`Loading the ${config.label.toLowerCase()}`} rows={6} />;
  if (detail.isError)
    return (
      <Stack>
        <Anchor component={Link} to={`/${type}s`}>
          ← All {config.plural.toLowerCase()}
        </Anchor>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} title={`Could not load the ${config.label.toLowerCase()}`} />
      </Stack>
    );

  const record = detail.data.body;
  const custom: FieldDef[] = (customFields.data ?? []).filter((d) => !d.archived && d.type !== 'lookup').map(customFieldDef);
  const lookups = (customFields.data ?? []).filter((d) => !d.archived && d.type === 'lookup');
  const allFields = [...config.fields, ...custom];
  const labels = Object.fromEntries([
    ...allFields.map((f) => [f.key, f.label]),
    ...lookups.map((d) => [`customFields.${d.key ?? ''}`, d.label ?? d.key ?? '']),
    ['tags', 'Tags'],
    ['ownerId', 'Owner'],
  ]);
  const pipeline = (pipelines.data ?? []).find((p) => p.id === text(record.pipelineId));
  const stageOptions: Option[] = (pipeline?.stages ?? []).map((s) => ({ value: s.id ?? '', label: s.name ?? '' }));
  const names = (userId: string | undefined) =>
    !userId ? 'nobody' : userId === me.id ? 'you' : (users.data?.items ?? []).find((u) => u.id === userId)?.displayName ?? 'a colleague';
  const title = recordTitle(type, record);
  const ownerId = text(record.ownerId);
  const ownerName = ownerId ? (recordOwner(record) ?? (ownerId === me.id ? me.displayName : undefined) ?? names(ownerId)) : 'Nobody';
  // Without users:read the only owner one can pick is oneself (and the one the record has).
  const ownerOptions: Option[] = [
    { value: me.id ?? '', label: `Me (${me.displayName ?? me.email ?? ''})` },
    ...(users.data?.items ?? []).filter((u) => u.id !== me.id).map((u) => ({ value: u.id ?? '', label: u.displayName ?? u.email ?? '' })),
    ...(ownerId && ownerId !== me.id && !(users.data?.items ?? []).some((u) => u.id === ownerId) ? [{ value: ownerId, label: ownerName }] : []),
  ];

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/${type}s`} size="sm">
        ← All {config.plural.toLowerCase()}
      </Anchor>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {config.label}
          </Text>
          <Title order={1} size="h2">
            {title}
          </Title>
        </div>
        <Group gap="xs">
          {record.status !== undefined && <StatusBadge status={record.status} />}
          {type === 'lead' && <ScoreBadge score={record.score} band={record.scoreBand} />}
          {record.deletedAt ? <Badge color="red">Deleted</Badge> : null}
        </Group>
      </Group>
      {(type === 'lead' || type === 'contact') && (
        <Group gap="xs" wrap="wrap">
          {type === 'lead' && <ConvertLeadAction lead={record} canEdit={canEdit} />}
          {type === 'lead' && <ReassignLeadAction lead={record} canEdit={canEdit} />}
          <SendEmailAction
            type={type}
            id={id}
            address={typeof record.email === 'string' ? record.email : undefined}
            canSend={(me.permissions ?? []).includes('messages:write') && !record.deletedAt}
          />
          <SendTextAction type={type} record={record} canEdit={canEdit} />
          <EnrolInSequenceAction
            type={type}
            id={id}
            canEnrol={(me.permissions ?? []).includes('messages:write') && !record.deletedAt}
          />
        </Group>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="md">
            <Title order={2} size="h5" mb="sm">
              Details
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
              <EditableField
                field={OWNER_FIELD}
                record={record}
                canEdit={canEdit}
                onSave={editor.save}
                options={ownerOptions}
                shown={ownerName}
              />
              {config.fields.map((field) => (
                <EditableField
                  key={field.key}
                  field={field}
                  record={record}
                  canEdit={canEdit}
                  onSave={editor.save}
                  options={field.kind === 'stage' ? stageOptions : undefined}
                  shown={field.kind === 'stage' ? (stageOptions.find((o) => o.value === record.stageId)?.label ?? undefined) : undefined}
                />
              ))}
            </SimpleGrid>
            {custom.length + lookups.length > 0 && (
              <>
                <Title order={3} size="h6" mt="md" mb="xs">
                  More fields
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
                  {custom.map((field) => (
                    <EditableField key={field.key} field={field} record={record} canEdit={canEdit} onSave={editor.save} />
                  ))}
                  {lookups.map((definition) => (
                    <LookupField
                      key={definition.key}
                      definition={definition}
                      record={record}
                      canEdit={canEdit}
                      users={canReadUsers ? users.data?.items : undefined}
                      onSave={editor.save}
                    />
                  ))}
                </SimpleGrid>
              </>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Related type={type} record={record} />
            <TagsField record={record} canEdit={canEdit} onSave={editor.save} />
          </Stack>
        </Grid.Col>
      </Grid>

      <Tabs defaultValue="timeline" keepMounted={false}>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          {(type === 'lead' || type === 'contact') && <Tabs.Tab value="emails">Emails</Tabs.Tab>}
          <Tabs.Tab value="files">Files</Tabs.Tab>
          <Tabs.Tab value="processes">Processes</Tabs.Tab>
          {type === 'deal' && <Tabs.Tab value="contract">Contract</Tabs.Tab>}
          {type === 'deal' && <Tabs.Tab value="payments">Payments</Tabs.Tab>}
          {type === 'lead' && <Tabs.Tab value="score">Score</Tabs.Tab>}
          {type === 'lead' && <Tabs.Tab value="assignment">Assignment</Tabs.Tab>}
          {config.hasDuplicates && <Tabs.Tab value="duplicates">Duplicates</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <Timeline type={type} id={id} />
        </Tabs.Panel>
        {(type === 'lead' || type === 'contact') && (
          <Tabs.Panel value="emails" pt="md">
            <RecordEmails type={type} id={id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="files" pt="md">
          <Attachments type={type} id={id} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="processes" pt="md">
          <Processes type={type} id={id} />
        </Tabs.Panel>
        {type === 'deal' && (
          <Tabs.Panel value="contract" pt="md">
            <DealContracts dealId={id} canEdit={canEdit} />
          </Tabs.Panel>
        )}
        {type === 'deal' && (
          <Tabs.Panel value="payments" pt="md">
            <PaymentsPanel dealId={id} />
          </Tabs.Panel>
        )}
        {type === 'lead' && (
          <Tabs.Panel value="score" pt="md">
            <LeadScorePanel id={id} />
          </Tabs.Panel>
        )}
        {type === 'lead' && (
          <Tabs.Panel value="assignment" pt="md">
            <AssignmentPanel id={id} names={names} />
          </Tabs.Panel>
        )}
        {config.hasDuplicates && (
          <Tabs.Panel value="duplicates" pt="md">
            <Duplicates type={type} record={record} fields={allFields} canEdit={canEdit} />
          </Tabs.Panel>
        )}
      </Tabs>

      <ConflictDialog conflict={editor.conflict} labels={labels} onResolve={editor.resolve} onDismiss={editor.dismiss} />
    </Stack>
  );
}

export const LeadPage = () => <RecordPage type="lead" />;
export const ContactPage = () => <RecordPage type="contact" />;
export const AccountPage = () => <RecordPage type="account" />;
export const DealPage = () => <RecordPage type="deal" />;
