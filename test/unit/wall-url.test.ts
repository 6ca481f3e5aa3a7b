import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WALL_CONFIG,
  parseUrlState,
  parseWallConfig,
  serialiseUrlState,
} from '../../src/state/url.ts';

describe('wall screen URL parameters', () => {
  it('reads a full set-up', () => {
    expect(
      parseWallConfig(
        `?mode=wall&interval=12.5&tour=community&stops=A01,${encodeURIComponent('北管村')},A01&resume=90&reload=03:00`,
      ),
    ).toEqual({
      intervalS: 12.5,
      tour: { kind: 'level', level: 'community' },
      stops: ['A01', '北管村'],
      resumeS: 90,
      reload: '03:00',
    });
    expect(parseWallConfig('?tour=towns').tour).toEqual({ kind: 'towns' });
    expect(parseWallConfig('?tour=off').tour).toEqual({ kind: 'off' });
    expect(parseWallConfig('?reload=23:59:30').reload).toBe('23:59:30');
    expect(parseWallConfig('?interval=0.5').intervalS).toBe(0.5);
    expect(parseWallConfig('?interval=3600').intervalS).toBe(3600);
  });

  it('has defaults for everything', () => {
    expect(parseWallConfig('')).toEqual(DEFAULT_WALL_CONFIG);
    expect(parseWallConfig('?mode=wall')).toEqual(DEFAULT_WALL_CONFIG);
  });

  it('turns every bad value into its default', () => {
    const bad: Record<string, string[]> = {
      interval: [
        '',
        '0',
        '0.4',
        '3601',
        '-5',
        'abc',
        '1e3',
        '0x10',
        'Infinity',
        'NaN',
        '10s',
        ' 10',
        '1.2345',
      ],
      resume: ['', '4', '86401', 'x', '-1'],
      reload: ['', '24:00', '3:00', '03:60', '03:00:60', '0300', '03:00am', 'tomorrow', '03:00:00:00'],
      tour: ['', '<b>', 'a b', 'x'.repeat(65), '../'],
      stops: ['', ',,,', '<b>,"x"', encodeURIComponent('a\u0001b')],
    };
    for (const [key, values] of Object.entries(bad)) {
      for (const v of values) {
        const parsed = parseWallConfig(`?${key}=${v.includes('%') ? v : encodeURIComponent(v)}`);
        expect(parsed, `${key}=${v}`).toEqual(DEFAULT_WALL_CONFIG);
      }
    }
  });

  it('keeps the good stops of a list with bad ones, caps its length and drops repeats', () => {
    expect(parseWallConfig('?stops=A01,<b>,A02,A01').stops).toEqual(['A01', 'A02']);
    const many = Array.from({ length: 600 }, (_, i) => `A${i}`).join(',');
    expect(parseWallConfig(`?stops=${many}`).stops).toHaveLength(500);
  });

  it('leaves the wall parameters in place when the dashboard state is written', () => {
    const search = '?mode=wall&interval=10&tour=towns&reload=03:00';
    const state = parseUrlState(search);
    expect(state.mode).toBe('wall');
    const written = serialiseUrlState(state, search);
    expect(parseWallConfig(written)).toEqual(parseWallConfig(search));
    expect(parseUrlState(written).mode).toBe('wall');
  });
});
