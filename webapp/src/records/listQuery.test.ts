import { describe, expect, it } from 'vitest';
import { CONFIGS } from './config';
import { apiListQuery, readListState, toggleSort, writeListState } from './listQuery';

const lead = CONFIGS.lead;
const me = { id: 'me-1' };

describe('list query', () => {
  it('turns filters and a multi-key sort into the list API query', () => {
    const state = readListState(lead, new URLSearchParams('status=new,contacted&band=hot&company=acme&owner=me&minScore=40&tag=vip&sort=-score,lastName'));
    const query = apiListQuery(lead, state, me);
    expect(query.get('status[in]')).toBe('new,contacted');
    expect(query.get('scoreBand[in]')).toBe('hot');
    expect(query.get('company[contains]')).toBe('acme');
    expect(query.get('ownerId')).toBe('me-1');
    expect(query.get('score[gte]')).toBe('40');
    expect(query.get('tags[has]')).toBe('vip');
    expect(query.get('sort')).toBe('-score,lastName');
    expect(query.get('embed')).toBe('owner');
    expect(query.get('fields')?.split(',')).toEqual(expect.arrayContaining(['firstName', 'lastName', 'company', 'status', 'score', 'scoreBand', 'ownerId']));
  });

  it('asks for unowned records and deal stages', () => {
    const q1 = apiListQuery(lead, readListState(lead, new URLSearchParams('owner=none')), me);
    expect(q1.get('ownerId[isNull]')).toBe('true');
    const deal = CONFIGS.deal;
    const q2 = apiListQuery(deal, readListState(deal, new URLSearchParams('stage=s1,s2&minAmount=5000')), me);
    expect(q2.get('stageId[in]')).toBe('s1,s2');
    expect(q2.get('amount[gte]')).toBe('5000');
    expect(q2.get('embed')?.split(',')).toEqual(expect.arrayContaining(['account', 'stage', 'owner']));
  });

  it('drops unknown sort keys and columns, keeps the URL short', () => {
    const state = readListState(lead, new URLSearchParams('sort=-colour,score&cols=company,bogus'));
    expect(state.sort).toEqual([{ field: 'score', desc: false }]);
    expect(state.columns).toEqual(['company']);
    expect(writeListState(lead, { ...state, sort: [{ field: 'createdAt', desc: true }] }).toString()).toBe('cols=company');
  });

  it('sorts by one column on click and adds keys on shift-click', () => {
    let sort = toggleSort([], 'score', false);
    expect(sort).toEqual([{ field: 'score', desc: false }]);
    sort = toggleSort(sort, 'score', false);
    expect(sort).toEqual([{ field: 'score', desc: true }]);
    sort = toggleSort(sort, 'lastName', true);
    expect(sort).toEqual([
      { field: 'score', desc: true },
      { field: 'lastName', desc: false },
    ]);
    sort = toggleSort(sort, 'lastName', true);
    expect(sort[1]).toEqual({ field: 'lastName', desc: true });
    expect(toggleSort(sort, 'lastName', true)).toEqual([{ field: 'score', desc: true }]);
    expect(toggleSort(sort, 'company', false)).toEqual([{ field: 'company', desc: false }]);
  });
});
