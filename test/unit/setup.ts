import { loadLanguage } from '../../src/i18n/strings.ts';

// The page loads the English dictionary before it first shows English (main.tsx, LanguageSwitch);
// the models tested here take the language as an argument, so it is loaded for them up front.
await loadLanguage('en');
