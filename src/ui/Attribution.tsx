import { useT } from '../i18n/use-t.ts';

/** The pack's attribution as text (pack strings are untrusted: never HTML). */
export function Attribution({ text }: { text: string }) {
  const t = useT();
  if (!text) return null;
  return (
    <footer className="attribution" title={t('attributionLabel')}>
      {text}
    </footer>
  );
}
