import { useQueries } from '@tanstack/react-query';
import { type Lang, pickName } from '../data/localized.ts';
import { manifestQuery } from '../data/pack-queries.ts';
import { useT } from '../i18n/use-t.ts';

interface RegionSwitcherProps {
  regionsBase: string;
  ids: readonly string[];
  current: string | null;
  lang: Lang;
  onChange: (id: string) => void;
}

/**
 * The packs of index.json by name (each pack's small region.json, fetched once). A pack whose manifest
 * cannot be read is still listed by its id: choosing it shows why it does not load.
 */
export function RegionSwitcher({ regionsBase, ids, current, lang, onChange }: RegionSwitcherProps) {
  const t = useT();
  const manifests = useQueries({ queries: ids.map((id) => manifestQuery(regionsBase, id)) });
  if (ids.length < 2) return null;
  return (
    <label className="region-switcher">
      <span className="visually-hidden">{t('regionLabel')}</span>
      <select
        value={current ?? ids[0]}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t('regionLabel')}
      >
        {ids.map((id, i) => {
          const name = manifests[i]?.data?.name;
          return (
            <option key={id} value={id}>
              {name ? pickName(name, lang) : id}
            </option>
          );
        })}
      </select>
    </label>
  );
}
