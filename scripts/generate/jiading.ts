/**
 * Entry point of `npm run data:generate` (package.json names this file, from when Jiading was the only
 * district). It generates every district; see main.ts and cli.ts for the options.
 */
import './main.ts';
