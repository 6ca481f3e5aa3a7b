/**
 * npm run screenshot -- <url> <out.png> [--width 1600 --height 1000]
 * Opens the app in headless Chromium, waits for the map to be idle and saves a PNG (used for the README).
 */
import { parseArgs } from 'node:util';
import { AppDriver } from '../test/browser/app-driver.ts';
import { launchChromium } from '../test/browser/chromium.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { width: { type: 'string', default: '1600' }, height: { type: 'string', default: '1000' } },
});
const [url, out] = positionals;
if (!url || !out) {
  console.error('usage: npm run screenshot -- <url> <out.png> [--width W --height H]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const driver = await AppDriver.open(browser, url, '', {
    width: Number(values.width),
    height: Number(values.height),
  });
  // A pack that fails to load never makes the map idle; its alert is then what there is to see.
  await driver.page.waitForSelector('[data-testid="map"][data-idle="true"], [role="alert"]', {
    timeout: 60_000,
  });
  await driver.screenshot(out);
  for (const e of [...driver.log.consoleErrors, ...driver.log.pageErrors]) console.error(`page error: ${e}`);
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
