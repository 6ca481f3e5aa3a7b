/**
 * npm run screenshot -- <url> <out.png> [--width 1600 --height 1000] [--center lon,lat --zoom z]
 * Opens the app in headless Chromium, waits for the map to be idle and saves a PNG (used for the README).
 */
import { parseArgs } from 'node:util';
import { AppDriver } from '../test/browser/app-driver.ts';
import { launchChromium } from '../test/browser/chromium.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '1000' },
    center: { type: 'string' },
    zoom: { type: 'string' },
  },
});
const [url, out] = positionals;
if (!url || !out) {
  console.error(
    'usage: npm run screenshot -- <url> <out.png> [--width W --height H] [--center lon,lat --zoom z]',
  );
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
  if (values.center || values.zoom) {
    const center = values.center?.split(',').map(Number);
    await driver.page.evaluate(
      ({ center, zoom }) => {
        type MapHandle = { jumpTo: (o: object) => void; getCenter: () => unknown; getZoom: () => number };
        const map = (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap;
        map.jumpTo({ center: center ?? map.getCenter(), zoom: zoom ?? map.getZoom() });
      },
      { center, zoom: values.zoom === undefined ? undefined : Number(values.zoom) },
    );
    await driver.waitForMapIdle();
  }
  await driver.screenshot(out);
  for (const e of [...driver.log.consoleErrors, ...driver.log.pageErrors]) console.error(`page error: ${e}`);
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
