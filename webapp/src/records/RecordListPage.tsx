import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Menu,
  MultiSelect,
  NumberInput,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../api/problem';
import type { Me, RecordBody } from '../api/types';
import { useMe } from '../auth/SessionProvider';
import { EmptyState, ErrorState, LoadingRows } from '../common/states';
import { CONFIGS, type FilterDef, type TypeConfig } from './config';
import { CreateRecordDialog } from './create/CreateRecordDialog';
import { BulkActions } from './list/BulkActions';
import { ImportDialog } from './list/ImportDialog';
import { VirtualTable } from './list/VirtualTable';
import { apiListQuery, readListState, toggleSort, writeListState, type ListState } from './listQuery';
import { useAssignableUsers, useExport, usePipelines, useRecordList, type RecordType } from './queries';
import { loadViews, storeViews, viewsKey, type SavedView } from './savedViews';

function TextFilter({ filter, value, onChange }: { filter: FilterDef; value: string; onChange: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The URL changed from outside (a saved view, "Clear"): show it.
    setShown(value);
    setDraft(value);
  }
  const push = useDebouncedCallback((v: string) => onChange(v), 350);
  return (
    <TextInput
      label={filter.label}
      w={{ base: '100%', xs: 190 }}
      value={draft}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => e.key === 'Enter' && onChange(draft)}
    />
  );
}

function Filters({ config, me, state, set }: { config: TypeConfig; me: Me; state: ListState; set: (key: string, value: string) => void }) {
  const canReadUsers = (me.permissions ?? []).includes('users:read');
  const hasOwner = config.filters.some((f) => f.kind === 'owner');
  const users = useAssignableUsers(hasOwner && canReadUsers);
  const hasStage = config.filters.some((f) => f.kind === 'stage');
  const pipelines = usePipelines(hasStage);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {config.filters.map((filter) => {
        const value = state.filters[filter.key] ?? '';
        switch (filter.kind) {
          case 'text':
            return <TextFilter key={filter.key} filter={filter} value={value} onChange={(v) => set(filter.key, v)} />;
          case 'multi':
            return (
              <MultiSelect
                key={filter.key}
                label={filter.label}
                w={{ base: '100%', xs: 220 }}
                data={filter.options}
                value={value ? value.split(',') : []}
                onChange={(v) => set(filter.key, v.join(','))}
                placeholder="Any"
                clearable
              />
            );
          case 'stage':
            return (
              <MultiSelect
                key={filter.key}
                label={filter.label}
                w={{ base: '100%', xs: 240 }}
                data={(pipelines.data ?? []).map((p) => ({
                  group: p.name ?? '',
                  items: (p.stages ?? []).map((s) => ({ value: s.id ?? '', label: s.name ?? '' })),
                }))}
                value={value ? value.split(',') : []}
                onChange={(v) => set(filter.key, v.join(','))}
                placeholder="Any"
                clearable
                searchable
              />
            );
          case 'min':
            return (
              <NumberInput
                key={filter.key}
                label={filter.label}
                w={{ base: '100%', xs: 150 }}
                value={value}
                min={0}
                onChange={(v) => set(filter.key, v === '' ? '' : String(v))}
              />
            );
          case 'owner':
            return (
              <Select
                key={filter.key}
                label={filter.label}
                w={{ base: '100%', xs: 200 }}
                data={[
                  { value: '', label: 'Anyone' },
                  { value: 'me', label: 'Me' },
                  { value: 'none', label: 'Nobody' },
                  ...(users.data?.items ?? []).filter((u) => u.id !== me.id).map((u) => ({ value: u.id ?? '', label: u.displayName ?? u.email ?? '' })),
                ]}
                value={value}
                onChange={(v) => set(filter.key, v ?? '')}
                allowDeselect={false}
                searchable
              />
            );
        }
      })}
    </Group>
  );
}

function ColumnChooser({ config, columns, onChange }: { config: TypeConfig; columns: string[]; onChange: (cols: string[]) => void }) {
  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label="Shown columns"
          value={columns}
          onChange={(chosen) => onChange(config.columns.map((c) => c.key).filter((k) => chosen.includes(k)))}
        >
          <Stack gap={6} mt="xs">
            {config.columns.map((c) => (
              <Checkbox key={c.key} value={c.key} label={c.label} disabled={columns.length === 1 && columns.includes(c.key)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function SavedViews({ storageKey, search, apply }: { storageKey: string; search: string; apply: (search: string) => void }) {
  const [views, setViews] = useState<SavedView[]>(() => loadViews(storageKey));
  const [name, setName] = useState('');
  const [naming, setNaming] = useState(false);
  const current = views.find((v) => v.search === search);

  function save() {
    const trimmed = name.trim();
    if (!trimmed) return;
    const next = [...views.filter((v) => v.name !== trimmed), { name: trimmed, search }];
    storeViews(storageKey, next);
    setViews(next);
    setNaming(false);
    setName('');
  }

  function remove(view: SavedView) {
    const next = views.filter((v) => v.name !== view.name);
    storeViews(storageKey, next);
    setViews(next);
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button variant="default" size="sm">
            {current ? `View: ${current.name}` : 'Saved views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => apply('')}>All (default view)</Menu.Item>
          {views.length > 0 && <Menu.Divider />}
          {views.map((view) => (
            <Menu.Item
              key={view.name}
              onClick={() => apply(view.search)}
              rightSection={
                <CloseButton
                  size="sm"
                  component="span"
                  aria-label={`Delete the view ${view.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove(view);
                  }}
                />
              }
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>Save the current view…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {naming && (
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="sm"
            aria-label="Name of the view"
            placeholder="Name of the view"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') setNaming(false);
            }}
            data-autofocus
            autoFocus
          />
          <Button size="sm" onClick={save} disabled={!name.trim()}>
            Save
          </Button>
        </Group>
      )}
    </Group>
  );
}

/** One list for every record type, driven by its config: filters, multi-sort, columns, views, bulk, export, import. */
export function RecordListPage({ type }: { type: RecordType }) {
  const config = CONFIGS[type];
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(config, params), [config, params]);
  const search = useMemo(() => apiListQuery(config, state, me).toString(), [config, state, me]);
  const list = useRecordList(type, search);
  const exporter = useExport(type);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const canWrite = (me.permissions ?? []).includes(config.writePermission);

  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items ?? []) ?? [], [list.data]);
  const selected = rows.filter((r) => selectedIds.has(String(r.id)));
  const columns = state.columns.map((k) => config.columns.find((c) => c.key === k)).filter((c) => c !== undefined);

  function update(next: ListState) {
    setParams(writeListState(config, next), { replace: true });
  }
  function setFilter(key: string, value: string) {
    update({ ...state, filters: { ...state.filters, [key]: value } });
  }
  const onSelect = useCallback((ids: string[], on: boolean) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  }, []);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onLoadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const filtered = Object.values(state.filters).some(Boolean);
  const pageSearch = writeListState(config, state).toString();

  async function exportAs(format: 'csv' | 'xlsx') {
    try {
      const name = await exporter.mutateAsync({ search, format });
      notifications.show({ message: `Exported ${name}` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: describeError(error) });
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {config.plural}
        </Title>
        <Group gap="xs" wrap="wrap">
          <SavedViews
            storageKey={viewsKey(me.tenant, me.id, type)}
            search={pageSearch}
            apply={(s) => setParams(new URLSearchParams(s), { replace: true })}
          />
          <ColumnChooser config={config} columns={state.columns} onChange={(cols) => update({ ...state, columns: cols })} />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" size="sm" loading={exporter.isPending}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>What the filters find, all pages</Menu.Label>
              <Menu.Item onClick={() => void exportAs('csv')}>CSV</Menu.Item>
              <Menu.Item onClick={() => void exportAs('xlsx')}>Excel (.xlsx)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {config.importable && canWrite && (
            <Button size="sm" variant="light" onClick={() => setImporting(true)}>
              Import
            </Button>
          )}
          {canWrite && (
            <Button size="sm" onClick={() => setCreating(true)}>
              New {config.label.toLowerCase()}
            </Button>
          )}
        </Group>
      </Group>

      <Filters config={config} me={me} state={state} set={setFilter} />

      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {state.sort.length
            ? `Sorted by ${state.sort
                .map((k) => `${config.columns.find((c) => c.key === k.field)?.label ?? k.field} ${k.desc ? '(descending)' : '(ascending)'}`)
                .join(', then ')}`
            : 'Default order'}
          {' · Shift+click a header to sort by more columns'}
        </Text>
        <Group gap="xs">
          {state.sort.length > 0 && (
            <Button size="compact-sm" variant="subtle" onClick={() => update({ ...state, sort: [] })}>
              Default order
            </Button>
          )}
          {filtered && (
            <Button size="compact-sm" variant="subtle" onClick={() => update({ ...state, filters: {} })}>
              Clear filters
            </Button>
          )}
        </Group>
      </Group>

      {/* Always mounted: its result summary outlives the selection it cleared. */}
      <BulkActions
        config={config}
        me={me}
        selected={selected}
        onDone={(failed) => setSelectedIds(new Set(failed))}
        onClear={() => setSelectedIds(new Set())}
      />

      {list.isPending ? (
        <LoadingRows label={`Loading ${config.plural.toLowerCase()}`} rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title={`Could not load the ${config.plural.toLowerCase()}`} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? `No ${config.plural.toLowerCase()} match these filters` : `No ${config.plural.toLowerCase()} yet`}>
          {filtered ? 'Change or clear the filters.' : config.importable && canWrite ? 'Import a file to get started.' : undefined}
        </EmptyState>
      ) : (
        <VirtualTable
          config={config}
          rows={rows as RecordBody[]}
          columns={columns}
          sort={state.sort}
          onSort={(field, additive) => update({ ...state, sort: toggleSort(state.sort, field, additive) })}
          selected={selectedIds}
          onSelect={onSelect}
          hasMore={Boolean(hasNextPage)}
          loadingMore={isFetchingNextPage}
          onLoadMore={onLoadMore}
        />
      )}
      {canWrite && <CreateRecordDialog config={config} opened={creating} onClose={() => setCreating(false)} />}
      {config.importable && <ImportDialog config={config} opened={importing} onClose={() => setImporting(false)} />}
    </Stack>
  );
}

export const LeadListPage = () => <RecordListPage type="lead" />;
export const ContactListPage = () => <RecordListPage type="contact" />;
export const AccountListPage = () => <RecordListPage type="account" />;
export const DealListPage = () => <RecordListPage type="deal" />;
