/**
 * region.json of a generated pack (format gridatlas.region/1, see docs/region-pack.md). Levels, layers and
 * the 4 professional committees are the same for every generated district; id, name, domains and
 * attribution are the district's.
 */

export interface ManifestFacts {
  id: string;
  name: { zh: string; en: string };
  domains: readonly { id: string; name: { zh: string; en: string } }[];
  attribution: string;
  /** The programme documents the pack has (committees, indicators, meetings), if any. */
  programme?: Readonly<Record<string, string>>;
}

export function manifest(facts: ManifestFacts): Record<string, unknown> {
  return {
    format: 'gridatlas.region/1',
    id: facts.id,
    name: facts.name,
    levels: [
      { id: 'area', name: { zh: '片区网格', en: 'Area grid' } },
      { id: 'community', name: { zh: '村居网格', en: 'Community grid' } },
      { id: 'micro', name: { zh: '小微网格', en: 'Micro grid' } },
    ],
    layers: {
      boundary: 'boundary.geojson',
      grids: 'grids.geojson',
      admin: 'towns.geojson',
      partners: 'partners.geojson',
      projects: 'projects.geojson',
      services: 'services.geojson',
      activity: 'activity.geojson',
    },
    ...(facts.programme ? { programme: facts.programme } : {}),
    committees: [
      { id: 'economy', name: { zh: '经济专委会', en: 'Economy' } },
      { id: 'city', name: { zh: '城市专委会', en: 'City' } },
      { id: 'culture', name: { zh: '文化专委会', en: 'Culture' } },
      { id: 'innovation', name: { zh: '科创专委会', en: 'Science & innovation' } },
    ],
    domains: facts.domains,
    serviceRadiusMeters: 1000,
    attribution: facts.attribution,
    generated: true,
  };
}
