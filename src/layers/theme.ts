/** Colours of the dashboard map, chosen for contrast on a bright office screen. */
export const PALETTE_SIZE = 6;

export const THEME = {
  outside: '#dfe4ea',
  land: '#fbfbf8',
  boundary: '#5b3a1a',
  adminLine: '#9c6b30',
  adminLabel: '#6b4312',
  labelHalo: '#ffffff',
  /** Neighbouring cells get different colours from this palette (colour index from the data). */
  fills: ['#8fb9d9', '#a8d5a2', '#f2c879', '#d7a9d9', '#f29e8e', '#9fd8d3'],
  /** Outline colour and width per depth; deeper levels are thinner and lighter. */
  lines: [
    { color: '#17324d', width: 2.4 },
    { color: '#2f5f8a', width: 1.3 },
    { color: '#6f90b0', width: 0.7 },
    { color: '#90a9c2', width: 0.5 },
  ],
  labels: ['#0f2236', '#1d3b58', '#34526e', '#4a6680'],
} as const;

export function lineStyle(depth: number): { color: string; width: number } {
  return THEME.lines[Math.min(depth, THEME.lines.length - 1)] ?? THEME.lines[0];
}

/** Drill-down: the focus and what can be clicked next stand out; the rest is veiled. */
export const FOCUS_THEME = {
  accent: '#d9480f',
  clickableLine: '#0b3a66',
  label: '#0b2239',
  veil: '#f4f6f8',
} as const;
