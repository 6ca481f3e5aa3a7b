import { memo, useId, useMemo } from 'react';
import { buildScorecard } from '../../analysis/indicators.ts';
import { buildCommitteeModels, buildMeetingModels } from '../../app/programme-model.ts';
import { type Lang, pickName } from '../../data/localized.ts';
import type { PackIndex } from '../../data/pack-index/pack-index.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { useT } from '../../i18n/use-t.ts';
import { PROGRAMME_TABS, type ProgrammeTab, type ProgrammeView } from '../../state/programme-url.ts';
import { CommitteesTab } from './CommitteesTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { ScorecardTab } from './ScorecardTab.tsx';
import './programme.css';

interface ProgrammePanelProps {
  pack: RegionPack;
  index: PackIndex;
  lang: Lang;
  view: ProgrammeView;
  onView: (view: ProgrammeView) => void;
  /** Opens a cell (its panel replaces this one). */
  onCell: (cellId: string) => void;
  onClose: () => void;
}

/**
 * The programme around the grid, from the pack's programme documents: committees (list → card, their
 * areas on the map), the indicators scorecard, and the meetings timeline. One tab at a time; which tab
 * and which item are in the store (and the address bar). Memoised: it holds a few hundred nodes.
 */
export const ProgrammePanel = memo(function ProgrammePanel(props: ProgrammePanelProps) {
  const { pack, index, lang, view, onView, onCell, onClose } = props;
  const t = useT();
  const headingId = useId();
  const { programme } = pack;
  const has: Record<ProgrammeTab, boolean> = {
    committees: programme.committees.length > 0,
    indicators: programme.indicators.length > 0,
    meetings: programme.meetings.length > 0,
  };
  const tabs = PROGRAMME_TABS.filter((tab) => has[tab]);
  const tab = has[view.tab] ? view.tab : (tabs[0] ?? view.tab);
  const id = tab === view.tab ? view.id : null;

  const committees = useMemo(() => buildCommitteeModels(pack, index, lang), [pack, index, lang]);
  const meetings = useMemo(() => buildMeetingModels(pack, lang), [pack, lang]);
  const scorecard = useMemo(() => buildScorecard(pack), [pack]);

  return (
    <aside
      className="panel programme-panel"
      aria-labelledby={headingId}
      data-testid="programme-panel"
      data-tab={tab}
    >
      <header className="panel-head">
        <span className="panel-level">{pickName(pack.manifest.name, lang)}</span>
        <h2 id={headingId}>{t('programmeTitle')}</h2>
        <div className="panel-actions">
          <button
            type="button"
            onClick={onClose}
            aria-label={t('programmeClose')}
            title={t('programmeClose')}
          >
            ×
          </button>
        </div>
      </header>
      <div className="programme-tabs" role="tablist" aria-label={t('programmeTabs')}>
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${headingId}-${key}`}
            aria-selected={key === tab}
            data-testid={`programme-tab-${key}`}
            onClick={() => onView({ tab: key, id: null })}
          >
            {t(`tab_${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`${headingId}-${tab}`} className="programme-body">
        {tabs.length === 0 && <p className="muted">{t('noProgramme')}</p>}
        {tab === 'committees' && has.committees && (
          <CommitteesTab
            committees={committees}
            lang={lang}
            selected={id}
            onSelect={(committee) => onView({ tab: 'committees', id: committee })}
            onCell={onCell}
            onMeeting={(meeting) => onView({ tab: 'meetings', id: meeting })}
          />
        )}
        {tab === 'indicators' && has.indicators && (
          <ScorecardTab
            groups={scorecard}
            pack={pack}
            lang={lang}
            asOf={programme.indicatorsAsOf}
            selected={id}
            onSelect={(indicator) => onView({ tab: 'indicators', id: indicator })}
          />
        )}
        {tab === 'meetings' && has.meetings && (
          <MeetingsTab
            meetings={meetings}
            committees={committees}
            lang={lang}
            selected={id}
            onSelect={(meeting) => onView({ tab: 'meetings', id: meeting })}
            onCell={onCell}
          />
        )}
      </div>
    </aside>
  );
});
