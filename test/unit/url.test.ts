import { describe, expect, it } from 'vitest';
import { parseUrlState, serialiseUrlState } from '../../src/state/url.ts';

describe('URL state', () => {
  it('parses region and language', () => {
    expect(parseUrlState('?region=jiading&lang=en')).toEqual({ region: 'jiading', lang: 'en' });
    expect(parseUrlState('')).toEqual({ region: null, lang: 'zh' });
  });

  it('drops values that could never be valid instead of passing them on', () => {
    expect(parseUrlState('?region=../../etc&lang=fr')).toEqual({ region: null, lang: 'zh' });
    expect(parseUrlState('?region=%3Cscript%3E')).toEqual({ region: null, lang: 'zh' });
    expect(parseUrlState(`?region=${'a'.repeat(65)}`).region).toBeNull();
    expect(parseUrlState('?region=&lang=')).toEqual({ region: null, lang: 'zh' });
  });

  it('serialises only what differs from the defaults and keeps foreign parameters', () => {
    expect(serialiseUrlState({ region: null, lang: 'zh' })).toBe('');
    expect(serialiseUrlState({ region: 'putuo', lang: 'en' }, '?mode=wall')).toBe(
      '?mode=wall&region=putuo&lang=en',
    );
    expect(serialiseUrlState({ region: null, lang: 'zh' }, '?region=x&lang=en&mode=wall')).toBe('?mode=wall');
  });

  it('round-trips', () => {
    const state = { region: 'jiading', lang: 'en' } as const;
    expect(parseUrlState(serialiseUrlState(state))).toEqual(state);
  });
});
