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
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('language')}
    </button>
  );
}
