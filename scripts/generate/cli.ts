/**
 * Command-line options of the generator:
 *   (none)                 every district, each into data/regions/<id>/ with its own default seed
 *   --region <id>          only this district (repeatable; `all` = every district)
 *   --out <dir>            write the pack into <dir> (one district only; without --region: the default
 *                          district, Jiading, as before there was more than one)
 *   --seed <int>           use this seed instead of each district's default
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface Options {
  /** Undefined: each district's own default seed. */
  seed: number | undefined;
  /** The pack ids to generate, in registry order. */
  regions: string[];
  /** Output folder per pack id. */
  outFor: (id: string) => string;
}

export function readOptions(
  known: readonly string[],
  argv: readonly string[] = process.argv.slice(2),
): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      region: { type: 'string', multiple: true },
    },
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
    throw new Error('--seed must be an integer 0…4294967295');
  const asked = values.region ?? [];
  for (const id of asked) {
    if (id !== 'all' && !known.includes(id))
      throw new Error(`--region ${id}: unknown district (known: ${known.join(', ')}, or all)`);
  }
  const defaultRegion = known[0] ?? '';
  const regions =
    asked.length === 0
      ? values.out
        ? [defaultRegion]
        : [...known]
      : asked.includes('all')
        ? [...known]
        : known.filter((id) => asked.includes(id));
  const out = values.out;
  if (out && regions.length !== 1) throw new Error('--out names one pack folder: give exactly one --region');
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  return {
    seed,
    regions,
    outFor: (id) => (out ? resolve(out) : resolve(repoRoot, 'data/regions', id)),
  };
}
