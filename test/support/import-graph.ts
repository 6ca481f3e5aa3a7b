import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export interface ImportGraph {
  /** Source files reached, relative to the working directory. */
  files: string[];
  /** Packages reached (bare specifiers such as 'zod/mini' or '@turf/turf'), sorted. */
  packages: string[];
}

/**
 * What the bundler puts in the same chunk as `entry`: the files and packages reachable from it by static
 * value imports and re-exports. Type-only imports (`import type`, `export type`) vanish from the bundle
 * and dynamic `import()` starts a chunk of its own, so neither is followed. Assets (CSS) are skipped.
 */
export function staticImports(entry: string): ImportGraph {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) {
        if (/\.(tsx?|js)$/.test(spec)) visit(resolve(dirname(file), spec));
      } else packages.add(spec);
    }
  };
  visit(resolve(entry));
  return { files: [...seen].map((f) => relative(process.cwd(), f)), packages: [...packages].sort() };
}
