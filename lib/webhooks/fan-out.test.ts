import { describe, expect, it } from "vitest";
import { fanOutMessages, type FanOutEndpoint, type FanOutEvent } from "@/lib/webhooks/fan-out";

// Payments sits under Retail; Platform beside it.
const ancestors: Record<string, string[]> = { retail: ["retail"], payments: ["payments", "retail"], platform: ["platform"] };
const ancestorsOf = (teamId: string) => ancestors[teamId] ?? [];
const origin = "https://andon.example.com";

const event = (id: string, type: string, teamId: string | null, data: Record<string, unknown>): FanOutEvent => ({
  id,
  organizationId: "org",
  type,
  teamId,
  occurredAt: new Date("2026-12-01T06:00:00Z"),
  data,
});
const overdue = (id: string, title: string, teamId = "payments", teamName = "Payments") =>
  event(id, "action.overdue", teamId, { id: `a_${id}`, title, teamId, teamName, daysOverdue: 4 });
const endpoint = (id: string, format: FanOutEndpoint["format"], teamId: string | null = null): FanOutEndpoint => ({
  id,
  organizationId: "org",
  teamId,
  eventTypes: [],
  format,
});

describe("fan-out of one outbox batch", () => {
  it("gives a chat channel one message per team for the reminder job's overdue actions, and a raw endpoint one per event", () => {
    const events = [overdue("e1", "Rotate keys"), overdue("e2", "Add alarm"), overdue("e3", "Fix runbook"), overdue("e4", "Renew DNS", "platform", "Platform")];
    const messages = fanOutMessages(events, [endpoint("slack", "SLACK"), endpoint("raw", "RAW")], ancestorsOf, origin);

    const raw = messages.filter((message) => message.endpointId === "raw");
    expect(raw.map((message) => message.eventId).sort()).toEqual(["e1", "e2", "e3", "e4"]);
    expect(raw[0]!.payload).toMatchObject({ type: "action.overdue", data: { title: expect.any(String) } });

    const slack = messages.filter((message) => message.endpointId === "slack");
    expect(slack).toHaveLength(2);
    const payments = slack.find((message) => message.eventId === "e1")!;
    expect(payments.eventType).toBe("action.overdue");
    expect(payments.payload.text).toBe(
      `⚠️ 3 corrective actions overdue in Payments: “Rotate keys”, “Add alarm”, “Fix runbook” — ${origin}/actions?view=team&teamId=payments&overdue=true`,
    );
    // A team with one overdue action gets the usual single message, linked to the action.
    const platform = slack.find((message) => message.eventId === "e4")!;
    expect(String(platform.payload.text)).toMatch(/^⚠️ Corrective action overdue: “Renew DNS”, 4 days overdue — https:\/\/andon\.example\.com\/actions\/a_e4$/);
  });

  it("names three titles and counts the rest, and keeps batches per endpoint subtree and event type", () => {
    const events = [
      ...["A", "B", "C", "D", "E"].map((title, index) => overdue(`o${index}`, title)),
      event("d1", "action.due_soon", "payments", { title: "Soon 1", teamName: "Payments" }),
      event("d2", "action.due_soon", "payments", { title: "Soon 2", teamName: "Payments" }),
      event("c1", "coe.approved", "payments", { id: "c1", title: "Checkout outage", teamName: "Payments" }),
    ];
    const messages = fanOutMessages(events, [endpoint("teams", "TEAMS", "retail"), endpoint("chat", "GOOGLE_CHAT", "platform")], ancestorsOf, origin);
    expect(messages.every((message) => message.endpointId === "teams")).toBe(true);
    const lines = messages.map((message) => JSON.stringify(message.payload));
    expect(messages).toHaveLength(3);
    expect(lines.find((line) => line.includes("5 corrective actions overdue"))).toContain("“A”, “B”, “C” and 2 more");
    expect(lines.find((line) => line.includes("due within three days"))).toContain(`${origin}/actions?view=team&teamId=payments"`);
    expect(lines.find((line) => line.includes("Checkout outage"))).toContain("was approved");
  });
});
