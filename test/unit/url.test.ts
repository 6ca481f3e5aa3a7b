import { describe, expect, it } from 'vitest';
import { EMPTY_URL_STATE, parseUrlState, serialiseUrlState, type UrlState } from '../../src/state/url.ts';

describe('URL state', () => {
  it('parses everything it owns', () => {
    expect(
      parseUrlState(
        '?region=jiading&cell=M0001&v=121.25,31.38,12.5&layers=partners,projects&from=2026-01-01&to=2026-03-31&lang=en&mode=coverage&service=legal',
      ),
    ).toEqual({
      region: 'jiading',
      lang: 'en',
      focus: { kind: 'cell', id: 'M0001' },
      view: { lon: 121.25, lat: 31.38, zoom: 12.5 },
      layers: ['partners', 'projects'],
      window: { from: '2026-01-01', to: '2026-03-31' },
      mode: 'coverage',
      service: 'legal',
      committees: null,
      statuses: null,
      domains: null,
      selected: null,
    });
    expect(parseUrlState('')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?town=310114001').focus).toEqual({ kind: 'town', id: '310114001' });
  });

  it('a cell wins over a town when both are given', () => {
    expect(parseUrlState('?town=310114001&cell=C001').focus).toEqual({ kind: 'cell', id: 'C001' });
  });

  it('drops values that could never be valid instead of passing them on', () => {
    expect(parseUrlState('?region=../../etc&lang=fr')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?region=%3Cscript%3E').region).toBeNull();
    expect(parseUrlState(`?region=${'a'.repeat(65)}`).region).toBeNull();
    expect(parseUrlState('?cell=%3Cimg%20src%3Dx%3E').focus).toBeNull();
    expect(parseUrlState(`?cell=${'x'.repeat(129)}`).focus).toBeNull();
    expect(parseUrlState('?cell=').focus).toBeNull();
    expect(parseUrlState('?cell=a%01b').focus).toBeNull();
    for (const v of ['1,2', '200,31,10', '121,89,10', '121,31,30', 'a,b,c', '121,31,-1', '']) {
      expect(parseUrlState(`?v=${v}`).view, v).toBeNull();
    }
    expect(parseUrlState('?from=2026-02-30&to=2026-03-01').window).toBeNull();
    expect(parseUrlState('?from=2026-03-02&to=2026-03-01').window).toBeNull();
    expect(parseUrlState('?from=2026-03-01').window).toBeNull();
    expect(parseUrlState('?layers=partners,<b>,projects').layers).toEqual(['partners', 'projects']);
  });

  it('keeps Chinese and other free-text feature ids', () => {
    expect(parseUrlState(`?cell=${encodeURIComponent('北管村')}`).focus).toEqual({
      kind: 'cell',
      id: '北管村',
    });
  });

  it('serialises only what differs from the defaults and keeps foreign parameters', () => {
    expect(serialiseUrlState(EMPTY_URL_STATE)).toBe('');
    expect(serialiseUrlState({ ...EMPTY_URL_STATE, region: 'putuo', lang: 'en' }, '?mode=wall')).toBe(
      '?mode=wall&region=putuo&lang=en',
    );
    expect(serialiseUrlState(EMPTY_URL_STATE, '?region=x&lang=en&cell=M1&mode=wall')).toBe('?mode=wall');
    expect(
      serialiseUrlState({
        ...EMPTY_URL_STATE,
        view: { lon: 121.123456789, lat: 31.987654321, zoom: 12.3456 },
      }),
    ).toBe('?v=121.12346,31.98765,12.35');
  });

  it('round-trips', () => {
    const state: UrlState = {
      region: 'jiading',
      lang: 'en',
      focus: { kind: 'town', id: '310114001' },
      view: { lon: 121.25, lat: 31.38, zoom: 12.5 },
      layers: ['activity'],
      window: { from: '2026-01-01', to: '2026-01-31' },
      mode: 'coverage',
      service: 'party_service_center',
      committees: ['economy', '~'],
      statuses: ['delayed', 'active'],
      domains: ['road'],
      selected: { kind: 'partner', id: 'U001' },
    };
    expect(parseUrlState(serialiseUrlState(state))).toEqual(state);
  });

  describe('planner mode and service kind', () => {
    it('reads only mode=coverage and mode=wall; anything else is the dashboard', () => {
      expect(parseUrlState('?mode=coverage').mode).toBe('coverage');
      expect(parseUrlState('?mode=wall').mode).toBe('wall');
      for (const m of ['', 'COVERAGE', 'coverage ', 'WALL', '<script>', 'coverage,wall']) {
        expect(parseUrlState(`?mode=${encodeURIComponent(m)}`).mode, m).toBe('explore');
      }
      // Repeated: the first value counts, as URLSearchParams.get reads it.
      expect(parseUrlState('?mode=wall&mode=coverage').mode).toBe('wall');
    });

    it('drops service kinds that could never be valid', () => {
      expect(parseUrlState(`?service=${encodeURIComponent('养老')}`).service).toBe('养老');
      for (const bad of ['', '<b>', 'a"b', `${'x'.repeat(65)}`, 'a%01b']) {
        expect(
          parseUrlState(`?service=${bad.includes('%') ? bad : encodeURIComponent(bad)}`).service,
          bad,
        ).toBe(null);
      }
    });

    it('writes mode=coverage, removes it for the dashboard, and leaves a mode it does not own alone', () => {
      const coverage = { ...EMPTY_URL_STATE, mode: 'coverage' as const };
      expect(serialiseUrlState(coverage)).toBe('?mode=coverage');
      expect(serialiseUrlState(EMPTY_URL_STATE, '?mode=coverage&x=1')).toBe('?x=1');
      expect(serialiseUrlState(EMPTY_URL_STATE, '?mode=wall')).toBe('?mode=wall');
      expect(serialiseUrlState(coverage, '?mode=wall')).toBe('?mode=coverage');
      expect(serialiseUrlState({ ...coverage, service: 'legal' }, '?service=health')).toBe(
        '?mode=coverage&service=legal',
      );
      expect(serialiseUrlState(EMPTY_URL_STATE, '?service=health')).toBe('');
    });
  });

  describe('overlay filters and selection', () => {
    it('reads comma lists of committees, statuses and domains; absent means all', () => {
      const s = parseUrlState('?partners=economy,city&status=delayed,active&domain=road,smart_road');
      expect(s.committees).toEqual(['economy', 'city']);
      expect(s.statuses).toEqual(['delayed', 'active']);
      expect(s.domains).toEqual(['road', 'smart_road']);
      expect(parseUrlState('').statuses).toBeNull();
      // Present but empty: nothing of that kind is shown (every category switched off).
      expect(parseUrlState('?status=').statuses).toEqual([]);
    });

    it('drops unknown statuses, malformed ids and repeats', () => {
      expect(parseUrlState('?status=delayed,late,DELAYED,delayed').statuses).toEqual(['delayed']);
      const hostile = encodeURIComponent('economy,<img src=x>,a b,~,~');
      expect(parseUrlState(`?partners=${hostile}`).committees).toEqual(['economy', '~']);
      expect(parseUrlState(`?domain=${encodeURIComponent('road,"x"')}`).domains).toEqual(['road']);
    });

    it('reads a selected partner or project, and nothing else', () => {
      expect(parseUrlState('?select=partner:U001').selected).toEqual({ kind: 'partner', id: 'U001' });
      expect(parseUrlState('?select=project:P03').selected).toEqual({ kind: 'project', id: 'P03' });
      for (const bad of ['cell:M1', 'partner:', 'partner', `project:${encodeURIComponent('<img>')}`]) {
        expect(parseUrlState(`?select=${bad}`).selected, bad).toBeNull();
      }
    });

    it('writes them back, leaving parameters it does not own alone', () => {
      const search = serialiseUrlState(
        { ...EMPTY_URL_STATE, statuses: ['delayed'], selected: { kind: 'project', id: 'P05' } },
        '?mode=wall',
      );
      expect(search).toBe('?mode=wall&status=delayed&select=project:P05');
    });
  });
});
