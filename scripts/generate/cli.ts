/** Command-line options of the generator: `--seed <int>` and `--out <dir>`. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const DEFAULT_SEED = 20230404; // the source article's publication date, 2023-04-04

export interface Options {
  seed: number;
  out: string;
}

export function readOptions(argv: readonly string[] = process.argv.slice(2)): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: { seed: { type: 'string' }, out: { type: 'string' } },
  });
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error('--seed must be an integer 0…4294967295');
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const out = values.out ? resolve(values.out) : resolve(repoRoot, 'data/regions/jiading');
  return { seed, out };
}
