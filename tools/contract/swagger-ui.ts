// Drives Swagger UI in headless Chromium as a user would: authorise with a token, "Try it out" on
// GET /api/chatwoot/list/{instance}, Execute, read the response shown; then open the activation's "Try it
// out" and read its Idempotency-Key field. Prints {status, body, idempotencyKey} as JSON and saves screenshots. Run by the contract tests: node dist/swagger-ui.js <api url> <token> <instance> <png>.
import { writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const [apiUrl, token, instance, screenshot] = process.argv.slice(2);
if (!apiUrl || !token || !instance || !screenshot) {
  throw new Error("usage: node dist/swagger-ui.js <api url> <token> <instance> <screenshot.png>");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // Chromium refuses to run as root with its sandbox on (CI runs as root).
  args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
try {
  page.setDefaultTimeout(60_000);
  await page.goto(new URL("/swagger/index.html", apiUrl).href);

  await page.locator("button.authorize").first().click();
  const tokenScheme = page.locator(".modal-ux .auth-container").filter({ hasText: "token (apiKey)" });
  await tokenScheme.locator("input").fill(token);
  await tokenScheme.locator("button.authorize").click();
  await tokenScheme.locator("button.btn-done").click();

  const operation = page.locator("#operations-Chatwoot-GetChatwootIntegration");
  await operation.locator(".opblock-summary-control").click();
  await operation.locator("button.try-out__btn").click();
  await operation.locator("tr[data-param-name='instance'] input").fill(instance);
  await operation.locator("button.execute").click();

  const live = operation.locator(".live-responses-table .response").first();
  await live.locator(".response-col_description .microlight").first().waitFor();
  const status = (await live.locator(".response-col_status").first().innerText()).trim();
  const body = await live.locator(".response-col_description .microlight").first().innerText();
  // The operation as the user sees it: the filled-in parameter, the request made and the answer shown.
  await operation.screenshot({ path: screenshot });

  // The activation's "Try it out" as a user finds it: a pre-filled Idempotency-Key would be sent on every try.
  const activation = page.locator("#operations-Chatwoot-ActivateChatwoot");
  await activation.locator(".opblock-summary-control").click();
  await activation.locator("button.try-out__btn").click();
  const idempotencyKey = await activation.locator("tr[data-param-name='Idempotency-Key'] input").inputValue();
  await activation.screenshot({ path: screenshot.replace(/\.png$/, "-activation.png") });
  console.log(JSON.stringify({ status, body, idempotencyKey }));
} catch (error) {
  // What the page showed when it went wrong, beside where the screenshot would have been.
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-failed.png"), fullPage: true });
  await writeFile(screenshot.replace(/\.png$/, "-failed.html"), await page.content());
  throw error;
} finally {
  await browser.close();
}
