// End to end in code-server: open the fixture draft and check what the user sees: rule codes in
// the Problems panel, the server's hover, the score in the status bar, and the New Answer Draft
// command; on the fixture bank, the Answer Bank view. Extends ../shared/vscode-e2e/e2e.mjs.
// usage: node e2e.mjs MODE BASE_URL FOLDER   env PW_HOME (playwright-core), SHOTS_DIR, CHROMIUM
//   MODE server: a working server; MODE missing: no server anywhere, one clear message expected;
//   MODE bank: a working server on the fixture bank.
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

/** Opens a workspace file by name with Quick Open and waits for its tab. */
async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor({ timeout: 15_000 });
  await quickInput.fill(name);
  // Enter opens the focused row: wait until the filtered results have put the file there. The
  // first search of a workspace can take long on a loaded machine: the limit only bounds a hang.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

try {
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'answers' }).first().waitFor({ timeout: 60_000 });
  log('workbench loaded');

  if (mode === 'bank') {
    await answerBank();
  } else {
    await openFile(draft);
    log('editor open:', draft);
    if (mode === 'missing') await missingServer();
    else await withServer();
  }
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
  // A row reads `message  source(code)  [Ln l, Col c]`; with a code link the parentheses go.
  const rowOf = (code) => texts.find((t) => new RegExp(`interview-coach\\W*${code}\\W*\\[Ln \\d+, Col \\d+\\]`).test(t));
  for (const code of expectedCodes) {
    const row = rowOf(code);
    check(`Problems panel shows ${code}`, !!row, row ? row.slice(-60) : `not among ${texts.length} rows`);
  }
  const criticism = rowOf('criticism') ?? '';
  check('criticism is reported on line 10 and quotes the clause with "lazy"', /\[Ln 10, Col 1\]$/.test(criticism) && criticism.includes('was lazy”'), criticism);
  const related = texts.find((t) => /^partnerships\.md \[Ln \d+, Col \d+\] : Rubric: Criticizing past teams or customers\.$/.test(t));
  check('the rubric line of the guide shows as related information', !!related, related ?? '');
  await runCommand('View: Toggle Maximized Panel').catch(() => {});
  await shot('problems');

  // 2. Hover: the server's explanation of a concept, from the hover widget.
  await page.keyboard.press('Escape');
  let at = await pointOf('incentive alignment');
  if (!at) {
    check('hover on "incentive alignment"', false, 'text not visible in the editor');
  } else {
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    let hoverText = '';
    // The editor asks for a hover only when the pointer moves, so move off and back once before
    // failing; and the text is found again each time, since the code lens above the first line
    // may arrive in between and push every line down.
    for (let attempt = 0; attempt < 2 && !hoverText; attempt++) {
      at = (await pointOf('incentive alignment')) ?? at;
      log(`hover: pointer to ${Math.round(at.x)},${Math.round(at.y)}, attempt ${attempt + 1}`);
      await page.mouse.move(at.x, at.y - 30);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      try {
        await hover.waitFor({ timeout: 10_000 });
        await page.waitForTimeout(300);
        hoverText = oneLine(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
      } catch {
        log('hover: none shown, attempt', attempt + 1);
      }
    }
    log('hover:', hoverText || '(none)');
    check('hover explains "incentive alignment"',
      hoverText.includes('Incentive alignment · Partnerships concept') && hoverText.includes('Q3 · How do you structure partner incentives?'),
      hoverText.slice(0, 100));
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

  // 4. A quick fix from the light bulb menu (Ctrl+.) on the heading: insert the Outcome section.
  let applied = '';
  try {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':6');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert an Outcome section' }).first();
    await fix.waitFor({ timeout: 15_000 });
    const offered = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map(oneLine);
    log('quick fixes:', offered.join(' | '));
    // Move the keyboard focus onto the fix, then Enter (the menu is keyboard driven).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 12 && !(await focused.innerText().catch(() => '')).includes('Insert an Outcome section'); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '## Outcome' }).first().waitFor({ timeout: 10_000 });
    applied = (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  } catch (e) {
    log('quick fix:', e.message.split('\n')[0]);
    await page.keyboard.press('Escape');
  }
  const lines = applied.split('\n');
  check('the quick fix inserts ## Outcome after the Action section',
    lines.includes('## Outcome') && lines.indexOf('## Outcome') > lines.indexOf('## Action') && lines.indexOf('## Action') >= 0,
    applied ? oneLine(applied).slice(-120) : '(not applied)');
  await shot('quick-fix');

  // 5. Open Category Guide, then Show Example Answers for the draft: both land in the guide file
  // the server wrote, the second on the example answers.
  const guides = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'interview-coach');
  const guideLines = (() => {
    for (const d of fs.existsSync(guides) ? fs.readdirSync(guides) : []) {
      const f = path.join(guides, d, 'partnerships.md');
      if (fs.existsSync(f)) return fs.readFileSync(f, 'utf8').split('\n');
    }
    return [];
  })();
  const cursorLine = async () => {
    const text = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '');
    return Number((/Ln (\d+)/.exec(text) || [])[1] || 0);
  };
  let guideOk = false;
  try {
    await runCommand('Interview Coach: Open Category Guide');
    await page.locator('.tabs-container .tab.active', { hasText: 'partnerships.md' }).waitFor({ timeout: 15_000 });
    guideOk = true;
  } catch (e) {
    log('guide:', e.message.split('\n')[0]);
  }
  check('Open Category Guide shows the guide', guideOk && guideLines[0] === '# Partnerships', `${guideLines.length} guide lines`);
  await openFile(draft);
  let exampleLine = 0;
  try {
    await runCommand('Interview Coach: Show Example Answers');
    await page.locator('.tabs-container .tab.active', { hasText: 'partnerships.md' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    exampleLine = await cursorLine();
  } catch (e) {
    log('examples:', e.message.split('\n')[0]);
  }
  const examplesAt = guideLines.indexOf('## Example Answers') + 1;
  const nextSection = guideLines.findIndex((l, i) => i >= examplesAt && l.startsWith('## ')) + 1;
  check('Show Example Answers lands on the example answers',
    examplesAt > 0 && exampleLine >= examplesAt && exampleLine < nextSection,
    `line ${exampleLine}: ${guideLines[exampleLine - 1] ?? ''}`.slice(0, 100));
  await shot('examples');
  await openFile(draft);

  // 6. New Answer Draft: quick pick of the server's questions, then a new file in answers/.
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
  // The score follows the active editor: it changes to the new draft's.
  let newScore = '';
  try {
    await page.waitForFunction((old) => [...document.querySelectorAll('.statusbar-item')]
      .some((e) => /Rubric \d+\/\d+/.test(e.textContent) && !e.textContent.includes(old)), scoreText.replace(/^.*?Rubric/, 'Rubric'), { timeout: 15_000 });
    newScore = oneLine(await score.innerText());
  } catch {
    // reported below
  }
  check('the status bar score follows the new draft', /Rubric \d+\/\d+ · \d+ words/.test(newScore), `${scoreText} -> ${newScore || '(unchanged)'}`);
  await shot('new-draft');

  // 7. Settings reach the server live: turning `criticism` off in the user settings, edited and
  // saved in VS Code as a user would, removes its diagnostic without a restart.
  let gone = false;
  try {
    await runCommand('Preferences: Open User Settings (JSON)');
    await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Home');
    // insertText types no keys, so bracket and quote auto-closing stay out of the way.
    await page.keyboard.insertText(',"interviewCoach.rules.criticism": "off"');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent);
      return rows.some((t) => t.includes('interview-coach')) && !rows.some((t) => /interview-coach\W*criticism/.test(t));
    }, null, { timeout: 20_000 });
    gone = true;
  } catch (e) {
    log('settings:', e.message.split('\n')[0]);
  }
  log('user settings now:', oneLine(fs.readFileSync(process.env.E2E_SETTINGS, 'utf8')));
  check('turning a rule off in the settings removes its diagnostic live', gone);
  await shot('settings');
}

/** The Answer Bank view's rendered rows, in list order: `{ index, name, description }`. */
async function bankRows() {
  return page.evaluate(() => {
    const header = [...document.querySelectorAll('.pane-header')].find((h) => /Answer Bank/i.test(h.textContent));
    const pane = header?.closest('.pane');
    if (!pane) return [];
    return [...pane.querySelectorAll('.monaco-list-row')]
      .map((r) => ({
        index: Number(r.getAttribute('data-index')),
        name: (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
        description: (r.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      }))
      .sort((a, b) => a.index - b.index);
  });
}

/** Clicks the Answer Bank row at list index `index`. */
async function clickBankRow(index) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Answer Bank' }) });
  await pane.locator(`.monaco-list-row[data-index="${index}"]`).click();
}

/** The fixture bank in the Answer Bank view: categories, status and scores; a click opens a draft
 * or starts one. */
async function answerBank() {
  const answers = path.join(folder, 'answers');
  let rows = [];
  try {
    // The view sits collapsed at the bottom of the Explorer: expand it as a user would. That also
    // activates the extension, with no draft open.
    const header = page.locator('.pane-header', { hasText: 'Answer Bank' });
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Room for its rows: fold the folder's file tree above it.
    const files = page.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(folder) });
    if (await files.count()) await files.first().click();
    await page.waitForFunction(() => {
      const header = [...document.querySelectorAll('.pane-header')].find((h) => /Answer Bank/i.test(h.textContent));
      return header && /How do you identify good strategic partners\?/.test(header.closest('.pane')?.textContent ?? '');
    }, null, { timeout: 60_000 });
    rows = await bankRows();
  } catch (e) {
    log('answer bank:', e.message.split('\n')[0]);
  }
  log('answer bank rows:\n  ' + rows.map((r) => `${r.index} ${r.name} | ${r.description}`).join('\n  '));
  await shot('bank');
  // Partnerships first; its items follow in guide order.
  const category = rows.find((r) => r.name === 'Partnerships');
  const at = (offset) => rows.find((r) => category && r.index === category.index + offset);
  const q1 = at(1);
  const q2 = at(2);
  const q4 = at(4);
  check('the Answer Bank shows the Partnerships category with its totals',
    /^drafted 4 of 12 · mean \d+%$/.test(category?.description ?? ''), category?.description ?? `not among ${rows.length} rows`);
  check('q1 lists its best score of two drafts',
    q1?.name === '1. How do you identify good strategic partners?' && q1.description === '2 drafts · 8/9', JSON.stringify(q1));
  check('q2 is not drafted',
    q2?.name === '2. What criteria determine partnership viability?' && /^not drafted\b/.test(q2.description), JSON.stringify(q2));
  check('q4 is drafted with its score',
    q4?.name === '4. How do you launch a co-sell motion?' && /^drafted · \d+\/9\b/.test(q4.description), JSON.stringify(q4));

  // A click on a drafted question opens its best draft.
  let opened = false;
  try {
    await clickBankRow(q1.index);
    await page.locator('.tabs-container .tab.active', { hasText: 'q1-partner-selection.md' }).waitFor({ timeout: 15_000 });
    opened = true;
  } catch (e) {
    log('open draft:', e.message.split('\n')[0]);
  }
  check('a click on a drafted question opens its best draft', opened);
  await shot('bank-open');

  // A click on a question with no draft writes and opens a new draft for it, with no question
  // to answer first; the view then lists it as drafted.
  const before = fs.readdirSync(answers);
  let tab = '';
  try {
    await clickBankRow(q2.index);
    await page.waitForFunction((names) => {
      const t = document.querySelector('.tabs-container .tab.active');
      return t && /\.md/.test(t.textContent) && !names.some((n) => t.textContent.includes(n));
    }, before, { timeout: 15_000 });
    tab = oneLine(await page.locator('.tabs-container .tab.active').innerText());
  } catch (e) {
    log('new draft:', e.message.split('\n')[0]);
  }
  const created = fs.readdirSync(answers).filter((f) => !before.includes(f));
  const text = created.length === 1 ? fs.readFileSync(path.join(answers, created[0]), 'utf8') : '';
  check('a click on an undrafted question writes and opens a draft for it',
    created.length === 1 && tab.includes(created[0]) && /^category: partnerships$/m.test(text) && /^question: 2$/m.test(text) &&
      text.includes('# What criteria determine partnership viability?'),
    `tab "${tab}", new files ${JSON.stringify(created)}`);
  try {
    await page.waitForFunction((index) => {
      const header = [...document.querySelectorAll('.pane-header')].find((h) => /Answer Bank/i.test(h.textContent));
      const row = header?.closest('.pane')?.querySelector(`.monaco-list-row[data-index="${index}"]`);
      return row && /^drafted · \d+\/\d+/.test((row.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' '));
    }, q2.index, { timeout: 20_000 });
  } catch (e) {
    log('refresh:', e.message.split('\n')[0]);
  }
  const now = (await bankRows()).find((r) => r.index === q2?.index);
  check('the Answer Bank lists the new draft', /^drafted · \d+\/\d+/.test(now?.description ?? ''), JSON.stringify(now));
  await shot('bank-new');
}
