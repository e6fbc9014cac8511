import { describe, expect, it } from "vitest";
import { trustedProxyList } from "@/lib/auth/client-address";
import { ConfigurationError, parseEnv, shutdownTimeoutSeconds } from "@/lib/env";

const VALID = { DATABASE_URL: "postgresql://andon:secret@db.internal:5432/andon", NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret" };

function problems(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("configuration", () => {
  it("accepts a complete production configuration with defaults filled in", () => {
    const env = parseEnv(VALID);
    expect(env.LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
    expect(env.OIDC_ISSUER).toBeUndefined();
  });

  it.each([
    { case: "a missing DATABASE_URL", source: { ...VALID, DATABASE_URL: undefined }, message: "DATABASE_URL is not set" },
    {
      case: "a DATABASE_URL that is not PostgreSQL",
      source: { ...VALID, DATABASE_URL: "mysql://localhost/andon" },
      message: "DATABASE_URL must look like postgresql://",
    },
    { case: "a DATABASE_URL without a database", source: { ...VALID, DATABASE_URL: "postgresql://localhost:5432" }, message: "DATABASE_URL must look like" },
    { case: "no secret in production", source: { ...VALID, NEXTAUTH_SECRET: undefined }, message: "NEXTAUTH_SECRET is required in production" },
    { case: "half an SSO configuration", source: { ...VALID, OIDC_ISSUER: "https://login.example.com" }, message: "needs all three of OIDC_ISSUER" },
    {
      case: "an SSO issuer that is not a URL",
      source: { ...VALID, OIDC_ISSUER: "login", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" },
      message: "OIDC_ISSUER must be the issuer URL",
    },
    {
      case: "an encryption key that is not 32 bytes",
      source: { ...VALID, ANDON_ENCRYPTION_KEY: "hunter2" },
      message: "ANDON_ENCRYPTION_KEY must be 32 random bytes",
    },
    {
      case: "a shutdown deadline that is not whole seconds",
      source: { ...VALID, SHUTDOWN_TIMEOUT_SECONDS: "25s" },
      message: "SHUTDOWN_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600",
    },
    { case: "a non-numeric rate limit", source: { ...VALID, LOGIN_MAX_FAILURES_PER_IP: "many" }, message: "LOGIN_MAX_FAILURES_PER_IP" },
  ])("refuses $case with a clear message", ({ source, message }) => {
    expect(problems(source)).toContain(message);
  });

  it("lists every problem at once", () => {
    const message = problems({ NODE_ENV: "production" });
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("NEXTAUTH_SECRET");
  });

  it("lets development run without a secret", () => {
    expect(parseEnv({ ...VALID, NODE_ENV: "development", NEXTAUTH_SECRET: undefined }).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("gives the server and the launcher the shutdown deadline by the same rule", () => {
    expect(shutdownTimeoutSeconds({})).toBe(25);
    expect(shutdownTimeoutSeconds({ SHUTDOWN_TIMEOUT_SECONDS: "40" })).toBe(40);
    for (const value of ["0", "-5", "2.5", "ten", "601"]) {
      expect(() => shutdownTimeoutSeconds({ SHUTDOWN_TIMEOUT_SECONDS: value }), value).toThrow(/SHUTDOWN_TIMEOUT_SECONDS must be a whole number/);
    }
  });

  it.each(["999.1.1.1", "10.0.0.0/33", "::1/129", "1.2.3", "proxy.internal", "10.0.0.0/8/8", "10.0.0.0/x", "127.0.0.1;10.0.0.1"])(
    "refuses TRUSTED_PROXIES=%s with a message naming the variable and the entry",
    (entry) => {
      const message = problems({ ...VALID, TRUSTED_PROXIES: `127.0.0.1, ${entry}` });
      expect(message).toContain("TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges");
      expect(message).toContain(`"${entry}"`);
    },
  );

  it("accepts every form of TRUSTED_PROXIES the proxy list can hold", () => {
    const value = "127.0.0.1, 10.0.0.0/8,2001:db8::/32, ::1, ::ffff:10.1.2.3, 0.0.0.0/0";
    expect(parseEnv({ ...VALID, TRUSTED_PROXIES: value }).TRUSTED_PROXIES).toBe(value);
    expect(() => trustedProxyList(value)).not.toThrow();
  });
});
