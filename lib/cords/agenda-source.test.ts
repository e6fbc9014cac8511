import { describe, expect, it } from "vitest";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { at, reviewWorld, testDb, WEEK } from "@/lib/reviews/test-fixtures";

describe("the week's cords on the weekly review's successes and failings", () => {
  it("lists the subtree's cords pulled, resolved or still stopped that week with who pulled, how long and the COE; nothing else", async () => {
    const world = await reviewWorld();
    const { retail, payments, platform } = world.teams;
    const { storefront, gateway, dns } = world.services;
    const cord = (
      serviceId: string,
      teamId: string,
      problem: string,
      fields: { pulledAt: string; resolvedAt?: string; severity?: "STOP_DEPLOYS" | "CUSTOMER_DEFECT"; coeId?: string },
    ) =>
      testDb.cord.create({
        data: {
          organizationId: world.org.id,
          serviceId,
          teamId,
          problem,
          severity: fields.severity ?? "STOP_DEPLOYS",
          pulledById: world.users.member.userId,
          pulledAt: at(fields.pulledAt),
          resolvedAt: fields.resolvedAt ? at(fields.resolvedAt) : null,
          openServiceId: fields.resolvedAt ? null : serviceId,
          coeId: fields.coeId ?? null,
        },
      });
    const approved = await world.coe("Gateway timeouts", payments.id, { status: "APPROVED", approvedAt: "2026-11-26T10:00:00Z" });
    const defect = await cord(gateway.id, payments.id, "Refunds show twice", {
      pulledAt: "2026-11-24T09:00:00Z",
      resolvedAt: "2026-11-24T12:30:00Z",
      severity: "CUSTOMER_DEFECT",
    });
    const withCoe = await cord(gateway.id, payments.id, "Gateway times out", {
      pulledAt: "2026-11-25T08:00:00Z",
      resolvedAt: "2026-11-25T08:45:00Z",
      coeId: approved.id,
    });
    const stillOpen = await cord(storefront.id, retail.id, "Images broken", { pulledAt: "2026-11-20T10:00:00Z" });
    const lastMonth = await cord(gateway.id, payments.id, "Old stop", { pulledAt: "2026-11-02T10:00:00Z", resolvedAt: "2026-11-02T11:00:00Z" });
    const otherTeam = await cord(dns.id, platform.id, "DNS flaps", { pulledAt: "2026-11-24T10:00:00Z", resolvedAt: "2026-11-24T11:00:00Z" });

    const series = await requireSeries(world.users.manager, world.series.id);
    const agenda = await buildAgenda(series, parseIsoWeek(WEEK)!);
    const successes = [...agenda.items, ...agenda.deferred].find((item) => item.key === "successes")!.detail;
    if (successes.kind !== "successes") throw new Error("no successes item");
    const [block] = successes.sources;
    expect(block?.source).toBe("cords");
    expect(block!.entries.map((entry) => entry.id)).toEqual([stillOpen.id, defect.id, withCoe.id]);
    const [open, customer, fixed] = block!.entries;
    expect(open!.badges.map((badge) => badge.label)).toContain("Line stopped");
    expect(open!.meta).toContain("still stopped");
    // Times in the series' time zone (Berlin): 09:00Z is 10:00 there.
    expect(customer).toMatchObject({ title: `${gateway.name}: Refunds show twice`, href: `/cords/${defect.id}`, links: [] });
    expect(customer!.meta).toBe(`Pulled by ${world.users.member.name} on Tue 24 Nov, 10:00 · line stopped 3 h 30 min`);
    expect(customer!.badges.map((badge) => badge.label)).toEqual(["Customer-facing defect", "COE due"]);
    expect(fixed!.meta).toContain("line stopped 45 min");
    expect(fixed!.links).toEqual([{ label: "COE", href: `/coes/${approved.id}` }]);
    expect(JSON.stringify(agenda)).not.toContain(otherTeam.id);
    expect(JSON.stringify(agenda)).not.toContain(lastMonth.id);
  });
});
