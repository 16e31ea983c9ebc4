import { Anchor, Checkbox, Loader, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import type { RecordBody } from '../../api/types';
import type { ColumnDef, TypeConfig } from '../config';
import type { SortKey } from '../listQuery';
import { recordPath, recordTitle } from '../queries';

const ROW_HEIGHT = 45;

interface Props {
  config: TypeConfig;
  rows: RecordBody[];
  columns: ColumnDef[];
  sort: SortKey[];
  onSort: (field: string, additive: boolean) => void;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

function SortHeader({ column, sort, onSort }: { column: ColumnDef; sort: SortKey[]; onSort: Props['onSort'] }) {
  const index = sort.findIndex((key) => key.field === column.key);
  const key = sort[index];
  const ariaSort = index === 0 && key ? (key.desc ? 'descending' : 'ascending') : undefined;
  if (!column.sortable) return <Table.Th style={{ whiteSpace: 'nowrap' }}>{column.label}</Table.Th>;
  return (
    <Table.Th aria-sort={ariaSort} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={(event: MouseEvent) => onSort(column.key, event.shiftKey)}
        fw={700}
        fz="sm"
        title="Click to sort; Shift+click to add to the sort"
        aria-label={`Sort by ${column.label}${key ? (key.desc ? ', now descending' : ', now ascending') : ''}`}
      >
        {column.label}
        {key && (
          <Text span c="blue" ml={4} aria-hidden="true">
            {key.desc ? '↓' : '↑'}
            {sort.length > 1 ? index + 1 : ''}
          </Text>
        )}
      </UnstyledButton>
    </Table.Th>
  );
}

/** The list's rows, only those in view rendered; nearing the end fetches the next cursor page. */
export function VirtualTable({ config, rows, columns, sort, onSort, selected, onSelect, hasMore, loadingMore, onLoadMore }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const ids = rows.map((r) => String(r.id));
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const [first, ...rest] = columns;

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={`${config.plural}, ${rows.length}${hasMore ? '+' : ''} rows`}
      tabIndex={0}
      style={{ height: 'max(320px, calc(100dvh - 330px))', overflow: 'auto', position: 'relative' }}
    >
      <Table highlightOnHover verticalSpacing={8} style={{ minWidth: 180 + columns.length * 140 }} aria-label={config.plural} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={allSelected ? 'Clear the selection' : `Select all ${rows.length} loaded`}
                checked={allSelected}
                indeterminate={!allSelected && someSelected}
                onChange={() => onSelect(ids, !allSelected)}
              />
            </Table.Th>
            {columns.map((column) => (
              <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: paddingTop, padding: 0 }} colSpan={columns.length + 1} />
            </tr>
          )}
          {items.map((item) => {
            const record = rows[item.index] as RecordBody;
            const id = String(record.id);
            const title = recordTitle(config.type, record);
            return (
              <Table.Tr key={id} data-index={item.index} style={{ height: ROW_HEIGHT }} bg={selected.has(id) ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox aria-label={`Select ${title}`} checked={selected.has(id)} onChange={(e) => onSelect([id], e.currentTarget.checked)} />
                </Table.Td>
                {first && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={recordPath(config.type, id)} fw={600} size="sm">
                      {first.render ? first.render(record) : title}
                    </Anchor>
                  </Table.Td>
                )}
                {rest.map((column) => (
                  <Table.Td key={column.key} style={{ whiteSpace: 'nowrap', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    <Text span size="sm">
                      {column.render ? column.render(record) : String(record[column.key] ?? '—')}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: paddingBottom, padding: 0 }} colSpan={columns.length + 1} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {loadingMore && (
        <Text size="sm" c="dimmed" ta="center" py="xs" role="status">
          <Loader size="xs" mr={6} />
          Loading more…
        </Text>
      )}
      <VisuallyHidden aria-live="polite">{loadingMore ? 'Loading more rows' : ''}</VisuallyHidden>
    </div>
  );
}
