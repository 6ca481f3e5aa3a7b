import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PackSource } from '../../src/data/pack-source.ts';

/** Reads a pack from a folder on disk, for the CLIs and node tests. */
export function fsPackSource(folder: string): PackSource {
  const root = resolve(folder);
  return {
    label: folder,
    async read(path) {
      try {
        return await readFile(resolve(root, path), 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new Error(code === 'ENOENT' ? `no such file: ${path}` : `${code ?? 'error'} reading ${path}`);
      }
    },
  };
}
