/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) from a set
 * of tiles: one file that a static server hands out with HTTP range requests, instead of thousands of
 * tile files. The `pmtiles` package only reads archives and GDAL 3.6 (Debian 12) has no PMTiles driver,
 * so this small writer is ours; it uses the package's own Hilbert tile ids, and the unit test reads its
 * archives back with the package's reader.
 *
 * Layout: header (127 bytes) | root directory | metadata (JSON) | leaf directories | tile data, tiles in
 * tile-id order (a "clustered" archive), directories and metadata uncompressed. Identical consecutive
 * tiles share one entry (run length), as the spec allows.
 */
import { Compression, type TileType, zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** Compression of the tile bytes as given (ogr2ogr's MVT with COMPRESS=NO: none). */
  tileCompression: Compression;
  tileType: TileType;
  /** west, south, east, north in degrees. */
  bounds: [number, number, number, number];
  /** Written as the archive's JSON metadata (name, vector_layers, …). */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec: the header and the root directory together fit in the first 16 KiB. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory: count, then tile-id deltas, run lengths, lengths and offsets, each as varints. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0: right after the previous entry's bytes; else the offset plus one.
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** The root directory, with leaf directories when all entries do not fit in it. */
function directories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = serializeDirectory(entries);
  if (whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  for (let perLeaf = 4096; ; perLeaf *= 2) {
    const leafBytes: Uint8Array[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += perLeaf) {
      const chunk = entries.slice(i, i + perLeaf);
      const bytes = serializeDirectory(chunk);
      // A run length of 0 marks an entry pointing to a leaf directory.
      rootEntries.push({ tileId: chunk[0]?.tileId ?? 0, offset, length: bytes.length, runLength: 0 });
      leafBytes.push(bytes);
      offset += bytes.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_LIMIT) return { root, leaves: concat(leafBytes) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The archive's bytes. */
export function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('a PMTiles archive needs at least one tile');
  const sorted = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  let contents = 0;
  for (const t of sorted) {
    const last = entries[entries.length - 1];
    const lastBlob = blobs[blobs.length - 1];
    if (last && lastBlob && last.tileId + last.runLength === t.tileId && sameBytes(lastBlob, t.data)) {
      last.runLength++;
      continue;
    }
    entries.push({ tileId: t.tileId, offset, length: t.data.length, runLength: 1 });
    blobs.push(t.data);
    offset += t.data.length;
    contents++;
  }
  const { root, leaves } = directories(entries);
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
  const tileData = concat(blobs);

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const zooms = sorted.map((t) => t.z);
  const minzoom = Math.min(...zooms);
  const maxzoom = Math.max(...zooms);
  const [w, s, e, n] = options.bounds;
  const e7 = (deg: number) => Math.round(deg * 1e7);

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new TextEncoder().encode('PMTiles').forEach((b, i) => {
    header.setUint8(i, b);
  });
  header.setUint8(7, 3);
  const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, sorted.length);
  u64(80, entries.length);
  u64(88, contents);
  header.setUint8(96, 1); // clustered: tile data in tile-id order
  header.setUint8(97, Compression.None); // directories and metadata
  header.setUint8(98, options.tileCompression);
  header.setUint8(99, options.tileType);
  header.setUint8(100, minzoom);
  header.setUint8(101, maxzoom);
  header.setInt32(102, e7(w), true);
  header.setInt32(106, e7(s), true);
  header.setInt32(110, e7(e), true);
  header.setInt32(114, e7(n), true);
  header.setUint8(118, minzoom);
  header.setInt32(119, e7((w + e) / 2), true);
  header.setInt32(123, e7((s + n) / 2), true);

  return concat([new Uint8Array(header.buffer), root, metadata, leaves, tileData]);
}
