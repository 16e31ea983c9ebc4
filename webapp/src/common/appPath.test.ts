import { describe, expect, it } from 'vitest';
import { appPath } from './appPath';

describe('appPath', () => {
  it('accepts paths of this app', () => {
    expect(appPath('/leads/unassigned')).toBe('/leads/unassigned');
    expect(appPath('/leads?status=new#top')).toBe('/leads?status=new#top');
    expect(appPath('/')).toBe('/');
  });

  it('refuses what could lead to another site, and what is no path', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' /leads',
      'javascript:alert(1)',
      'leads/unassigned',
      '',
      null,
      undefined,
      42,
    ]) {
      expect(appPath(value), String(value)).toBeUndefined();
    }
  });
});
