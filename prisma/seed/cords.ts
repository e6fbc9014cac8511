import type { PrismaClient } from "../../lib/generated/prisma/client";

const HOUR = 3_600_000;

/**
 * Two demo cords, with dates relative to the day of seeding: a resolved customer-facing one on
 * pricing-engine (wrong prices for two hours, a +1, a blocked deploy, a note and the fix) and an
 * open one on object-store (stop deploys only); and Platform's weekend freeze, so the freeze
 * windows page, the service pages and the calendar feed show a scheduled stop from the start.
 * Fixed ids; runs once on an empty database.
 */
export async function seedDemoCords(db: PrismaClient): Promise<void> {
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  await db.cord.create({
    data: {
      id: "cord_demo_pricing",
      organizationId: "org_demo",
      serviceId: "svc_pricing",
      teamId: "team_cart",
      severity: "CUSTOMER_DEFECT",
      problem: "Product pages show prices without the 20 % discount the banner promises.",
      customerImpact: "Shoppers abandon carts; support contacts up sharply.",
      link: "https://shop.example.com/p/winter-jacket",
      pulledById: "user_viewer",
      pulledAt: at(50),
      resolvedAt: at(48),
      resolvedById: "user_member",
      resolutionNote: "Discount rule restored and caches purged; prices verified on 20 product pages.",
      events: {
        create: [
          { kind: "PULLED", actorId: "user_viewer", body: "Product pages show prices without the 20 % discount the banner promises.", createdAt: at(50) },
          { kind: "PLUS_ONE", actorId: "user_reviewer", body: "Seeing it on the mobile app too.", createdAt: at(49.8) },
          { kind: "NOTE", actorId: "user_member", body: "Rolling back this morning's pricing rules deploy.", createdAt: at(49.5) },
          { kind: "DEPLOY_BLOCKED", actorId: "user_member", body: "Environment: production", deployRef: "pricing-engine@4f2c9e1", createdAt: at(49) },
          {
            kind: "RESOLVED",
            actorId: "user_member",
            body: "Discount rule restored and caches purged; prices verified on 20 product pages.",
            createdAt: at(48),
          },
        ],
      },
    },
  });
  await db.cord.create({
    data: {
      id: "cord_demo_objects",
      organizationId: "org_demo",
      serviceId: "svc_objects",
      openServiceId: "svc_objects",
      teamId: "team_storage",
      severity: "STOP_DEPLOYS",
      problem: "Exports written since the last deploy are missing their checksum files.",
      pulledById: "user_platform",
      pulledAt: at(2),
      events: {
        create: [
          { kind: "PULLED", actorId: "user_platform", body: "Exports written since the last deploy are missing their checksum files.", createdAt: at(2) },
        ],
      },
    },
  });
  // Fridays 16:00 to Mondays 08:00 in Berlin, every week since the first Friday of 2025 (CET, UTC+1).
  await db.freezeWindow.create({
    data: {
      id: "freeze_demo_weekend",
      organizationId: "org_demo",
      teamId: "team_platform",
      reason: "Weekend freeze: no infrastructure changes while on-call is thin",
      startsAt: new Date("2025-01-03T15:00:00Z"),
      endsAt: new Date("2025-01-06T07:00:00Z"),
      rrule: "FREQ=WEEKLY;BYDAY=FR",
      timeZone: "Europe/Berlin",
      lastEndsAt: null,
      environments: ["production"],
      createdById: "user_platform",
    },
  });
}
