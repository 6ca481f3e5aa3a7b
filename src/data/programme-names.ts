import { type Lang, pickName } from './localized.ts';
import type { Committee } from './programme-schema.ts';
import type { RegionPack } from './region-pack.ts';

/** A committee's name: its own (area bodies), else the one the manifest declares for its id. */
export function committeeName(pack: RegionPack, c: Committee, lang: Lang): string {
  if (c.name) return pickName(c.name, lang);
  const declared = pack.manifest.committees.find((m) => m.id === c.id);
  return declared ? pickName(declared.name, lang) : c.id;
}
