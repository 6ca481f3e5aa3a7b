import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  externalOrigins,
  runtimeConfigSchema,
} from '../../src/config/runtime-config.ts';
import { resolveStatusUrl, statusIntervalMs } from '../../src/data/status-url.ts';

const PACK = 'http://app.example/regions/jiading/';
const PAGE = 'http://app.example/index.html';
const config = (input: Record<string, unknown> = {}) => runtimeConfigSchema.parse(input);

describe('resolveStatusUrl', () => {
  it('is null when neither config nor pack names a feed', () => {
    expect(resolveStatusUrl(config(), { id: 'jiading' }, PACK, PAGE)).toBeNull();
  });

  it("resolves the pack's path against the pack folder and keeps its URL as it is", () => {
    expect(resolveStatusUrl(config(), { id: 'jiading', status: 'status.json' }, PACK, PAGE)).toBe(
      'http://app.example/regions/jiading/status.json',
    );
    expect(
      resolveStatusUrl(config(), { id: 'jiading', status: 'https://feed.example/jd.json' }, PACK, PAGE),
    ).toBe('https://feed.example/jd.json');
  });

  it('lets config statusUrl win, resolving a relative one against the page, not the pack', () => {
    const manifest = { id: 'jiading', status: 'status.json' };
    expect(resolveStatusUrl(config({ statusUrl: 'live/status.json' }), manifest, PACK, PAGE)).toBe(
      'http://app.example/live/status.json',
    );
    expect(
      resolveStatusUrl(config({ statusUrl: 'http://127.0.0.1:4180/status.json' }), manifest, PACK, PAGE),
    ).toBe('http://127.0.0.1:4180/status.json');
  });

  it('puts the pack id in place of {region}, so one config serves every pack', () => {
    const cfg = config({ statusUrl: 'https://feeds.example/{region}/status.json' });
    expect(resolveStatusUrl(cfg, { id: 'putuo' }, PACK, PAGE)).toBe(
      'https://feeds.example/putuo/status.json',
    );
    expect(externalOrigins(cfg)).toEqual(['https://feeds.example']);
  });
});

describe('runtime config for the status feed', () => {
  it('polls every 30 s by default and takes statusIntervalSeconds', () => {
    expect(statusIntervalMs(config())).toBe(30_000);
    expect(statusIntervalMs(config({ statusIntervalSeconds: 5 }))).toBe(5000);
  });

  it('refuses intervals out of range and URLs of other schemes', () => {
    const errors = (input: Record<string, unknown>) =>
      runtimeConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(errors({ statusIntervalSeconds: 0 })).toEqual([
      'statusIntervalSeconds: must be at least 1 second',
    ]);
    expect(errors({ statusUrl: 'javascript:alert(1)' })).toEqual([
      'statusUrl: must be an http(s) URL or a path relative to the page',
    ]);
    expect(errors({ statusUrl: 'http://' })).toHaveLength(1);
  });

  it('adds the origin of an absolute statusUrl to the CSP, and nothing for a relative one', () => {
    expect(externalOrigins(config({ statusUrl: 'http://127.0.0.1:4180/status.json' }))).toEqual([
      'http://127.0.0.1:4180',
    ]);
    expect(externalOrigins(config({ statusUrl: 'status.json' }))).toEqual([]);
    expect(contentSecurityPolicy(config({ statusUrl: 'https://feed.example/x.json' }))).toContain(
      "connect-src 'self' https://feed.example",
    );
  });
});
