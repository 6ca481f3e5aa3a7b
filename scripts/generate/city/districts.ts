/**
 * Shanghai's 16 districts as the city-scale pack uses them: the real outlines from
 * data/reference/shanghai-districts-wgs84.geojson (Polygon or MultiPolygon: Pudong, Jinshan and
 * Chongming have islands) and approximate resident populations of the 2020 census, which shape the
 * generated cell sizes (a micro grid holds hundreds to a few thousand people; rural cells are larger).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkGeometry } from '../../../src/data/geometry-rules.ts';
import { bboxOf, clipIntersect, type MultiPoly, type Pos, type Ring } from '../geo.ts';
import { repairRing } from '../reference.ts';
import { orient } from './merge.ts';

export interface DistrictFact {
  code: string;
  nameEn: string;
  /** Resident population, 2020 census (approximate). */
  population: number;
}

export const DISTRICT_FACTS: readonly DistrictFact[] = [
  { code: '310101', nameEn: 'Huangpu', population: 662_000 },
  { code: '310104', nameEn: 'Xuhui', population: 1_113_000 },
  { code: '310105', nameEn: 'Changning', population: 693_000 },
  { code: '310106', nameEn: "Jing'an", population: 976_000 },
  { code: '310107', nameEn: 'Putuo', population: 1_240_000 },
  { code: '310109', nameEn: 'Hongkou', population: 758_000 },
  { code: '310110', nameEn: 'Yangpu', population: 1_242_000 },
  { code: '310112', nameEn: 'Minhang', population: 2_653_000 },
  { code: '310113', nameEn: 'Baoshan', population: 2_235_000 },
  { code: '310114', nameEn: 'Jiading', population: 1_834_000 },
  { code: '310115', nameEn: 'Pudong New Area', population: 5_682_000 },
  { code: '310116', nameEn: 'Jinshan', population: 823_000 },
  { code: '310117', nameEn: 'Songjiang', population: 1_910_000 },
  { code: '310118', nameEn: 'Qingpu', population: 1_271_000 },
  { code: '310120', nameEn: 'Fengxian', population: 1_141_000 },
  { code: '310151', nameEn: 'Chongming', population: 637_000 },
];

export interface District extends DistrictFact {
  name: string;
  /** The outline, rounded to 6 decimals, outer rings counter-clockwise. */
  shape: MultiPoly;
  areaKm2: number;
}

const REFERENCE = fileURLToPath(
  new URL('../../../data/reference/shanghai-districts-wgs84.geojson', import.meta.url),
);

const round6 = (p: Pos): Pos => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

const isValid = (shape: MultiPoly) =>
  shape.every((poly) => checkGeometry({ type: 'Polygon', coordinates: poly }, ['Polygon']).length === 0);

/**
 * Two outlines (Songjiang, Qingpu) cross themselves where the ~100 m quantisation folded a narrow bend.
 * Clipping the shape to its own bounding box makes polyclip resolve the crossing (non-zero rule) into
 * valid rings; rounded again to 6 decimals, the result must pass the loader's geometry rules.
 */
function untangle(shape: MultiPoly, code: string): MultiPoly {
  if (isValid(shape)) return orient(shape);
  const [w, s, e, n] = bboxOf(shape);
  const box: Ring = [
    [w - 0.01, s - 0.01],
    [e + 0.01, s - 0.01],
    [e + 0.01, n + 0.01],
    [w - 0.01, n + 0.01],
    [w - 0.01, s - 0.01],
  ];
  const fixed = orient(
    clipIntersect(shape, [[box]]).map((poly) => poly.map((ring) => repairRing(ring.map(round6)).ring)),
  );
  if (!isValid(fixed)) throw new Error(`district ${code}: the outline could not be made valid`);
  return fixed;
}

export function loadDistricts(): District[] {
  const fc = JSON.parse(readFileSync(REFERENCE, 'utf8')) as {
    features: {
      properties: { code: string; name: string; area_km2: number };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }[];
  };
  return DISTRICT_FACTS.map((fact) => {
    const f = fc.features.find((x) => x.properties.code === fact.code);
    if (!f) throw new Error(`district ${fact.code} is not in ${REFERENCE}`);
    const polys = (
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as Ring[][];
    const repaired = polys.map((poly) =>
      poly.map((ring) => repairRing(ring.map((p) => round6(p as Pos))).ring),
    );
    return {
      ...fact,
      name: f.properties.name,
      shape: untangle(repaired, fact.code),
      areaKm2: f.properties.area_km2,
    };
  });
}
