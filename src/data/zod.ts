/**
 * The app's one zod entry point: zod/mini, the functional, tree-shakable API (classic zod's method
 * chains keep the whole library in the first-load chunk). zod/mini installs no locale, so its messages
 * would all read "Invalid input": the English locale that classic zod uses by default is configured
 * here, once, and every schema module imports `z` from this module so that it runs before any parse.
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
