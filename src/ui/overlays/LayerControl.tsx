import { type ReactNode, useId, useState } from 'react';
import { formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import type { LegendEntry, OverlayId, OverlayLegend } from '../../layers/overlays.ts';
import { useAppState } from '../../state/store-context.tsx';
import { Swatch } from './Swatch.tsx';

export interface OverlayToggle {
  id: OverlayId;
  label: string;
  /** False when the pack has no data for it (shown, but cannot be switched on). */
  available: boolean;
}

interface LayerControlProps {
  toggles: readonly OverlayToggle[];
  active: ReadonlySet<OverlayId>;
  onToggle: (id: OverlayId, on: boolean) => void;
  /** Any overlay's legends (several per overlay allowed); shown under its toggle while it is on. */
  legends: readonly OverlayLegend[];
  /** A row of a legend with `toggles` was clicked: switch that category on or off. */
  onEntryToggle?: (legend: OverlayLegend, key: string) => void;
  /** Show every category of a legend with `toggles` again. */
  onShowAll?: (legend: OverlayLegend) => void;
  /** Extra controls under an overlay's toggle (e.g. how projects are coloured). */
  extras?: Partial<Record<OverlayId, ReactNode>>;
  /** Legends folded until opened (by `overlay/id`); the others start open. */
  folded?: readonly string[];
}

const legendKey = (l: OverlayLegend) => `${l.overlay}/${l.id ?? ''}`;

/**
 * The overlays as switches, each with its legends underneath: the legends come from the same style
 * definitions as the layers, with counts under the current filters. Compact and foldable, for the
 * left column. Pack text is rendered as text.
 */
export function LayerControl({
  toggles,
  active,
  onToggle,
  legends,
  onEntryToggle,
  onShowAll,
  extras,
  folded = [],
}: LayerControlProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const headingId = useId();
  const [open, setOpen] = useState(true);
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({});
  const isOpen = (l: OverlayLegend) => unfolded[legendKey(l)] ?? !folded.includes(legendKey(l));

  return (
    <section className="legend layer-control" aria-labelledby={headingId} data-testid="layer-control">
      <header className="layer-control-head">
        <h2 id={headingId}>{t('layerControl')}</h2>
        <button
          type="button"
          className="fold"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          title={open ? t('collapse') : t('expand')}
        >
          {open ? '−' : '+'}
        </button>
      </header>
      {open && (
        <ul className="overlay-list">
          {toggles.map((toggle) => {
            // An overlay the pack has no data for shows unticked, whatever the URL asked.
            const on = active.has(toggle.id) && toggle.available;
            const own = legends.filter((l) => l.overlay === toggle.id);
            return (
              <li key={toggle.id} className="overlay-item" data-overlay={toggle.id}>
                <label className="overlay-toggle">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!toggle.available}
                    onChange={(e) => onToggle(toggle.id, e.target.checked)}
                    data-testid={`toggle-${toggle.id}`}
                  />
                  <span>{toggle.label}</span>
                  {!toggle.available && <small className="muted">{t('overlayUnavailable')}</small>}
                </label>
                {on && extras?.[toggle.id]}
                {on &&
                  own.map((legend) => (
                    <LegendBlock
                      key={legendKey(legend)}
                      legend={legend}
                      open={isOpen(legend)}
                      onFold={() => setUnfolded((u) => ({ ...u, [legendKey(legend)]: !isOpen(legend) }))}
                      onEntryToggle={onEntryToggle}
                      onShowAll={onShowAll}
                      format={(n) => formatNumber(lang, n)}
                      showAllLabel={t('showAll')}
                    />
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface LegendBlockProps {
  legend: OverlayLegend;
  open: boolean;
  onFold: () => void;
  onEntryToggle?: (legend: OverlayLegend, key: string) => void;
  onShowAll?: (legend: OverlayLegend) => void;
  format: (n: number) => string;
  showAllLabel: string;
}

function LegendBlock({
  legend,
  open,
  onFold,
  onEntryToggle,
  onShowAll,
  format,
  showAllLabel,
}: LegendBlockProps) {
  const toggleable = legend.toggles !== undefined && onEntryToggle !== undefined;
  const anyFiltered = legend.entries.some((e) => e.filtered);
  return (
    <div
      className="overlay-legend"
      data-testid={`legend-${legend.overlay}${legend.id ? `-${legend.id}` : ''}`}
    >
      <h3>
        <button type="button" className="fold-title" aria-expanded={open} onClick={onFold}>
          {legend.title}
        </button>
        {toggleable && anyFiltered && onShowAll && (
          <button type="button" className="link show-all" onClick={() => onShowAll(legend)}>
            {showAllLabel}
          </button>
        )}
      </h3>
      {open && (
        <ul
          className={
            legend.entries.length > 6 && legend.entries.every((e) => e.label.length <= 6) ? 'two-col' : ''
          }
        >
          {legend.entries.map((entry) => (
            <li
              key={entry.key}
              data-key={entry.key}
              className={entry.filtered ? 'legend-row filtered' : 'legend-row'}
            >
              {toggleable ? (
                <button
                  type="button"
                  className="entry"
                  aria-pressed={!entry.filtered}
                  onClick={() => onEntryToggle?.(legend, entry.key)}
                >
                  <EntryContent entry={entry} format={format} />
                </button>
              ) : (
                <span className="entry">
                  <EntryContent entry={entry} format={format} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EntryContent({ entry, format }: { entry: LegendEntry; format: (n: number) => string }) {
  const accent = entry.swatch.shape === 'symbol' ? entry.swatch.accent : undefined;
  return (
    <>
      <Swatch swatch={entry.swatch} />
      <span className="name">
        {entry.label}
        {accent && <i className="accent" style={{ background: accent }} aria-hidden="true" />}
      </span>
      {entry.count !== undefined && (
        <span className="count" data-testid="legend-count">
          {format(entry.count)}
        </span>
      )}
    </>
  );
}
