import { buildCore, coreProblems, readCoreLayers } from './pack-core.ts';
import { detailProblems, readDetailLayers, withDetails } from './pack-details.ts';
import { type LoadOptions, type LoadResult, readManifest, townIdsOf } from './pack-read.ts';
import type { PackSource } from './pack-source.ts';
import { isError } from './problem.ts';

/**
 * A region pack read in one go, for the command-line tools, the analysis worker and the server; the page
 * reads it in two stages (pack-core.ts, then pack-details.ts) so the map draws before the rest is in.
 */
export { type CoreLoadResult, loadPackCore } from './pack-core.ts';
export { loadPackDetails } from './pack-details.ts';
export { type LoadOptions, type LoadResult, MANIFEST_FILE } from './pack-read.ts';

/**
 * Reads, validates and indexes one region pack. Never throws for bad data: every problem comes back as
 * a record naming the file, the feature id and the rule. (It rethrows only an abort.) Both stages'
 * files are read at once, so a broken pack reports all its problems in one go.
 */
export async function loadRegionPack(source: PackSource, options: LoadOptions = {}): Promise<LoadResult> {
  const { manifest, problems } = await readManifest(source, options);
  if (!manifest) return { pack: null, problems };
  const [core, details] = await Promise.all([
    readCoreLayers(source, manifest, options),
    readDetailLayers(source, manifest, options.signal),
  ]);
  problems.push(
    ...coreProblems(manifest, core),
    ...detailProblems(manifest, core.files, core.grids, townIdsOf(core.admin?.features ?? null), details),
  );
  if (problems.some(isError)) return { pack: null, problems };
  return { pack: withDetails(buildCore(manifest, core), details), problems };
}
