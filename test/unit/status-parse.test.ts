import { describe, expect, it } from 'vitest';
import { StatusFeedError } from '../../src/data/status-errors.ts';
import { looksTruncated, MAX_CLOCK_SKEW_MS, parseStatusFeed } from '../../src/data/status-parse.ts';
import { GENERATED_AT, GENERATED_MS, validFeed } from '../fixtures/status-fixtures.ts';

const context = { url: 'http://feed/status.json', regionId: 'tiny', now: GENERATED_MS };

/** Parses and returns the StatusFeedError it must throw. */
function rejection(text: string, extra: Parameters<typeof parseStatusFeed>[1] = {}): StatusFeedError {
  try {
    parseStatusFeed(text, { ...context, ...extra });
  } catch (err) {
    if (err instanceof StatusFeedError) return err;
    throw err;
  }
  throw new Error('the feed was accepted');
}

/** The feed as untyped JSON, so that tests can break it. */
interface LooseFeed {
  [key: string]: unknown;
  projects: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  onDuty: Record<string, unknown>[];
  activity: Record<string, unknown>[];
}

function first(list: Record<string, unknown>[]): Record<string, unknown> {
  const item = list[0];
  if (!item) throw new Error('fixture changed');
  return item;
}

/** The valid feed with one edit applied, as text. */
function edited(edit: (feed: LooseFeed) => void): string {
  const feed = validFeed() as unknown as LooseFeed;
  edit(feed);
  return JSON.stringify(feed);
}

describe('parseStatusFeed accepts', () => {
  it('a feed using every part of the format, unchanged', () => {
    expect(parseStatusFeed(JSON.stringify(validFeed()), context)).toEqual(validFeed());
  });

  it('a minimal feed, with empty lists filled in', () => {
    const text = JSON.stringify({
      format: 'gridatlas.status/1',
      region: 'tiny',
      generatedAt: GENERATED_AT,
      responseLevel: 'normal',
    });
    const feed = parseStatusFeed(text, context);
    expect([feed.projects, feed.alerts, feed.onDuty, feed.activity]).toEqual([[], [], [], []]);
  });

  it('the same generation again, and a clock up to the skew limit ahead', () => {
    const text = JSON.stringify(validFeed());
    expect(() =>
      parseStatusFeed(text, { ...context, previous: { generatedAt: GENERATED_AT } }),
    ).not.toThrow();
    expect(() => parseStatusFeed(text, { ...context, now: GENERATED_MS - MAX_CLOCK_SKEW_MS })).not.toThrow();
  });

  it('a free-text alert of kind "other" and a closed alert', () => {
    const text = edited((f) => {
      f.alerts = [
        {
          id: 'AL9',
          cell: 'C2',
          kind: 'other',
          text: '井盖缺失',
          severity: 'info',
          openedAt: '2026-05-01T09:00+08:00',
          closedAt: '2026-05-01T09:30+08:00',
        },
      ];
    });
    expect(parseStatusFeed(text, context).alerts[0]?.closedAt).toBe('2026-05-01T09:30+08:00');
  });
});

describe('parseStatusFeed rejects, naming the problem', () => {
  it('invalid JSON', () => {
    const err = rejection('{"format": gridatlas}');
    expect(err.code).toBe('json');
    expect(err.rejected).toBe(true);
    expect(err.message).toMatch(
      /^Status feed http:\/\/feed\/status\.json: the response is not valid JSON \(.+\) \[json\]$/,
    );
  });

  it('an empty body', () => {
    const err = rejection('  ');
    expect(err.code).toBe('json');
    expect(err.message).toContain('the response is empty');
  });

  it('truncated JSON, cut inside a string or with brackets open', () => {
    const text = JSON.stringify(validFeed());
    for (const cut of [text.indexOf('waterlogging') + 3, text.indexOf('"onDuty"') - 1, 1]) {
      const err = rejection(text.slice(0, cut));
      expect(err.code).toBe('truncated');
      expect(err.message).toContain(`the JSON stops early after ${cut} characters`);
    }
  });

  it('an HTML page, even after a BOM and blank lines', () => {
    const err = rejection('\uFEFF\n  <!DOCTYPE html><html><body>502 Bad Gateway</body></html>');
    expect(err.code).toBe('html');
    expect(err.message).toContain('the server sent an HTML page instead of the JSON feed');
  });

  it('a JSON document that is not a status feed, naming the field, rule and value', () => {
    const err = rejection(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    expect(err.code).toBe('schema');
    expect(err.message).toContain(
      'does not match gridatlas.status/1: format: must be "gridatlas.status/1" (got nothing)',
    );
    expect(err.issues.map((i) => i.path)).toEqual(['format', 'region', 'generatedAt', 'responseLevel']);
  });

  it('a wrong value deep in a list, with its path and the value', () => {
    const err = rejection(
      edited((f) => {
        first(f.alerts).kind = 'fire';
      }),
    );
    expect(err.code).toBe('schema');
    expect(err.message).toContain(
      'alerts.0.kind: must be one of traffic_congestion, illegal_construction, blocked_fire_lane, waterlogging, camera_watch, other (got "fire")',
    );
  });

  it('each broken rule of the format', () => {
    const cases: [string, (f: LooseFeed) => void, string][] = [
      [
        'format',
        (f) => {
          f.format = 'gridatlas.status/2';
        },
        'format: must be "gridatlas.status/1" (got "gridatlas.status/2")',
      ],
      [
        'level',
        (f) => {
          f.responseLevel = 'panic';
        },
        'responseLevel: must be one of normal, urgent, emergency (got "panic")',
      ],
      [
        'level since',
        (f) => {
          f.responseLevelSince = 'yesterday';
        },
        'responseLevelSince: must be an ISO 8601 date-time with an offset',
      ],
      [
        'level note',
        (f) => {
          f.responseNote = '';
        },
        'responseNote: must be a non-empty string',
      ],
      [
        'time',
        (f) => {
          f.generatedAt = '2026-05-01 10:30';
        },
        'generatedAt: must be an ISO 8601 date-time with an offset',
      ],
      [
        'progress',
        (f) => {
          f.projects = [{ id: 'P1', progress: 120 }];
        },
        'projects.0.progress: must be ≤ 100 (got 120)',
      ],
      [
        'empty update',
        (f) => {
          f.projects = [{ id: 'P1' }];
        },
        'projects.0: must carry status or progress',
      ],
      [
        'other without text',
        (f) => {
          first(f.alerts).kind = 'other';
        },
        'alerts.0.text: is required when kind is "other"',
      ],
      [
        'closed before opened',
        (f) => {
          first(f.alerts).closedAt = '2026-05-01T09:00+08:00';
        },
        'alerts.0.closedAt: must not be before openedAt (got "2026-05-01T09:00+08:00")',
      ],
      [
        'negative count',
        (f) => {
          first(f.onDuty).staff = -1;
        },
        'onDuty.0.staff: must be ≥ 0 (got -1)',
      ],
      [
        'duplicate alert id',
        (f) => f.alerts.push({ ...first(f.alerts) }),
        'alerts.1: alert id is used twice (got "AL1")',
      ],
      [
        'longitude',
        (f) => {
          first(f.activity).lon = 200;
        },
        'activity.0.lon: must be within −180…180 (got 200)',
      ],
      [
        'volunteers',
        (f) => {
          first(f.activity).volunteers = 0;
        },
        'activity.0.volunteers: must be ≥ 1 (got 0)',
      ],
    ];
    for (const [name, edit, expected] of cases) {
      const err = rejection(edited(edit));
      expect(err.code, name).toBe('schema');
      expect(err.message, name).toContain(expected);
    }
  });

  it('many issues: the first three listed, the rest counted', () => {
    const err = rejection(JSON.stringify({ format: 'x', alerts: 'none', onDuty: 3 }));
    expect(err.issues.length).toBe(6);
    expect(err.message).toMatch(/; and 3 more \[schema\]$/);
  });

  it('a feed for another region', () => {
    const err = rejection(
      edited((f) => {
        f.region = 'putuo';
      }),
    );
    expect(err.code).toBe('region');
    expect(err.message).toContain('the feed is for region "putuo", not for "tiny"');
  });

  it('a generation time far in the future', () => {
    const err = rejection(JSON.stringify(validFeed()), { now: GENERATED_MS - 2 * 3600_000 });
    expect(err.code).toBe('future');
    expect(err.message).toContain(
      `generatedAt ${GENERATED_AT} is 120 minutes ahead of this computer's clock`,
    );
  });

  it('a feed older than the one already shown (out of order)', () => {
    const err = rejection(JSON.stringify(validFeed()), {
      previous: { generatedAt: '2026-05-01T10:31:00+08:00' },
    });
    expect(err.code).toBe('out-of-order');
    expect(err.message).toContain('is older than the feed already shown (2026-05-01T10:31:00+08:00)');
  });
});

describe('looksTruncated', () => {
  it('tells a cut document from a complete but wrong one', () => {
    expect(looksTruncated('{"a": [1, 2')).toBe(true);
    expect(looksTruncated('{"a": "x\\"')).toBe(true);
    expect(looksTruncated('{"a": 1} trailing')).toBe(false);
    expect(looksTruncated('{"a": x}')).toBe(false);
    expect(looksTruncated('hello')).toBe(false);
  });
});
