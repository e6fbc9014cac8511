import { describe, expect, it } from "vitest";
import { isAllowListed, isForbiddenAddress } from "@/lib/webhooks/address-guard";
import { resolveTarget } from "@/lib/webhooks/send";

describe("webhook address guard", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::127.0.0.1",
    "64:ff9b::10.0.0.1",
    "[::1]",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2001:db8::1".replace("db8", "4860")])(
    "allows %s",
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it.each([
    "http://2130706433/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::1]:8080/",
    "http://localhost/",
  ])("refuses %s after resolution (decimal, hex, octal, short and mapped forms)", async (url) => {
    const target = await resolveTarget(new URL(url), []);
    expect(target).toHaveProperty("refused");
  });

  it("lets an allow-listed host through, by name or address", async () => {
    expect(isAllowListed(["127.0.0.1"], "localhost", "127.0.0.1")).toBe(true);
    expect(isAllowListed(["hooks.internal"], "hooks.internal", "10.0.0.5")).toBe(true);
    expect(isAllowListed(["hooks.internal"], "other.internal", "10.0.0.5")).toBe(false);
    expect(await resolveTarget(new URL("http://127.0.0.1:42001/"), ["127.0.0.1"])).toEqual({ address: "127.0.0.1", family: 4 });
  });

  it("refuses schemes other than http and https", async () => {
    expect(await resolveTarget(new URL("file:///etc/passwd"), [])).toHaveProperty("refused");
  });
});
