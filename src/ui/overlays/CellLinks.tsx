import { useState } from 'react';
import type { CellRef } from '../../app/overlay-model.ts';
import { useT } from '../../i18n/use-t.ts';

const FIRST = 12;

/** Cells as buttons that drill to them; long lists show the first dozen until asked for the rest. */
export function CellLinks({
  cells,
  onCell,
  testId,
}: {
  cells: readonly CellRef[];
  onCell: (id: string) => void;
  testId: string;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? cells : cells.slice(0, FIRST);
  return (
    <>
      <ul className="cell-links" data-testid={testId}>
        {shown.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onCell(c.id)} data-cell={c.id}>
              {c.name}
            </button>
            <span className="muted">{c.levelName}</span>
          </li>
        ))}
      </ul>
      {cells.length > FIRST && (
        <button type="button" className="link show-more" onClick={() => setAll((a) => !a)}>
          {all ? t('collapse') : `${t('showAll')} (${cells.length})`}
        </button>
      )}
    </>
  );
}
