/**
 * Reads the reference data the generator builds on. Only files inside the repo (data/reference) are
 * read, so a fresh clone regenerates the same pack; data/reference/SOURCES.md says where each came from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pos, Ring } from './geo.ts';

const REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export interface Committee {
  code: string;
  name: string;
  type: '居委会' | '村委会';
  townCode: string;
  townName: string;
}

export interface Institution {
  nameZh: string;
  nameEn: string;
  category: string;
  pos: Pos;
  coordQuality: string;
  precisionM: number;
}

export interface DistrictOutline {
  code: string;
  name: string;
  ring: Ring;
}

/** Minimal RFC 4180 reader: quoted fields may hold commas; no embedded newlines in these files. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const [head, ...rows] = lines;
  if (!head) return [];
  const keys = split(head);
  return rows.map((line) => {
    const values = split(line);
    const rec: Record<string, string> = {};
    keys.forEach((k, i) => {
      rec[k] = values[i] ?? '';
    });
    return rec;
  });
}

const read = (name: string) => readFileSync(`${REFERENCE_DIR}${name}`, 'utf8');

/** A district's committees file (e.g. jiading-committees-nbs2023.csv), in file order. */
export function loadCommittees(file: string): Committee[] {
  return parseCsv(read(file)).map((r) => {
    const type = r.type === '村委会' ? '村委会' : '居委会';
    return {
      code: r.village_code ?? '',
      name: r.village_name ?? '',
      type,
      townCode: r.street_code ?? '',
      townName: r.street_name ?? '',
    };
  });
}

export function loadInstitutions(region: string): Institution[] {
  return parseCsv(read('partner-institutions.csv'))
    .filter((r) => r.region === region)
    .map((r) => ({
      nameZh: r.name_zh ?? '',
      nameEn: r.name_en ?? '',
      category: r.category ?? '',
      pos: [Number(r.lon_wgs84), Number(r.lat_wgs84)] as Pos,
      coordQuality: r.coord_quality ?? '',
      precisionM: Number(r.approx_precision_m),
    }));
}

interface DistrictFeature {
  properties: { code: string; name: string };
  geometry: { type: string; coordinates: unknown };
}

/** The district outline as the reference file has it (one polygon without holes, as for Jiading and Putuo). */
export function loadDistrict(code: string): DistrictOutline {
  const fc = JSON.parse(read('shanghai-districts-wgs84.geojson')) as { features: DistrictFeature[] };
  const f = fc.features.find((x) => x.properties.code === code);
  if (!f) throw new Error(`district ${code} not in the reference file`);
  if (f.geometry.type !== 'Polygon') throw new Error(`district ${code}: expected a Polygon`);
  const rings = f.geometry.coordinates as Ring[];
  const ring = rings[0];
  if (!ring || rings.length !== 1) throw new Error(`district ${code}: expected one ring`);
  return { code, name: f.properties.name, ring };
}

export interface RingRepair {
  ring: Ring;
  duplicatesRemoved: number;
  spikesRemoved: number;
  /** Loops cut off at a vertex the ring passes twice (a pinch), with their area in m² (planar estimate). */
  loopsRemoved: { at: Pos; vertices: number; areaM2: number }[];
}

/**
 * The reference outline is quantised to ~100 m, which left artefacts: repeated consecutive vertices,
 * zero-width spikes (A→B→A) and one small loop pinched off at a vertex (a ring touching itself). They
 * add nothing to the shape but break "one polygon in, one polygon out" for every clipping operation,
 * so they are removed here and reported in the pack README.
 */
export function repairRing(input: Ring): RingRepair {
  const same = (a: Pos | undefined, b: Pos | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
  let pts = input.slice(0, -1);
  let duplicatesRemoved = 0;
  let spikesRemoved = 0;
  const loopsRemoved: RingRepair['loopsRemoved'] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < pts.length; i++) {
      const next = pts[(i + 1) % pts.length];
      if (same(pts[i], next)) {
        pts.splice(i, 1);
        duplicatesRemoved++;
        changed = true;
        break;
      }
      const prev = pts[(i - 1 + pts.length) % pts.length];
      if (same(prev, next)) {
        // A→B→A: drop B and one of the A's.
        const drop = [i, (i + 1) % pts.length].sort((a, b) => b - a);
        for (const d of drop) pts.splice(d, 1);
        spikesRemoved++;
        changed = true;
        break;
      }
    }
    if (changed) continue;
    const firstSeen = new Map<string, number>();
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i] as Pos;
      const key = `${p[0]},${p[1]}`;
      const j = firstSeen.get(key);
      if (j === undefined) {
        firstSeen.set(key, i);
        continue;
      }
      // pts[j..i) is a loop closed at p; cut the smaller side of the ring.
      const loop = pts.slice(j, i + 1);
      const rest = [...pts.slice(i), ...pts.slice(0, j + 1)];
      const cut = Math.abs(planarAreaM2(loop)) <= Math.abs(planarAreaM2(rest)) ? loop : rest;
      loopsRemoved.push({ at: p, vertices: cut.length - 1, areaM2: Math.abs(planarAreaM2(cut)) });
      pts = cut === loop ? [...pts.slice(0, j), ...pts.slice(i)] : pts.slice(j, i);
      changed = true;
      break;
    }
  }
  const first = pts[0];
  if (!first) throw new Error('the ring vanished while repairing it');
  return { ring: [...pts, first], duplicatesRemoved, spikesRemoved, loopsRemoved };
}

/** Planar area in m² of a closed ring given in degrees, in a local frame (only used for reporting). */
function planarAreaM2(ring: Ring): number {
  const k = 111_320 * Math.cos((31.36 * Math.PI) / 180);
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Pos;
    const b = ring[i + 1] as Pos;
    s += a[0] * k * (b[1] * 110_574) - b[0] * k * (a[1] * 110_574);
  }
  return s / 2;
}
