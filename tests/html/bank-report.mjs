// The bank's HTML report in headless Chromium: every question row, the chart and the coverage grid
// are in the DOM, the page makes no network request, and a screenshot is taken.
// usage: node tests/html/bank-report.mjs SERVER   env E2E_HOME (playwright-core), SHOTS_DIR
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const server = resolve(process.argv[2]);
const home = process.env.E2E_HOME ?? join(process.env.HOME, ".cache/vscode-e2e");
const require = createRequire(join(home, "pw", "package.json"));
const { chromium } = require("playwright-core");

const repo = resolve(new URL("../..", import.meta.url).pathname);
const fixture = join(repo, "tests/fixtures/bank");
const out = mkdtempSync(join(tmpdir(), "bank-report-"));
const shots = process.env.SHOTS_DIR ?? out;
const html = execFileSync(server, ["bank", "--format", "html", "--categories", "pack", "answers"], {
  cwd: fixture,
  encoding: "utf8",
});
// Beside the drafts, so that each question's link resolves to its draft.
const page_path = join(out, "bank.html");
writeFileSync(page_path, html);

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name} ${detail}`);
  }
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const url = pathToFileURL(page_path).href;
  const requests = [];
  page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
  await page.goto(url, { waitUntil: "load" });

  const rows = await page.$$eval("tr.item", (trs) => trs.map((tr) => tr.dataset.item));
  const expected = [...Array(10).keys()].map((i) => `partnerships/q${i + 1}`)
    .concat(["partnerships/scenario-1", "partnerships/scenario-2"]);
  check("every partnerships question and scenario has a row",
    expected.every((id) => rows.includes(id)), JSON.stringify(rows));
  check("the pack category has its rows too", rows.filter((r) => r.startsWith("sales/")).length === 12);
  const bars = await page.$$eval("svg.chart rect.bar", (rs) => rs.map((r) => r.getAttribute("data-item")));
  check("the chart has a bar for each drafted item", bars.includes("partnerships/q1") && bars.length >= 5,
    JSON.stringify(bars));
  const chartBox = await page.$eval("svg.chart", (s) => s.getBoundingClientRect().height);
  check("the chart is drawn", chartBox > 100, `height ${chartBox}`);
  const grid = await page.$$eval("table.grid tbody tr", (trs) => trs.map((tr) => tr.dataset.item));
  const questions = expected.filter((id) => id.includes("/q"));
  check("the coverage grid has a row per question", questions.every((id) => grid.includes(id)),
    JSON.stringify(grid));
  const covered = await page.$$eval("table.grid td.covered", (tds) => tds.length);
  check("the coverage grid marks covered concepts", covered > 0);
  const link = await page.$eval('tr.item[data-item="partnerships/q1"] a', (a) => a.getAttribute("href"));
  check("a question links to its best draft", link === "answers/q1-partner-selection.md", link);
  const next = await page.$$eval("ol.practise-next li", (lis) => lis.map((li) => li.textContent));
  check("practise next is listed", next.length > 0 && next[0].startsWith("q7"), JSON.stringify(next));
  check("the page loads with no network request", requests.length === 0, JSON.stringify(requests));
  await page.screenshot({ path: join(shots, "bank-report.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(shots, "bank-report-print.png"), fullPage: true });
  check("screenshots taken", true, shots);
} finally {
  await browser.close();
}
console.log(`bank report: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
