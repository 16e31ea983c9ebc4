import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { forwardRef, useState } from 'react';
import { searchable, useSearch } from '../search/queries';
import type { RecordType } from './queries';

export interface Picked {
  id: string;
  title: string;
}

/**
 * Picks one record of a type by searching for it (the server's search, a page of 20): type two letters or more.
 * `current` is the record picked so far, shown by its title.
 */
export const RecordPicker = forwardRef<
  HTMLInputElement,
  {
    type: RecordType;
    label: string;
    current: Picked | null;
    onChange: (picked: Picked | null) => void;
    error?: string;
    required?: boolean;
    autoFocus?: boolean;
  }
>(function RecordPicker({ type, label, current, onChange, error, required, autoFocus }, ref) {
  const [query, setQuery] = useState(current?.title ?? '');
  const [debounced] = useDebouncedValue(query, 250);
  const asked = debounced !== current?.title ? debounced : '';
  const hits = useSearch(asked, { type, limit: 20 });
  const options = [
    ...(current ? [{ value: current.id, label: current.title }] : []),
    ...(hits.data ?? []).filter((h) => h.id && h.id !== current?.id).map((h) => ({ value: h.id as string, label: h.title ?? h.id ?? '' })),
  ];
  return (
    <Select
      ref={ref}
      label={label}
      required={required}
      error={error}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      placeholder={`Search for a ${type}`}
      searchable
      clearable
      data={options}
      value={current?.id ?? null}
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options: all }) => all}
      nothingFoundMessage={!searchable(asked) ? 'Type two letters or more' : hits.isFetching ? 'Searching…' : `No ${type} found`}
      onChange={(value, option) => onChange(value ? { id: value, title: option?.label ?? value } : null)}
    />
  );
});
