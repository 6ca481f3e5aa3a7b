/**
 * Generates the region packs: `npm run data:generate [-- --region <id>] [-- --seed <n>] [-- --out <dir>]`
 * (options in cli.ts). Without options every district in districts/index.ts is written to
 * data/regions/<id>/ with its own default seed.
 */
// `--scale city` is handled (and the process ends) in city/cli.ts, imported first so it runs first.
import './city/cli.ts';
import { readOptions } from './cli.ts';
import { DISTRICTS } from './districts/index.ts';
import { generatePack } from './pack.ts';

const options = readOptions(DISTRICTS.map((d) => d.id));
for (const config of DISTRICTS) {
  if (!options.regions.includes(config.id)) continue;
  generatePack(config, options.seed ?? config.seed, options.outFor(config.id));
}
