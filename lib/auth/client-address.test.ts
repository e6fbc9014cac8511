import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { requestsInFlight } from "@/lib/ops/in-flight";
import { CLIENT_ADDRESS_HEADER, clientAddress, installRequestHooks, resolveClientAddress, trustedProxyList } from "@/lib/auth/client-address";

describe("client address for sign-in limits", () => {
  const none = trustedProxyList(undefined);
  const proxies = trustedProxyList("10.0.0.0/8, 127.0.0.1, fd00::1");

  // Runs before the header writer is installed below (tests in a file run in order).
  it("does not believe the header while no server writes it", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" }))).toBe("unknown");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" })).toBe("unknown");
  });

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", proxies)).toBe("203.0.113.7");
  });

  it("believes a trusted proxy, walking from the right past other trusted proxies", () => {
    expect(resolveClientAddress("127.0.0.1", "spoofed, 198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.1.2.3", "6.6.6.6, 198.51.100.9, 10.0.0.5", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(resolveClientAddress("127.0.0.1", "not-an-address", proxies)).toBe("unknown");
  });

  it("reads an X-Forwarded-For entry that carries the client's port", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.5:4711", proxies)).toBe("203.0.113.5");
    expect(resolveClientAddress("127.0.0.1", "[2001:db8::1]:443", proxies)).toBe("2001:db8::1");
    expect(resolveClientAddress("127.0.0.1", "[2001:db8::1]", proxies)).toBe("2001:db8::1");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.9:1234, 10.0.0.5:80", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("127.0.0.1", "2001:db8::1", proxies)).toBe("2001:db8::1");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.5:port", proxies)).toBe("unknown");
  });

  it("overwrites whatever address header a client sends, on a real server", async () => {
    installRequestHooks(undefined);
    const server = http.createServer((request, response) => response.end(String(request.headers[CLIENT_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" } });
      expect(await answer.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });

  it("counts a request as in flight until its response is done", async () => {
    installRequestHooks(undefined);
    let during = -1;
    const server = http.createServer((_request, response) => {
      during = requestsInFlight();
      setTimeout(() => response.end("ok"), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const before = requestsInFlight();
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
      expect(during).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(requestsInFlight()).toBe(before);
    } finally {
      server.close();
    }
  });
});
