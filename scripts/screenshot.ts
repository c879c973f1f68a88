/**
 * Takes the README screenshot: serve mode with three simulated docks, the real renderer in
 * headless Chromium, after the aircraft have flown for a while (tracks visible).
 * Run: node --import tsx scripts/screenshot.ts [out.png] [seconds]
 */
import { openSession } from '../test/e2e/helpers/browser';
import { startServe } from '../test/e2e/helpers/serve';

const out = process.argv[2] ?? 'docs/screenshot.png';
const seconds = Number(process.argv[3] ?? 45);
const serve = await startServe({ simulate: 3 });
const s = await openSession();
try {
  await s.page.goto(`${serve.url}/?token=${encodeURIComponent(serve.token)}`);
  await s.page.waitForSelector('.fleet-row.depth-1.online');
  await s.page.waitForTimeout(seconds * 1000); // a demo picture, not a test: let the aircraft fly
  await s.page.locator('.fleet-row.depth-1').first().click();
  await s.page.waitForTimeout(1500);
  await s.page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await s.browser.close();
  await serve.stop();
}
