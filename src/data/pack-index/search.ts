import type { RegionPack } from '../region-pack.ts';

export interface SearchEntry {
  kind: 'cell' | 'town';
  id: string;
  /** Grid level id for cells, "town" for admin units. */
  group: string;
  name: string;
  code?: string;
  /** Normalised name, code and id, lower-cased. */
  keys: string[];
}

/**
 * Words that official names add or drop freely: "北管村" = "北管村委会" = "北管村民委员会";
 * "迎园社区居委会" = "迎园居委会" = "迎园社区"; "嘉定镇街道" ≈ "嘉定镇"; "第3网格" = "3". Longer forms
 * first, so that "居民委员会" goes before "委员会".
 */
const NOISE = [
  '村民委员会',
  '居民委员会',
  '社区居委会',
  '村委会',
  '居委会',
  '委员会',
  '社区',
  '街道',
  '网格',
  '片区',
  '新区',
  '镇',
  '村',
  '第',
];

export function normaliseName(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・,，.。()（）"“”'‘’-]+/g, '');
  for (const word of NOISE) s = s.split(word).join('');
  return s;
}

export function buildSearchIndex(pack: RegionPack): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const a of pack.admin) {
    const { id, name, code } = a.properties;
    entries.push({
      kind: 'town',
      id,
      group: 'town',
      name,
      ...(code ? { code } : {}),
      keys: keysOf(id, name, code),
    });
  }
  for (const cell of pack.grid.cells) {
    const { id, name, code, level } = cell.properties;
    entries.push({
      kind: 'cell',
      id,
      group: level,
      name,
      ...(code ? { code } : {}),
      keys: keysOf(id, name, code),
    });
  }
  return entries;
}

function keysOf(id: string, name: string, code?: string): string[] {
  return [normaliseName(name), id.toLowerCase(), ...(code ? [code.toLowerCase()] : [])];
}

export interface SearchGroup {
  group: string;
  entries: SearchEntry[];
}

/**
 * Matches a partial query against names (normalised), codes and ids. Ranking: exact id or code, then
 * names that start with the query, then names that contain it; shorter names first within a rank.
 * Results come grouped in the order `groupOrder` gives (towns, then levels top-down).
 */
export function searchPack(
  entries: readonly SearchEntry[],
  query: string,
  groupOrder: readonly string[],
  perGroup = 8,
): SearchGroup[] {
  const raw = query.trim().toLowerCase();
  const q = normaliseName(query);
  if (raw === '' && q === '') return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const [name = '', id = '', code] = entry.keys;
    let score = -1;
    if (raw === id || raw === code) score = 0;
    else if (q !== '' && name.startsWith(q)) score = 1;
    else if (q !== '' && name.includes(q)) score = 2;
    else if (raw.length >= 3 && (id.startsWith(raw) || code?.startsWith(raw))) score = 3;
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score || a.entry.name.length - b.entry.name.length || a.entry.id.localeCompare(b.entry.id),
  );
  const groups = new Map<string, SearchEntry[]>();
  for (const { entry } of scored) {
    const list = groups.get(entry.group) ?? [];
    if (list.length < perGroup) list.push(entry);
    groups.set(entry.group, list);
  }
  return groupOrder.flatMap((group) => {
    const list = groups.get(group);
    return list && list.length > 0 ? [{ group, entries: list }] : [];
  });
}
