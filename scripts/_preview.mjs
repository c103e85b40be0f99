import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const [, , file, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
await page.setContent('<html><body><div id="c"></div></body></html>');
await page.addScriptTag({ path: 'node_modules/jszip/dist/jszip.min.js' });
await page.addScriptTag({ path: 'node_modules/docx-preview/dist/docx-preview.min.js' });
const b64 = readFileSync(file).toString('base64');
await page.evaluate(async (b64) => {
  const bin = atob(b64); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
  await window.docx.renderAsync(u, document.getElementById('c'), undefined, { className: 'docx', inWrapper: true, breakPages: true, ignoreLastRenderedPageBreak: true, experimental: false });
}, b64);
const h = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0, i = 1; y < h; y += 1100, i++) await page.screenshot({ path: `${out}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 900, height: Math.min(1100, h - y) } });
await browser.close();
