import { useCallback } from 'react';
import { useAppState } from '../state/store-context.tsx';
import { type StringKey, translate } from './strings.ts';

export function useT() {
  const lang = useAppState((s) => s.lang);
  return useCallback(
    (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params),
    [lang],
  );
}
