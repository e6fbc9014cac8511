import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "./fixtures";

// An admin adds an endpoint (a receiver on a loopback port started here), sends a test event, sees
// it in the delivery log, and redelivers it. Without WEBHOOK_ALLOWED_HOSTS=127.0.0.1 in the server's
// environment the loopback address is refused by the SSRF guard: the attempt is then logged as refused.
test("an admin adds an endpoint, sends a test event, sees the delivery and redelivers it", async ({ page, users }) => {
  test.setTimeout(90_000);
  const received: string[] = [];
  const receiver = http.createServer((request, response) => {
    received.push(String(request.headers["webhook-id"]));
    request.resume();
    request.on("end", () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/andon`;
  const admin = await users.create({ isAdmin: true });

  await test.step("the admin adds the endpoint and gets its secret once", async () => {
    await users.login(page, admin);
    await page.goto("/settings/webhooks");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Description").fill("E2E receiver");
    // Other specs write events in the same organization at the same time: subscribe to a type the suite never
    // emits, so the log holds only the test event (sent whatever the endpoint subscribes to).
    await page.getByLabel("Every event (including types added later)").uncheck();
    await page.getByRole("checkbox", { name: "verification.expired", exact: true }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
    await page.getByRole("link", { name: "Open the endpoint" }).click();
    await expect(page.getByRole("heading", { name: "E2E receiver" })).toBeVisible();
  });

  await test.step("a test event appears in the delivery log with its attempt", async () => {
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event sent")).toBeVisible({ timeout: 30_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("list", { name: "Messages" }).getByText("1 attempt", { exact: false })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const messages = page.getByRole("list", { name: "Messages" });
    await expect(messages.getByText("webhook.test", { exact: true })).toBeVisible();
    await expect(messages.getByText("Delivered", { exact: true })).toBeVisible();
    expect(received).toHaveLength(1);
  });

  await test.step("redeliver sends the same message again", async () => {
    await page.getByRole("button", { name: "Redeliver" }).click();
    await expect(page.getByText("Sent again")).toBeVisible({ timeout: 30_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("list", { name: "Messages" }).getByText("2 attempts")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    expect(received).toHaveLength(2);
    expect(new Set(received).size).toBe(1);
  });

  await test.step("the weekly digest option is saved with the endpoint", async () => {
    await page.getByLabel("Weekly digest").check();
    await page.getByRole("button", { name: "Save endpoint" }).click();
    await expect(page.getByText("Saved.")).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByLabel("Weekly digest")).toBeChecked();
  });
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
