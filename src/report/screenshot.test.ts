// A failing report as a person opens it: headless Chromium (Debian's, /usr/bin/chromium; .ci/run
// installs it) renders report.html of a real run against a server that never reveals a number.
// The verdict and the failed requirement must be on the first screen, above the requirement
// table; printing expands every transcript. The screenshot is kept for a person to look at.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { neverReveals, startFront } from "../../test/hostile/front.ts";
import { runCli } from "../../test/run_cli.ts";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

test("Chromium shows a failing report's verdict and failed requirement first, and prints transcripts expanded", async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  const front = await startFront({ edit: neverReveals });
  const work = mkdtempSync(join(tmpdir(), "tlc-screenshot-"));
  const reports = join(work, "reports");
  try {
    const run = await runCli([
      "run",
      "--target",
      front.url,
      "--tags",
      "@REQ-S1-REVEAL or @REQ-S2-FOREIGN",
      "--reports",
      reports,
    ]);
    assert.equal(run.code, 1, run.stderr);
  } finally {
    await front.close();
  }
  // A fresh user data dir (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(pathToFileURL(join(reports, "report.html")).href);
    const shot = join(work, "failing-report.png");
    await page.screenshot({ path: shot });
    process.stdout.write(`# screenshot: ${shot}\n`);
    const banner = page.locator("#verdict");
    assert.match(await banner.innerText(), /^NOT CERTIFIED\s/);
    // Runs in the page: its globalThis is the window (this project compiles without DOM types).
    const color = await banner.evaluate(
      (e) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(e).backgroundColor,
    );
    assert.equal(color, "rgb(179, 38, 30)");
    const failed = page.locator("#failed-requirements");
    const box = await failed.boundingBox();
    assert.ok(box && box.y < 900, `the failed requirements start on the first screen (y=${box?.y})`);
    const first = page.locator("#failed-requirements h3").first();
    assert.match(await first.innerText(), /MUST S1-REVEAL/);
    assert.ok(await first.isVisible());
    assert.match(
      await page.locator("#failed-requirements .failure").first().innerText(),
      /Expected\s+userRequest with phone/,
    );
    const table = await page.locator("h2", { hasText: /^Requirements$/ }).boundingBox();
    assert.ok(box && table && box.y < table.y, "the failed requirements come before the requirement table");
    // A passing scenario's compact transcript is folded on screen and printed expanded.
    const folded = page.locator("details:not([open]) table").first();
    assert.equal(await folded.isVisible(), false);
    await page.emulateMedia({ media: "print" });
    assert.equal(await folded.isVisible(), true, "print shows what the screen folds");
    await page.screenshot({ path: join(work, "failing-report-print.png"), fullPage: false });
  } finally {
    await browser.close();
  }
});
