/**
 * The PMTiles writer (scripts/lib/pmtiles-writer.ts), checked by reading its archives back with the
 * `pmtiles` package's own reader — the one the page uses.
 */
import { Compression, PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { type ArchiveTile, writePmtiles } from '../../scripts/lib/pmtiles-writer.ts';

/** The archive as a range-readable source, counting the reads. */
function memory(bytes: Uint8Array): Source & { reads: number } {
  return {
    reads: 0,
    getKey: () => 'memory.pmtiles',
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      this.reads++;
      return { data: bytes.slice(offset, offset + length).buffer };
    },
  };
}

const tile = (z: number, x: number, y: number, text = `${z}/${x}/${y}`): ArchiveTile => ({
  z,
  x,
  y,
  data: new TextEncoder().encode(text),
});
const options = {
  tileCompression: Compression.None,
  tileType: TileType.Mvt,
  bounds: [121.1, 31.2, 121.4, 31.5] as [number, number, number, number],
  metadata: { name: 'jiading', vector_layers: [{ id: 'grids', fields: {} }] },
};
const text = (r: { data: ArrayBuffer } | undefined) => (r ? new TextDecoder().decode(r.data) : undefined);

describe('PMTiles writer', () => {
  it('writes a header, metadata and tiles the reader finds by z/x/y (and no tile where there is none)', async () => {
    const tiles = [tile(0, 0, 0), tile(1, 0, 0), tile(1, 1, 0), tile(1, 1, 1), tile(2, 3, 1)];
    const archive = new PMTiles(memory(writePmtiles(tiles, options)));
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 0,
      maxZoom: 2,
      tileType: TileType.Mvt,
      tileCompression: Compression.None,
      numAddressedTiles: 5,
      clustered: true,
      minLon: 121.1,
      maxLat: 31.5,
    });
    expect(await archive.getMetadata()).toEqual(options.metadata);
    for (const t of tiles) expect(text(await archive.getZxy(t.z, t.x, t.y))).toBe(`${t.z}/${t.x}/${t.y}`);
    expect(await archive.getZxy(1, 0, 1)).toBeUndefined();
    expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
  });

  it('stores identical neighbouring tiles once (a run), still found at each position', async () => {
    const tiles = [0, 1, 2, 3].map((i) => tile(2, i % 2, Math.floor(i / 2), 'same'));
    const bytes = writePmtiles(tiles, options);
    const archive = new PMTiles(memory(bytes));
    const header = await archive.getHeader();
    expect(header.numAddressedTiles).toBe(4);
    expect(header.numTileContents).toBeLessThan(4);
    for (const t of tiles) expect(text(await archive.getZxy(t.z, t.x, t.y))).toBe('same');
  });

  it('moves entries to leaf directories when the root would pass 16 KiB, and every tile is still found', async () => {
    const tiles: ArchiveTile[] = [];
    for (let x = 0; x < 128; x++) for (let y = 0; y < 128; y++) tiles.push(tile(7, x, y));
    const bytes = writePmtiles(tiles, options);
    const archive = new PMTiles(memory(bytes));
    const header = await archive.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    for (const [x, y] of [
      [0, 0],
      [127, 127],
      [64, 3],
      [5, 99],
    ] as const)
      expect(text(await archive.getZxy(7, x, y))).toBe(`7/${x}/${y}`);
  });

  it('refuses to write an archive without tiles', () => {
    expect(() => writePmtiles([], options)).toThrow('at least one tile');
  });
});
