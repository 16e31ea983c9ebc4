import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/problem';
import { useApi } from '../app/ApiContext';

/** Active colleagues whose name starts with `q`: anyone signed in may look them up (to delegate to, say). */
export function useColleagues(q: string, enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['colleagues', q],
    queryFn: () => unwrap(client.GET('/api/v1/colleagues', { params: { query: { q, limit: 20 } } })),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/**
 * A colleague picked by typing the start of their name: the server looks them up as you type, however many people
 * the workspace has, and anyone signed in may use it.
 */
export function ColleagueSelect({
  label,
  description = 'Type the start of a name',
  value,
  onChange,
  exclude = [],
  error,
  required,
  autoFocus,
}: {
  label: string;
  description?: string;
  value: string | null;
  /** The colleague's id and how the picker shows them. */
  onChange: (id: string | null, label: string | null) => void;
  /** Ids not to offer: the caller, the current owner. */
  exclude?: (string | undefined)[];
  error?: string | null;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const colleagues = useColleagues(chosen && search === chosen.label ? '' : q.trim(), true);
  const found = (colleagues.data ?? [])
    .filter((c) => !exclude.includes(c.id))
    .map((c) => ({ value: c.id ?? '', label: c.teams?.length ? `${c.displayName} (${c.teams.join(', ')})` : (c.displayName ?? '') }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <Select
      label={label}
      description={description}
      placeholder="Search colleagues"
      required={required}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={colleagues.isFetching ? 'Searching…' : colleagues.isError ? 'Could not search colleagues' : 'Nobody by that name'}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id, id && option ? option.label : null);
      }}
      error={error}
      data-autofocus={autoFocus || undefined}
    />
  );
}
