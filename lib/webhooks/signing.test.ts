import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { generateWebhookSecret, signatureHeader, standardWebhookHeaders } from "@/lib/webhooks/signing";

describe("Standard Webhooks signing", () => {
  it("matches the specification's published test vector", () => {
    const header = signatureHeader(
      ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(header).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("produces headers the standardwebhooks verifier accepts, and refuses a changed body", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: "coe.approved", id: "evt_1", timestamp: new Date().toISOString(), data: { id: "coe_1" } });
    const headers = standardWebhookHeaders([secret], "msg_1", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("coe_1", "coe_2"), headers)).toThrow();
  });

  it("signs with both secrets during a rotation, so receivers holding either verify", () => {
    const [older, newer] = [generateWebhookSecret(), generateWebhookSecret()];
    const body = '{"type":"webhook.test"}';
    const headers = standardWebhookHeaders([newer, older], "msg_2", new Date(), body);
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(older).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newer).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});
