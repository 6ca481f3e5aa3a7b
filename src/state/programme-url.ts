/**
 * The programme panel in the address bar: `programme=<tab>` opens it on a tab, and the item shown
 * (a committee, an indicator or a meeting) is `committee=`, `indicator=` or `meeting=` (one of them,
 * matching the tab). Pure parse/write so that bad input is tested without a browser.
 */
export const PROGRAMME_TABS = ['committees', 'indicators', 'meetings'] as const;
export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];

export interface ProgrammeView {
  tab: ProgrammeTab;
  /** The item opened on the tab; null = the tab's list. */
  id: string | null;
}

/** The item parameter of each tab. */
export const ITEM_PARAM: Record<ProgrammeTab, string> = {
  committees: 'committee',
  indicators: 'indicator',
  meetings: 'meeting',
};

export const PROGRAMME_KEYS = ['programme', ...Object.values(ITEM_PARAM)];

/** Ids are free text in packs; the programme documents restrict them to these characters. */
const ITEM_ID = /^[A-Za-z0-9_.-]{1,64}$/;

const isTab = (value: string | null): value is ProgrammeTab =>
  (PROGRAMME_TABS as readonly (string | null)[]).includes(value);

export function parseProgramme(params: URLSearchParams): ProgrammeView | null {
  const tab = params.get('programme');
  if (!isTab(tab)) return null;
  const id = params.get(ITEM_PARAM[tab]);
  return { tab, id: id !== null && ITEM_ID.test(id) ? id : null };
}

/** Writes the view into `params` (which the caller has cleared of PROGRAMME_KEYS). */
export function writeProgramme(params: URLSearchParams, view: ProgrammeView | null | undefined): void {
  if (!view) return;
  params.set('programme', view.tab);
  if (view.id) params.set(ITEM_PARAM[view.tab], view.id);
}
