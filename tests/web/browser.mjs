// The browser side of the web tests: Debian's chromium driven by playwright-core.
// Reads a JSON job on stdin: {base, pages: [path...], screenshots: {dir, pages, widths},
// keyboard: [path...], versions: [path...], versionWidths: [px...]}; writes one JSON report on stdout: for each page axe-core's
// violations, console errors, page errors, dialogs and requests that left the site.
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(join(here, "..", "..", "node_modules", "axe-core", "axe.min.js"), "utf8");
const job = JSON.parse(readFileSync(0, "utf8"));
const profile = mkdtempSync(join(tmpdir(), "edition-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: job.chromium || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
const report = { pages: {}, screenshots: [], keyboard: {}, widths: {}, search: {} };
const base = job.base.replace(/\/$/, "") + "/";

function watch(page, record) {
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") record.console.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => record.errors.push(String(e)));
  page.on("dialog", async (d) => { record.dialogs.push(d.message()); await d.dismiss(); });
  page.on("request", (r) => { const u = r.url(); if (!u.startsWith(base) && !u.startsWith("data:")) record.foreign.push(u); });
}

const page = await context.newPage();
let record = null;
watch(page, { console: [], errors: [], dialogs: [], foreign: [] });
page.removeAllListeners();
for (const path of job.pages) {
  record = { console: [], errors: [], dialogs: [], foreign: [], violations: [] };
  page.removeAllListeners();
  watch(page, record);
  await page.goto(base + path, { waitUntil: "load" });
  if (job.axe !== false) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    }));
    record.violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
  }
  if (job.text && job.text.includes(path)) {
    record.text = await page.evaluate(() => document.body.innerText);
  }
  report.pages[path] = record;
}

for (const path of job.keyboard || []) {
  const out = {};
  await page.goto(base + path, { waitUntil: "load" });
  const first = page.locator("a.noteref").first();
  await first.focus();
  out.focusShows = await page.evaluate(() => !document.getElementById("note-popup")?.hidden);
  await page.keyboard.press("Enter");
  out.afterEnter = await page.evaluate(() => ({
    open: !document.getElementById("note-popup").hidden,
    focused: document.activeElement?.id,
    role: document.getElementById("note-popup").getAttribute("role"),
    label: document.getElementById("note-popup-title").textContent,
    text: document.querySelector("#note-popup .popup-body").textContent.trim().slice(0, 200),
    expanded: document.querySelector("a.noteref").getAttribute("aria-expanded"),
  }));
  await page.keyboard.press("Escape");
  out.afterEscape = await page.evaluate(() => ({
    open: !document.getElementById("note-popup").hidden,
    focusedClass: document.activeElement?.className,
  }));
  report.keyboard[path] = out;
}

for (const query of job.search || []) {
  const record = { console: [], errors: [], dialogs: [], foreign: [] };
  page.removeAllListeners();
  watch(page, record);
  await page.goto(base + "search.html?q=" + encodeURIComponent(query), { waitUntil: "load" });
  await page.waitForFunction(() => !/^Search(ing| runs)/.test(document.getElementById("search-status").textContent), null, { timeout: 15000 });
  record.status = await page.evaluate(() => document.getElementById("search-status").textContent);
  record.results = await page.evaluate(() => Array.from(document.querySelectorAll("#search-results a")).map((a) => a.getAttribute("href")));
  report.search[query] = record;
}

for (const width of (job.screenshots && job.screenshots.widths) || []) {
  await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
  for (const path of job.screenshots.pages) {
    await page.goto(base + path, { waitUntil: "load" });
    const file = join(job.screenshots.dir, `${path.replace(/[\/.]/g, "_")}-${width}.png`);
    await page.screenshot({ path: file, fullPage: job.screenshots.full !== false });
    report.screenshots.push(file);
    report.widths[`${path}@${width}`] = await page.evaluate(() => document.documentElement.scrollWidth);
  }
}
// versions: [path...]: a text beside its original, at each width of job.versionWidths: where the
// first unit's two versions stand, and what the switch shows when "original" is chosen.
report.versions = {};
for (const width of job.versionWidths || []) {
  await page.setViewportSize({ width, height: 900 });
  for (const path of job.versions || []) {
    await page.goto(base + path, { waitUntil: "load" });
    const box = (sel) => page.evaluate((s) => { const r = document.querySelector(s)?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; }, sel);
    const out = { translation: await box(".unit .v-translation"), original: await box(".unit .v-original"),
      switchShown: await page.evaluate(() => !document.querySelector(".version-switch")?.hidden),
      lang: await page.evaluate(() => document.querySelector(".unit .v-original")?.getAttribute("lang")) };
    await page.check(".version-switch input[value=original]");
    out.afterOriginal = await page.evaluate(() => ({
      translationShown: getComputedStyle(document.querySelector(".unit .v-translation")).display !== "none",
      originalShown: getComputedStyle(document.querySelector(".unit .v-original")).display !== "none" }));
    report.versions[`${path}@${width}`] = out;
  }
}
await context.close();
process.stdout.write(JSON.stringify(report));
