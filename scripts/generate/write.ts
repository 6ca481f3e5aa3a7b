/**
 * Compact, stable output: GeoJSON with one feature per line (diffs stay readable, files stay small),
 * other JSON pretty-printed. Property order is the order the builders give, so output is byte-stable.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';

export interface OutFeature {
  properties: Record<string, unknown>;
  geometry: Geometry;
}

export class PackWriter {
  readonly written: string[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  geojson(name: string, features: readonly OutFeature[]): void {
    const lines = features.map((f) =>
      JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
    );
    this.text(name, `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
  }

  json(name: string, value: unknown): void {
    this.text(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  text(name: string, content: string): void {
    writeFileSync(join(this.dir, name), content);
    this.written.push(name);
  }

  size(name: string): number {
    return statSync(join(this.dir, name)).size;
  }
}
