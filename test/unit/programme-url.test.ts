import { describe, expect, it } from 'vitest';
import { EMPTY_URL_STATE, parseUrlState, serialiseUrlState } from '../../src/state/url.ts';

describe('the programme panel in the address bar', () => {
  it('reads the tab and the item of that tab', () => {
    expect(parseUrlState('?programme=meetings&meeting=MT03').programme).toEqual({
      tab: 'meetings',
      id: 'MT03',
    });
    expect(parseUrlState('?programme=committees&committee=AC01').programme).toEqual({
      tab: 'committees',
      id: 'AC01',
    });
    expect(parseUrlState('?programme=indicators').programme).toEqual({ tab: 'indicators', id: null });
  });

  it('ignores an unknown tab, an item of another tab and an id no pack could have', () => {
    expect(parseUrlState('?programme=budget').programme).toBeUndefined();
    expect(parseUrlState('?meeting=MT03').programme).toBeUndefined();
    expect(parseUrlState('?programme=meetings&committee=AC01').programme).toEqual({
      tab: 'meetings',
      id: null,
    });
    expect(parseUrlState('?programme=meetings&meeting=%3Cscript%3E').programme).toEqual({
      tab: 'meetings',
      id: null,
    });
  });

  it('writes it after the other parameters and removes it when closed', () => {
    const open = serialiseUrlState(
      {
        ...EMPTY_URL_STATE,
        region: 'putuo',
        focus: { kind: 'cell', id: 'C001' },
        programme: { tab: 'meetings', id: 'MT01' },
      },
      '?meeting=MT09&committee=X',
    );
    expect(open).toBe('?region=putuo&cell=C001&programme=meetings&meeting=MT01');
    expect(parseUrlState(open).programme).toEqual({ tab: 'meetings', id: 'MT01' });
    expect(serialiseUrlState({ ...EMPTY_URL_STATE, programme: null }, open)).toBe('');
  });
});
