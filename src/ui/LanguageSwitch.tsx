import { loadLanguage } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';
import { useAppState } from '../state/store-context.tsx';

export function LanguageSwitch() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const setLang = useAppState((s) => s.setLang);
  return (
    <button
      type="button"
      className="lang-switch"
      aria-label={t('languageLabel')}
      lang={lang === 'zh' ? 'en' : 'zh'}
      onClick={() => {
        const next = lang === 'zh' ? 'en' : 'zh';
        // The dictionary first (a chunk, fetched once), so that nothing renders in a half-loaded language.
        void loadLanguage(next).then(() => setLang(next));
      }}
    >
      {t('language')}
    </button>
  );
}
