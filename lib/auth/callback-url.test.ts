import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

// Known open-redirect bypass forms: each must end up on this site.
const BYPASSES = [
  "//evil.example/",
  "/\\evil.example/",
  "\\/evil.example/",
  "/\\/evil.example",
  "/\t/evil.example/",
  "/\n/evil.example/",
  "/\r/evil.example/",
  "/%09/evil.example/",
  "/%5Cevil.example/",
  "https://evil.example/",
  "http:evil.example",
  "//evil.example@andon.local/",
  "/ /evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "///evil.example/",
  "/\u0000/evil.example",
  "\u3002evil.example",
  " //evil.example",
];

describe("safeCallbackUrl", () => {
  it.each(BYPASSES)("keeps %j on this site", (value) => {
    const result = safeCallbackUrl(value);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result).not.toMatch(/[\\\u0000-\u001f]/);
    expect(new URL(result, "https://andon.local").origin).toBe("https://andon.local");
  });

  it.each([
    ["/coes/abc?tab=history#q2", "/coes/abc?tab=history#q2"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://andon.local/actions", "/"],
  ])("%j → %j", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it("accepts a full URL on the app's own origin when told the origin", () => {
    expect(safeCallbackUrl("https://andon.example.com/actions?x=1", "https://andon.example.com")).toBe("/actions?x=1");
    expect(safeCallbackUrl("https://evil.example/actions", "https://andon.example.com")).toBe("/");
  });
});
