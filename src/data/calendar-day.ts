/**
 * Calendar days as integers ("day numbers": days since 1970-01-01 on the local calendar), so a window
 * of days is two integers and a map filter compares numbers. Pack times carry +08:00 and the app reads
 * dates on Shanghai's calendar (as panel-model.ts does), wherever the screen is.
 */
export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026-08-01` → its day number. */
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Day number → `YYYY-MM-DD`. */
export const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The Shanghai calendar day a moment falls on. */
export const shanghaiDayNumber = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);

/** 00:00 in Shanghai of a day, ms since the epoch. */
export const shanghaiDayStart = (n: number): number => n * DAY_MS - SHANGHAI_OFFSET_MS;
