import { z } from 'zod';

/** A name in Chinese with an optional English form; the UI falls back to Chinese. */
export const localizedName = z.object({ zh: z.string().min(1), en: z.string().min(1).optional() }).strict();
export type LocalizedName = z.infer<typeof localizedName>;

export type Lang = 'zh' | 'en';

export function pickName(name: LocalizedName, lang: Lang): string {
  return lang === 'en' && name.en ? name.en : name.zh;
}
