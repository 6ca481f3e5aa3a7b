import {
  type DonutImage,
  GLYPH_OFFSET,
  parseImageId,
  SHAPE_OUTLINE,
  type SymbolImage,
} from '../layers/symbols.ts';

/**
 * Draws the images the style names (src/layers/symbols.ts) on a canvas, at twice the CSS size so they
 * stay sharp on a wall screen. Called by the map controller when MapLibre first needs an image; no
 * sprite file and no request.
 */

export const IMAGE_PIXEL_RATIO = 2;
/** CSS pixels: a partner symbol, and a cluster ring before its icon-size. */
const SYMBOL_SIZE = 26;
const DONUT_SIZE = 40;
const GLYPH_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface DrawnImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function canvas(size: number): [CanvasRenderingContext2D, number] | null {
  const px = Math.round(size * IMAGE_PIXEL_RATIO);
  const el = document.createElement('canvas');
  el.width = px;
  el.height = px;
  const ctx = el.getContext('2d');
  return ctx ? [ctx, px] : null;
}

function outlinePath(ctx: CanvasRenderingContext2D, image: SymbolImage, centre: number, r: number): void {
  ctx.beginPath();
  if (image.shape === 'circle') {
    ctx.arc(centre, centre, r * 0.92, 0, Math.PI * 2);
    return;
  }
  SHAPE_OUTLINE[image.shape].forEach(([x, y], i) => {
    const px = centre + x * r;
    const py = centre + y * r;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  });
  ctx.closePath();
}

function drawSymbol(image: SymbolImage): DrawnImage | null {
  const c = canvas(SYMBOL_SIZE);
  if (!c) return null;
  const [ctx, px] = c;
  const centre = px / 2;
  const stroke = 2 * IMAGE_PIXEL_RATIO;
  const r = centre - stroke;
  // A soft shadow lifts the symbol off the grid's fills.
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = 2 * IMAGE_PIXEL_RATIO;
  outlinePath(ctx, image, centre, r);
  ctx.fillStyle = image.fill;
  ctx.fill();
  ctx.shadowColor = 'transparent';
  ctx.lineJoin = 'round';
  ctx.lineWidth = stroke;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  if (image.glyph) {
    const latin = /^[\x20-\x7e]+$/.test(image.glyph);
    const fontPx = Math.round(r * (latin ? 0.95 : 0.9));
    ctx.font = `700 ${fontPx}px ${GLYPH_FONT}`;
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(image.glyph, centre, centre + GLYPH_OFFSET[image.shape] * r + (latin ? fontPx * 0.04 : 0));
  }
  const data = ctx.getImageData(0, 0, px, px).data;
  return { width: px, height: px, data };
}

function drawDonut(image: DonutImage): DrawnImage | null {
  const c = canvas(DONUT_SIZE);
  if (!c) return null;
  const [ctx, px] = c;
  const centre = px / 2;
  const outer = centre - 1.5 * IMAGE_PIXEL_RATIO;
  const inner = outer * 0.62;
  const total = image.segments.reduce((sum, s) => sum + s.count, 0);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = 2 * IMAGE_PIXEL_RATIO;
  ctx.beginPath();
  ctx.arc(centre, centre, outer, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.shadowColor = 'transparent';
  let start = -Math.PI / 2;
  for (const s of image.segments) {
    if (s.count <= 0 || total <= 0) continue;
    const end = start + (s.count / total) * Math.PI * 2;
    ctx.beginPath();
    ctx.arc(centre, centre, outer, start, end);
    ctx.arc(centre, centre, inner, end, start, true);
    ctx.closePath();
    ctx.fillStyle = s.colour;
    ctx.fill();
    // A thin white gap between segments, so two similar colours still read as two.
    ctx.lineWidth = 0.8 * IMAGE_PIXEL_RATIO;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    start = end;
  }
  ctx.beginPath();
  ctx.arc(centre, centre, inner, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  const data = ctx.getImageData(0, 0, px, px).data;
  return { width: px, height: px, data };
}

/** The image for one of our ids, or null when the id is not ours. */
export function drawImage(id: string): DrawnImage | null {
  const image = parseImageId(id);
  if (!image) return null;
  return image.kind === 'symbol' ? drawSymbol(image) : drawDonut(image);
}
