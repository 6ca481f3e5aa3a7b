/**
 * Shanghai keeps UTC+8 all year (no daylight saving), so a fixed offset is exact. Feeds carry local
 * times with their offset because that is what a district's systems export.
 */
const OFFSET_MS = 8 * 3600_000;

/** "2026-05-01T09:30:00.123+08:00" for a time in ms since the epoch. */
export function isoShanghai(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}
