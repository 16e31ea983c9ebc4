import { describe, expect, it } from 'vitest';
import { loadViews, storeViews, viewsKey } from './savedViews';

describe('saved views', () => {
  it('are kept per workspace, user and record type', () => {
    const mine = viewsKey('acme', 'u-1', 'lead');
    storeViews(mine, [{ name: 'Hot', search: 'band=hot&sort=-score' }]);
    expect(loadViews(mine)).toEqual([{ name: 'Hot', search: 'band=hot&sort=-score' }]);
    expect(loadViews(viewsKey('acme', 'u-2', 'lead'))).toEqual([]);
    expect(loadViews(viewsKey('other', 'u-1', 'lead'))).toEqual([]);
    expect(loadViews(viewsKey('acme', 'u-1', 'deal'))).toEqual([]);
  });

  it('ignore what is not a list of views', () => {
    localStorage.setItem('k', '{not json');
    expect(loadViews('k')).toEqual([]);
    localStorage.setItem('k', JSON.stringify([{ name: 1 }, { name: 'ok', search: '' }]));
    expect(loadViews('k')).toEqual([{ name: 'ok', search: '' }]);
  });
});
