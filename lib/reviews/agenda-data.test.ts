import { describe, expect, it } from "vitest";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { at, reviewWorld, testDb, WEEK } from "@/lib/reviews/test-fixtures";

describe("the agenda for a seeded week", () => {
  it("lists exactly the overdue actions, new COEs and breached metrics of the team's subtree, and nothing from other teams", async () => {
    const world = await reviewWorld();
    const { retail, checkout, payments, platform } = world.teams;
    const overdueRetail = await world.action("Rotate certificates", retail.id, "2026-11-20");
    const overduePayments = await world.action("Add refund alarm", payments.id, "2026-11-02", "IN_PROGRESS");
    const dueSoon = await world.action("Runbook for checkout", checkout.id, "2026-11-27");
    const done = await world.action("Retry policy", checkout.id, "2026-11-01", "DONE", "2026-11-24T12:00:00Z");
    const otherTeam = await world.action("Platform-only overdue", platform.id, "2026-11-01");
    const approvedCheckout = await world.coe("Checkout outage", checkout.id, {
      status: "APPROVED",
      severity: "SEV2",
      approvedAt: "2026-11-24T10:00:00Z",
      createdAt: "2026-11-23T08:00:00Z",
    });
    const inReviewPayments = await world.coe("Card declines", payments.id, { status: "IN_REVIEW", severity: "SEV1", submittedAt: "2026-11-25T10:00:00Z" });
    await world.coe("Old approved", retail.id, { status: "APPROVED", approvedAt: "2026-11-10T10:00:00Z" });
    await world.coe("Still a draft", retail.id, { status: "DRAFT" });
    const otherCoe = await world.coe("Platform DNS outage", platform.id, {
      status: "APPROVED",
      severity: "SEV1",
      approvedAt: "2026-11-24T10:00:00Z",
      createdAt: "2026-11-23T08:00:00Z",
    });
    await world.breachedMetric(world.services.storefront.id, "Availability");
    await world.breachedMetric(world.services.dns.id, "Resolution success");

    const series = await requireSeries(world.users.manager, world.series.id);
    const agenda = await buildAgenda(series, parseIsoWeek(WEEK)!);
    const all = [...agenda.items, ...agenda.deferred];
    const detailOf = <K extends string>(kind: K) =>
      all.find((item) => item.detail.kind === kind)?.detail as Extract<(typeof all)[number]["detail"], { kind: K }>;

    const actions = detailOf("actions");
    expect(actions.overdue.map((action) => action.id)).toEqual([overduePayments.id, overdueRetail.id]);
    expect(actions.dueThisWeek.map((action) => action.id)).toEqual([dueSoon.id]);
    expect(actions.escalated.map((action) => action.id)).toEqual([overduePayments.id]);
    expect(detailOf("successes").actionsCompleted.map((action) => action.id)).toEqual([done.id]);
    expect(detailOf("successes").coesOpened.map((coe) => coe.id)).toEqual([approvedCheckout.id]);

    // Highest severity first.
    // One "Review COEs" item holds them, most severe first.
    expect(all.filter((item) => item.section === "coes").map((item) => item.key)).toEqual(["coes"]);
    expect(detailOf("coeList").coes.map((coe) => coe.id)).toEqual([inReviewPayments.id, approvedCheckout.id]);
    expect(detailOf("metrics").metrics.map((metric) => metric.serviceName)).toEqual([world.services.storefront.name]);
    // Figures read as on the metrics pages: with the metric's unit.
    expect(detailOf("metrics").metrics[0]!.flags).toEqual(["Target 99.9 % breached"]);
    expect(detailOf("wheel").service?.id).toBeDefined();
    expect([world.services.storefront.id]).toContain(detailOf("wheel").service?.id);

    const json = JSON.stringify(agenda);
    for (const foreign of [otherTeam.id, otherCoe.id, world.services.dns.name, "Platform"]) expect(json).not.toContain(foreign);

    // Slots: 60 minutes are four slots, starting at 10:00 Berlin time.
    expect(agenda.totalSlots).toBe(4);
    expect(agenda.items.map((item) => item.startLabel)).toEqual(["10:00", "10:15", "10:30", "10:45"].slice(0, agenda.items.length));
    expect(agenda.deferred.length).toBeGreaterThan(0);
    expect(agenda.subTeams.map((line) => [line.teamName, line.overdueActions])).toEqual([["Checkout", 1]]);
  });

  it("shows the subtree's open policy findings and ending waivers with the key service metrics, and none of another team's", async () => {
    const world = await reviewWorld();
    const { retail, payments, platform } = world.teams;
    const { storefront, gateway, dns } = world.services;
    let ruleCount = 0;
    const rule = (severity: "CRITICAL" | "HIGH" | "LOW", status: "ENFORCED" | "DRAFT" = "ENFORCED") =>
      testDb.policyRule.create({
        data: { organizationId: world.org.id, name: `Rule ${(ruleCount += 1)}`, status, severity, category: "security", conditions: { all: [] } },
      });
    const finding = async (
      ruleId: string,
      service: { id: string },
      teamId: string,
      status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED",
      openedAt: string,
      waiverEndsAt?: string,
    ) => {
      const row = await testDb.policyFinding.create({
        data: {
          organizationId: world.org.id,
          ruleId,
          serviceId: service.id,
          teamId,
          status,
          firstOpenedAt: at(openedAt),
          openedAt: at(openedAt),
          lastEvaluatedAt: at(openedAt),
        },
      });
      if (waiverEndsAt)
        await testDb.findingAcknowledgment.create({
          data: { organizationId: world.org.id, findingId: row.id, category: "ACCEPTED_RISK", reason: "r", expiresAt: at(waiverEndsAt), status: "APPROVED" },
        });
      return row;
    };
    const [critical, high, low, draft] = [await rule("CRITICAL"), await rule("HIGH"), await rule("LOW"), await rule("HIGH", "DRAFT")];
    const newCritical = await finding(critical.id, storefront, retail.id, "OPEN", "2026-11-24T08:00:00Z");
    const oldHigh = await finding(high.id, gateway, payments.id, "OPEN", "2026-10-01T08:00:00Z");
    const ending = await finding(low.id, gateway, payments.id, "ACKNOWLEDGED", "2026-10-01T08:00:00Z", "2026-12-02T00:00:00Z");
    const farWaiver = await finding(critical.id, gateway, payments.id, "ACKNOWLEDGED", "2026-10-01T08:00:00Z", "2027-03-01T00:00:00Z");
    const resolved = await finding(low.id, storefront, retail.id, "RESOLVED", "2026-10-01T08:00:00Z");
    const ofDraft = await finding(draft.id, storefront, retail.id, "OPEN", "2026-10-01T08:00:00Z");
    const foreign = await finding(critical.id, dns, platform.id, "OPEN", "2026-11-24T08:00:00Z");

    const agenda = await buildAgenda(await requireSeries(world.users.manager, world.series.id), parseIsoWeek(WEEK)!);
    const item = [...agenda.items, ...agenda.deferred].find((entry) => entry.key === "metrics")!;
    expect(item.title).toBe("Key service metrics: 1 new finding, 1 waiver ending");
    const block = item.detail.kind === "metrics" ? item.detail.sources.find((source) => source.source === "policy-findings") : undefined;
    expect(block?.title).toBe("Policy findings: 2 open, 1 new this week, 1 waiver ending");
    // Most severe first.
    expect(block?.entries.map((entry) => entry.id)).toEqual([newCritical.id, oldHigh.id, ending.id]);
    expect(block?.entries[0]!.badges.map((badge) => badge.label)).toEqual(["Critical", "New this week"]);
    const json = JSON.stringify(agenda);
    for (const hidden of [farWaiver.id, resolved.id, ofDraft.id, foreign.id]) expect(json).not.toContain(hidden);
  });
});
