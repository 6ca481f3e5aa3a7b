import type { Lang } from '../data/localized.ts';

/** What the address bar holds. Pure parse/serialise so that bad input is tested without a browser. */
export interface UrlState {
  region: string | null;
  lang: Lang;
}

const REGION_ID = /^[a-z0-9-]{1,64}$/;

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const region = params.get('region');
  const lang = params.get('lang');
  return {
    // An id that could never name a pack is dropped here rather than requested from the server.
    region: region !== null && REGION_ID.test(region) ? region : null,
    lang: lang === 'en' ? 'en' : 'zh',
  };
}

/** Writes the state into `search`, keeping parameters this module does not own. */
export function serialiseUrlState(state: UrlState, search = ''): string {
  const params = new URLSearchParams(search);
  if (state.region) params.set('region', state.region);
  else params.delete('region');
  if (state.lang === 'zh') params.delete('lang');
  else params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}
