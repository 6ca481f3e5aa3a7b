/** Number formats for finding messages: fixed English grouping so that messages read the same everywhere. */
export const fmtM2 = (m2: number): string => `${Math.round(m2).toLocaleString('en-US')} m²`;
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtPct = (share: number): string => `${(share * 100).toFixed(1)} %`;
