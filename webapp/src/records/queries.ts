import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem';
import type { RecordBody } from '../api/types';
import { useApi } from '../app/ApiContext';

export type RecordType = 'lead' | 'contact' | 'account' | 'deal';

export const RECORD_TYPES: { value: RecordType; label: string }[] = [
  { value: 'lead', label: 'Lead' },
  { value: 'contact', label: 'Contact' },
  { value: 'account', label: 'Account' },
  { value: 'deal', label: 'Deal' },
];

export function isRecordType(type: string | undefined): type is RecordType {
  return RECORD_TYPES.some((t) => t.value === type);
}

/** Where a record's own page is: `/leads/{id}`, … */
export function recordPath(type: RecordType, id: string): string {
  return `/${type}s/${id}`;
}

/** One record with its owner, for showing beside the work about it. */
export function useRecord(type: RecordType | undefined, id: string | undefined) {
  const { client } = useApi();
  return useQuery({
    queryKey: ['records', type, id],
    enabled: type !== undefined && id !== undefined,
    queryFn: (): Promise<RecordBody> => {
      const options = { params: { path: { id: id as string }, query: { embed: 'owner' } } };
      switch (type) {
        case 'lead':
          return unwrap(client.GET('/api/v1/leads/{id}', options));
        case 'contact':
          return unwrap(client.GET('/api/v1/contacts/{id}', options));
        case 'account':
          return unwrap(client.GET('/api/v1/accounts/{id}', options));
        default:
          return unwrap(client.GET('/api/v1/deals/{id}', options));
      }
    },
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The name people know a record by. */
export function recordTitle(type: RecordType, record: RecordBody): string {
  const person = [text(record.firstName), text(record.lastName)].filter(Boolean).join(' ');
  switch (type) {
    case 'lead':
      return [person, text(record.company)].filter(Boolean).join(' · ') || 'Unnamed lead';
    case 'contact':
      return person || text(record.email) || 'Unnamed contact';
    default:
      return text(record.name) ?? `Unnamed ${type}`;
  }
}

export function recordOwner(record: RecordBody): string | undefined {
  const owner = record.owner;
  if (owner && typeof owner === 'object' && 'displayName' in owner) return text(owner.displayName);
  return undefined;
}

export function recordStatus(record: RecordBody): string | undefined {
  return text(record.status) ?? text(record.lifecycleStage);
}
