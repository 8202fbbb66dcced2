// Takes the README's screenshot: the page with the sample story, article 3 picked (not a test).
//   bash scripts/build-web.sh && node tests/e2e/screenshot.mjs docs/screenshot.png
// Shrunk with pngquant when it is installed (Debian package pngquant).
import { execFileSync } from "node:child_process";
import { startServer, launch, openPage, engineReady, waitAnalysed } from "./helpers.mjs";

const out = process.argv[2] || "docs/screenshot.png";
const server = await startServer();
const browser = await launch({ viewport: { width: 1360, height: 820 }, colorScheme: process.env.SCHEME || "light" });
try {
  const { page, errors } = await openPage(browser.context, (u) => u.startsWith(server.origin + "/"));
  await page.goto(server.origin + "/?sample");
  await engineReady(page);
  await page.waitForFunction(() => document.getElementById("text").value.length > 0);
  await waitAnalysed(page);
  await page.selectOption("#doc", "2");
  await page.evaluate(() => (document.getElementById("annotated").scrollTop = 250));
  await page.screenshot({ path: out });
  if (errors.length) throw new Error(errors.join("\n"));
} finally {
  await browser.close();
  await server.close();
}
try {
  execFileSync("pngquant", ["--quality", "60-85", "--strip", "--force", "--output", out, out]);
} catch {
  console.warn("pngquant not available: screenshot left uncompressed");
}
console.log("wrote " + out);
