import { useId, useMemo, useRef, useState } from 'react';
import { type Lang, pickName } from '../data/localized.ts';
import { type SearchEntry, searchPack } from '../data/pack-index/search.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { useT } from '../i18n/use-t.ts';
import type { Focus } from '../state/url.ts';

interface SearchBoxProps {
  pack: RegionPack;
  entries: readonly SearchEntry[];
  lang: Lang;
  onChoose: (focus: Focus) => void;
}

/**
 * Search by name, official code or id, tolerant of 村/村委会/居委会 and 街道/镇 variants; results grouped
 * by level (a combobox with a listbox, arrow keys and Enter; "/" focuses it from anywhere).
 */
export function SearchBox({ pack, entries, lang, onChoose }: SearchBoxProps) {
  const t = useT();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const groupOrder = useMemo(() => ['town', ...pack.grid.levels], [pack]);
  const groups = useMemo(() => searchPack(entries, query, groupOrder), [entries, query, groupOrder]);
  const flat = groups.flatMap((g) => g.entries);
  const groupName = (group: string) => {
    if (group === 'town') return t('searchGroupTown');
    const level = pack.manifest.levels.find((l) => l.id === group);
    return level ? pickName(level.name, lang) : group;
  };
  const choose = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onChoose({ kind: entry.kind, id: entry.id });
    setQuery('');
    setOpen(false);
    inputRef.current?.blur();
  };
  const optionId = (i: number) => `${listId}-${i}`;
  const showList = open && query.trim() !== '';
  let index = -1;

  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('searchLabel')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && flat.length > 0 ? optionId(active) : undefined}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, flat.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(flat[active]);
          } else if (e.key === 'Escape') {
            // Escape here closes the list; it must not also take the map up a level.
            e.stopPropagation();
            setQuery('');
            setOpen(false);
          }
        }}
      />
      {showList && (
        <div className="search-results" id={listId} role="listbox" aria-label={t('searchLabel')}>
          {flat.length === 0 && (
            <p className="search-empty">{t('searchNoResults', { query: query.trim() })}</p>
          )}
          {groups.map((g) => (
            // A listbox groups its options with role="group" (WAI-ARIA listbox pattern); a fieldset is for forms.
            // biome-ignore lint/a11y/useSemanticElements: see above
            <div key={g.group} role="group" aria-label={groupName(g.group)}>
              <div className="search-group" aria-hidden="true">
                {groupName(g.group)}
              </div>
              {g.entries.map((entry) => {
                index++;
                const i = index;
                return (
                  <div
                    key={entry.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    tabIndex={-1}
                    className="search-option"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(entry)}
                    onKeyDown={() => undefined}
                  >
                    <span>{entry.name}</span>
                    <small>{entry.code ?? entry.id}</small>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
