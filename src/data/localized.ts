import { z } from './zod.ts';

/** A name in Chinese with an optional English form; the UI falls back to Chinese. */
export const localizedName = z.strictObject({
  zh: z.string().check(z.minLength(1)),
  en: z.optional(z.string().check(z.minLength(1))),
});
export type LocalizedName = z.infer<typeof localizedName>;

export type Lang = 'zh' | 'en';

export function pickName(name: LocalizedName, lang: Lang): string {
  return lang === 'en' && name.en ? name.en : name.zh;
}
