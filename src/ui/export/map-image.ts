/** A legend row as drawn in the image: a filled box or a line, and its text. */
export interface ImageLegendRow {
  colour: string;
  label: string;
  /** 'fill' draws a box; 'line' a horizontal stroke of `width` px. */
  swatch: 'fill' | 'line';
  width?: number;
}

export interface MapImageText {
  /** Top line: region, analysis and date. */
  title: string;
  legendTitle: string;
  legendNote?: string;
  legend: ImageLegendRow[];
  /** Bottom line: the pack's attribution. */
  footer: string;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * The map (a copy of its canvas) with a title bar, its legend and the attribution drawn onto one 2D
 * canvas, at the map canvas's own resolution (device pixels). Text is drawn with fillText: pack strings
 * never become markup.
 */
export function composeMapImage(
  map: HTMLCanvasElement,
  text: MapImageText,
  pixelRatio = 1,
): HTMLCanvasElement {
  const r = pixelRatio;
  const header = Math.round(40 * r);
  const footer = Math.round(24 * r);
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height + header + footer;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#12283f';
  ctx.fillRect(0, 0, out.width, header);
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 ${Math.round(18 * r)}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(text.title, 14 * r, header / 2, out.width - 28 * r);
  ctx.drawImage(map, 0, header);
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(0, header + map.height, out.width, footer);
  ctx.fillStyle = '#52657a';
  ctx.font = `${Math.round(12 * r)}px ${FONT}`;
  ctx.fillText(text.footer, 14 * r, header + map.height + footer / 2, out.width - 28 * r);
  drawLegend(ctx, text, 12 * r, header + map.height - 12 * r, r);
  return out;
}

/** The legend box, anchored at its bottom-left corner. */
function drawLegend(
  ctx: CanvasRenderingContext2D,
  text: MapImageText,
  left: number,
  bottom: number,
  r: number,
): void {
  const pad = 10 * r;
  const rowH = 20 * r;
  const titleFont = `600 ${Math.round(14 * r)}px ${FONT}`;
  const noteFont = `${Math.round(11 * r)}px ${FONT}`;
  const rowFont = `${Math.round(13 * r)}px ${FONT}`;
  const swatchW = 24 * r;
  ctx.font = rowFont;
  const rowsW = Math.max(0, ...text.legend.map((row) => ctx.measureText(row.label).width)) + swatchW + 8 * r;
  ctx.font = titleFont;
  const titleW = ctx.measureText(text.legendTitle).width;
  ctx.font = noteFont;
  const noteW = text.legendNote ? Math.min(ctx.measureText(text.legendNote).width, 360 * r) : 0;
  const width = Math.max(rowsW, titleW, noteW) + 2 * pad;
  const height = pad * 2 + 24 * r + (text.legendNote ? 16 * r : 0) + text.legend.length * rowH;
  const top = bottom - height;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.strokeStyle = '#c5d2df';
  ctx.lineWidth = r;
  ctx.fillRect(left, top, width, height);
  ctx.strokeRect(left, top, width, height);
  ctx.textBaseline = 'middle';
  let y = top + pad + 10 * r;
  ctx.fillStyle = '#14263a';
  ctx.font = titleFont;
  ctx.fillText(text.legendTitle, left + pad, y);
  if (text.legendNote) {
    y += 16 * r;
    ctx.fillStyle = '#52657a';
    ctx.font = noteFont;
    ctx.fillText(text.legendNote, left + pad, y, 360 * r);
  }
  y += 4 * r;
  ctx.font = rowFont;
  for (const row of text.legend) {
    y += rowH;
    const x = left + pad;
    if (row.swatch === 'fill') {
      ctx.fillStyle = row.colour;
      ctx.fillRect(x, y - 7 * r, swatchW, 14 * r);
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.25)';
      ctx.strokeRect(x, y - 7 * r, swatchW, 14 * r);
    } else {
      ctx.strokeStyle = row.colour;
      ctx.lineWidth = Math.max(1, (row.width ?? 2) * r);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + swatchW, y);
      ctx.stroke();
      ctx.lineWidth = r;
    }
    ctx.fillStyle = '#14263a';
    ctx.fillText(row.label, x + swatchW + 8 * r, y);
  }
}

export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'),
  );
}
