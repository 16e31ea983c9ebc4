import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Menu,
  MultiSelect,
  NativeSelect,
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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
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
import {
  fromViewState,
  legacyViewsKey,
  moveLegacyViews,
  toViewState,
  useChangeView,
  useDefaultView,
  useDeleteView,
  useSavedViews,
  useSaveView,
  VISIBILITIES,
  type SavedView,
  type Visibility,
} from './savedViews';

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

/** The saved views of a list: apply, save (private or shared), update, delete, and the one the list opens with. */
function SavedViews({ type, config, me, state, search, apply }: { type: RecordType; config: TypeConfig; me: Me; state: ListState; search: string; apply: (search: string) => void }) {
  const views = useSavedViews(type);
  const save = useSaveView(type);
  const change = useChangeView(type);
  const remove = useDeleteView(type);
  const makeDefault = useDefaultView(type);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [form, setForm] = useState<{ view?: SavedView; name: string; visibility: Visibility } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openedWithDefault = useRef(false);

  const items = useMemo(() => views.data?.items ?? [], [views.data]);
  const searchOf = useCallback((view: SavedView) => fromViewState(config, view.state ?? {}).toString(), [config]);
  const active = items.find((v) => v.id === activeId) ?? items.find((v) => searchOf(v) === search);
  const changed = active !== undefined && searchOf(active) !== search;

  const { mutateAsync: saveAsync } = save;
  useEffect(() => {
    if (!views.isSuccess) return;
    const key = legacyViewsKey(me.tenant, me.id, type);
    moveLegacyViews(key, config, saveAsync, items.map((v) => v.name ?? '')).then(
      (moved) => moved > 0 && notifications.show({ message: `Moved ${moved} saved view(s) from this browser to your account` }),
      () => undefined,
    );
  }, [views.isSuccess, items, me.tenant, me.id, type, config, saveAsync]);

  useEffect(() => {
    if (openedWithDefault.current || !views.isSuccess) return;
    openedWithDefault.current = true;
    const preferred = items.find((v) => v.defaultView);
    if (preferred && search === '') {
      setActiveId(preferred.id ?? null);
      apply(searchOf(preferred));
    }
  }, [views.isSuccess, items, search, apply, searchOf]);

  function failed(what: string) {
    return (e: unknown) => notifications.show({ color: 'red', title: `Could not ${what}`, message: describeError(e) });
  }

  function submit() {
    const name = form?.name.trim();
    if (!form || !name) return;
    setError(null);
    const done = {
      onSuccess: (view: SavedView) => {
        setActiveId(view.id ?? null);
        setForm(null);
        notifications.show({ message: `Saved the view ${view.name}` });
      },
      onError: (e: unknown) => setError(describeError(e)),
    };
    if (form.view) change.mutate({ view: form.view, change: { name, visibility: form.visibility } }, done);
    else save.mutate({ name, visibility: form.visibility, state: toViewState(config, state) }, done);
  }

  const sharing = (view: SavedView) =>
    view.mine ? (view.visibility === 'private' ? '' : ` · shared with ${view.visibility === 'team' ? 'my teams' : 'everyone'}`) : ` · by ${view.ownerName}`;

  return (
    <Group gap="xs" wrap="wrap">
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button variant="default" size="sm">
            {active ? `View: ${active.name}${changed ? ' (changed)' : ''}` : 'Saved views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            onClick={() => {
              setActiveId(null);
              apply('');
            }}
          >
            All (default view)
          </Menu.Item>
          {views.isPending && <Menu.Label>Loading views…</Menu.Label>}
          {views.isError && <Menu.Label>Could not load the saved views</Menu.Label>}
          {items.length > 0 && <Menu.Divider />}
          {items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => {
                setActiveId(view.id ?? null);
                apply(searchOf(view));
              }}
              rightSection={
                view.editable ? (
                  <CloseButton
                    size="sm"
                    component="span"
                    aria-label={`Delete the view ${view.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      remove.mutate(view, { onError: failed('delete the view') });
                    }}
                  />
                ) : undefined
              }
            >
              {view.name}
              {view.defaultView ? ' (opens the list)' : ''}
              <Text span size="xs" c="dimmed">
                {sharing(view)}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          {active && changed && active.editable && (
            <Menu.Item
              onClick={() =>
                change.mutate(
                  { view: active, change: { state: toViewState(config, state) } },
                  { onSuccess: () => notifications.show({ message: `Updated the view ${active.name}` }), onError: failed('update the view') },
                )
              }
            >
              Update “{active.name}” with these settings
            </Menu.Item>
          )}
          {active && active.editable && (
            <Menu.Item onClick={() => setForm({ view: active, name: active.name ?? '', visibility: (active.visibility as Visibility) ?? 'private' })}>
              Rename or share “{active.name}”…
            </Menu.Item>
          )}
          {active && (
            <Menu.Item onClick={() => makeDefault.mutate({ view: active, on: !active.defaultView }, { onError: failed('change the default view') })}>
              {active.defaultView ? `Stop opening the list with “${active.name}”` : `Open the list with “${active.name}”`}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => setForm({ name: '', visibility: 'private' })}>Save the current view…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {form && (
        <Group gap={4} wrap="wrap" align="flex-start" role="group" aria-label={form.view ? 'Rename or share the view' : 'Save the view'}>
          <TextInput
            size="sm"
            aria-label="Name of the view"
            placeholder="Name of the view"
            value={form.name}
            maxLength={80}
            error={error}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
              if (e.key === 'Escape') setForm(null);
            }}
            data-autofocus
            autoFocus
          />
          <NativeSelect
            size="sm"
            aria-label="Shared with"
            w={{ base: '100%', xs: 210 }}
            data={VISIBILITIES}
            value={form.visibility}
            onChange={(e) => setForm({ ...form, visibility: e.currentTarget.value as Visibility })}
          />
          <Button size="sm" onClick={submit} disabled={!form.name.trim()} loading={save.isPending || change.isPending}>
            Save
          </Button>
          <Button size="sm" variant="subtle" onClick={() => setForm(null)}>
            Cancel
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
  const applyView = useCallback((s: string) => setParams(new URLSearchParams(s), { replace: true }), [setParams]);

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
          {type === 'lead' && (
            <Button component={Link} to="/leads/unassigned" variant="default" size="sm">
              Unassigned leads
            </Button>
          )}
          <SavedViews type={type} config={config} me={me} state={state} search={pageSearch} apply={applyView} />
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
