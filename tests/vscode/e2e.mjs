// End to end in code-server: open the fixture draft and check what the user sees: rule codes in
// the Problems panel, the server's hover, the score in the status bar, and the New Answer Draft
// command. Extends ../shared/vscode-e2e/e2e.mjs.
// usage: node e2e.mjs MODE BASE_URL FOLDER   env PW_HOME (playwright-core), SHOTS_DIR, CHROMIUM
//   MODE server: a working server; MODE missing: no server anywhere, one clear message expected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const { chromium } = createRequire(path.join(process.env.PW_HOME, 'package.json'))('playwright-core');

const [mode, base, folder] = process.argv.slice(2);
const draft = 'partner-incentives.md';
const expectedCodes = ['criticism', 'metrics', 'activity-volume', 'structure'];
const shots = process.env.SHOTS_DIR || path.join(os.tmpdir(), 'vscode-e2e-shots');
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} vscode: ${name}${detail ? `: ${detail}` : ''}`);
}
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-xdg-'));
const browser = await chromium.launch({
  env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg },
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('pageerror', (e) => log('pageerror:', e.message));

async function shot(name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) }).catch(() => {});
}

/** Runs a command from the command palette by its title. */
async function runCommand(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Screen point at the middle of the first occurrence of `text` in the visible editor lines. */
async function pointOf(text) {
  return page.evaluate((needle) => {
    const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + needle.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
    }
    return null;
  }, text);
}

try {
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'answers' }).first().waitFor({ timeout: 60_000 });
  log('workbench loaded');

  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor({ timeout: 15_000 });
  await quickInput.pressSequentially(draft);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: draft }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: draft }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  log('editor open:', draft);
  if (mode === 'missing') await missingServer();
  else await withServer();
} catch (e) {
  check('the workbench flow', false, e.message.split('\n')[0]);
  await shot('error');
} finally {
  await browser.close();
  fs.rmSync(xdg, { recursive: true, force: true });
}
const failed = results.filter((r) => !r).length;
console.log(`vscode end to end (${mode}): ${results.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);

/** No server anywhere: one error notification that says what was tried and how to fix it. */
async function missingServer() {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const toast = toasts.filter({ hasText: 'interview-coach language server was not found' }).first();
  let text = '';
  try {
    await toast.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000); // let any second message arrive before counting
    text = oneLine(await toast.innerText());
  } catch {
    // reported below
  }
  log('notification:', text || '(none)');
  check('a missing server gives a notification naming the fix',
    /cargo install/.test(text) && /interviewCoach\.server\.path/.test(text) && /no-such-dir/.test(text), text.slice(0, 200));
  const all = (await toasts.allInnerTexts()).map(oneLine).filter((t) => /interview/i.test(t));
  check('exactly one message, no stack trace', all.length === 1 && !/\bat .+:\d+:\d+/.test(all[0] ?? ''), `${all.length} messages`);
  check('the message offers Open Settings', (await toast.locator('.monaco-button', { hasText: 'Open Settings' }).count()) === 1);
  await shot('missing');
}

/** A working server: what the user sees for the fixture draft. */
async function withServer() {

  // 1. Diagnostics as the user sees them: squiggles, then the Problems panel rows.
  const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first();
  await squiggle.waitFor({ state: 'attached', timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: 'interview-coach' }).first().waitFor({ timeout: 30_000 });
  // The list is virtual: maximise the panel so that every row is rendered.
  await runCommand('View: Toggle Maximized Panel').catch(() => {});
  await page.waitForTimeout(500);
  const texts = (await rows.allInnerTexts()).map(oneLine);
  log('problems panel rows:\n  ' + texts.join('\n  '));
  for (const code of expectedCodes) {
    const row = texts.find((t) => t.includes(`interview-coach(${code})`));
    check(`Problems panel shows ${code}`, !!row, row ?? `not among ${texts.length} rows`);
  }
  const criticism = texts.find((t) => t.includes('interview-coach(criticism)')) ?? '';
  check('criticism is reported on line 10', /\[Ln 10, Col \d+\]/.test(criticism), criticism);
  await runCommand('View: Toggle Maximized Panel').catch(() => {});
  await shot('problems');

  // 2. Hover: the server's explanation of a concept, from the hover widget.
  await page.keyboard.press('Escape');
  const at = await pointOf('incentive alignment');
  if (!at) {
    check('hover on "incentive alignment"', false, 'text not visible in the editor');
  } else {
    await page.mouse.move(at.x, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    let hoverText = '';
    try {
      await hover.waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      hoverText = oneLine(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
    } catch {
      // reported below
    }
    log('hover:', hoverText || '(none)');
    check('hover explains "incentive alignment"', /incentive/i.test(hoverText) && hoverText.length > 40, hoverText.slice(0, 160));
    await shot('hover');
    await page.mouse.move(5, 5);
  }

  // 3. The score in the status bar.
  const score = page.locator('.statusbar-item', { hasText: 'Rubric' }).first();
  let scoreText = '';
  try {
    await score.waitFor({ timeout: 20_000 });
    scoreText = oneLine(await score.innerText());
  } catch {
    // reported below
  }
  check('status bar shows the rubric score', /Rubric \d+\/\d+ · \d+ words · ~\d+:\d\d/.test(scoreText), scoreText || '(none)');

  // 4. New Answer Draft: quick pick of the server's questions, then a new file in answers/.
  await runCommand('Interview Coach: New Answer Draft');
  const roi = page.locator('.quick-input-list .monaco-list-row', { hasText: 'How do you evaluate partner ROI?' }).first();
  let opened = '';
  try {
    await roi.waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-widget input').fill('partner ROI');
    await roi.waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab.active');
    await page.waitForFunction(
      (d) => { const t = document.querySelector('.tabs-container .tab.active'); return t && !t.textContent.includes(d); },
      draft, { timeout: 15_000 });
    opened = oneLine(await tab.innerText());
  } catch (e) {
    log('new draft:', e.message.split('\n')[0]);
  }
  const files = fs.existsSync(path.join(folder, 'answers')) ? fs.readdirSync(path.join(folder, 'answers')) : [];
  const created = files.filter((f) => !['partner-incentives.md', 'unlinked.md'].includes(f));
  const createdText = created.length === 1 ? fs.readFileSync(path.join(folder, 'answers', created[0]), 'utf8') : '';
  check('New Answer Draft writes and opens a draft for the picked question',
    created.length === 1 && opened.includes(created[0]) && /partner ROI/i.test(createdText),
    `tab "${opened}", files ${JSON.stringify(created)}`);
  await shot('new-draft');
}
