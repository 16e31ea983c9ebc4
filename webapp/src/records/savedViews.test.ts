import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { CONFIGS } from './config';
import { readListState } from './listQuery';
import { fromViewState, legacyViewsKey, loadLegacyViews, moveLegacyViews, toViewState } from './savedViews';

const leads = CONFIGS.lead;

describe('saved views', () => {
  beforeEach(() => localStorage.clear());

  it('keep a list state in the list language and give the same page back', () => {
    const search = 'company=Acme&status=new%2Cworking&band=hot&minScore=40&owner=me&sort=-score%2ClastName&cols=lastName%2Ccompany%2Cowner';
    const state = toViewState(leads, readListState(leads, new URLSearchParams(search)));
    expect(state).toEqual({
      filters: [
        { field: 'company', op: 'contains', value: 'Acme' },
        { field: 'status', op: 'in', value: 'new,working' },
        { field: 'scoreBand', op: 'in', value: 'hot' },
        { field: 'score', op: 'gte', value: '40' },
        { field: 'ownerId', op: 'eq', value: 'me' },
      ],
      sort: [
        { field: 'score', direction: 'desc' },
        { field: 'lastName', direction: 'asc' },
      ],
      columns: ['lastName', 'company', 'owner'],
    });
    expect(fromViewState(leads, state).toString()).toBe(search);
  });

  it('turn "nobody owns it" into a null check and back, and leave out filters the page cannot show', () => {
    const state = toViewState(leads, readListState(leads, new URLSearchParams('owner=none')));
    expect(state.filters).toEqual([{ field: 'ownerId', op: 'isNull', value: 'true' }]);
    const withForeign = { ...state, filters: [...(state.filters ?? []), { field: 'industry', op: 'eq', value: 'Retail' }] };
    expect(fromViewState(leads, withForeign).toString()).toBe('owner=none');
  });

  it('move the views this browser kept to the server once, skipping names taken and views refused', async () => {
    const key = legacyViewsKey('acme', 'u-1', 'lead');
    localStorage.setItem(
      key,
      JSON.stringify([
        { name: 'Hot', search: 'band=hot&sort=-score' },
        { name: 'Taken', search: '' },
        { name: 'Refused', search: 'status=new' },
        { name: 1 },
      ]),
    );
    const save = vi.fn(async (body: { name: string }) => {
      if (body.name === 'Refused') throw new ApiError({ status: 422, title: 'Unprocessable' });
      return body;
    });
    expect(await moveLegacyViews(key, leads, save, ['taken'])).toBe(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[0]?.[0]).toEqual({
      name: 'Hot',
      visibility: 'private',
      state: { filters: [{ field: 'scoreBand', op: 'in', value: 'hot' }], sort: [{ field: 'score', direction: 'desc' }], columns: expect.any(Array) },
    });
    expect(localStorage.getItem(key)).toBeNull();
    expect(await moveLegacyViews(key, leads, save, [])).toBe(0);
  });

  it('keep the views here when the server cannot be reached', async () => {
    const key = legacyViewsKey('acme', 'u-1', 'deal');
    localStorage.setItem(key, JSON.stringify([{ name: 'Big', search: 'minAmount=10000' }]));
    await expect(moveLegacyViews(key, CONFIGS.deal, () => Promise.reject(new TypeError('offline')), [])).rejects.toThrow('offline');
    expect(loadLegacyViews(key)).toEqual([{ name: 'Big', search: 'minAmount=10000' }]);
  });
});
