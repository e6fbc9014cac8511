import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import {
  type CoeSeverity,
  type CoeStatus,
  type CorrectiveActionPriority,
  type CorrectiveActionStatus,
  type CorrectiveActionType,
} from "../../lib/generated/prisma/enums";
import { DEFAULT_FACTOR_CATEGORIES } from "../../lib/coes/questions";
import { snapshotSelect, toSnapshot } from "../../lib/coes/snapshot-row";
import { DEMO_ORG_ID, DEMO_TEAMS } from "./constants";

/**
 * About fifteen COEs for the demo organization, across teams and lifecycle states and spread over
 * the default factor categories, with corrective actions owned by the demo users. Fixed ids.
 */
const CATEGORY_IDS: Record<(typeof DEFAULT_FACTOR_CATEGORIES)[number]["name"], string> = {
  DNS: "fcat_dns",
  "Configuration drift": "fcat_config_drift",
  "Certificate expiry": "fcat_cert_expiry",
  "Deployment failure": "fcat_deploy",
  "Third-party dependency": "fcat_third_party",
  Capacity: "fcat_capacity",
  "Code defect": "fcat_code_defect",
  Process: "fcat_process",
  Other: "fcat_other",
};
type CategoryName = keyof typeof CATEGORY_IDS;

type DemoAction = { title: string; owner: string; type: CorrectiveActionType; priority: CorrectiveActionPriority; due: string; status: CorrectiveActionStatus };
type DemoCoe = {
  id: string;
  title: string;
  team: keyof typeof DEMO_TEAMS;
  services: string[];
  authors: string[];
  severity: CoeSeverity;
  status: CoeStatus;
  restricted?: boolean;
  /** Start, then minutes to detect, mitigate, resolve. */
  started: string;
  minutes: [number, number, number];
  answers: [string, string, string, string, string, string];
  factors: { category: CategoryName; description: string; whys: string[] }[];
  actions: DemoAction[];
  timeline: [number, string][];
};

const COES: DemoCoe[] = [
  {
    id: "coe_demo_01",
    title: "Card payments failed for 41 minutes after the processor certificate expired",
    team: "payments",
    services: ["svc_payments", "svc_checkout"],
    authors: ["user_member"],
    severity: "SEV1",
    status: "APPROVED",
    started: "2026-09-14T09:12:00Z",
    minutes: [6, 41, 95],
    answers: [
      "At 09:12 UTC the client certificate that **payment-gateway** presents to the card processor expired. Every card authorisation failed with a TLS handshake error until the on-call engineer installed a renewed certificate at 09:53.",
      "About 18,400 checkout attempts failed (38% of all orders in the window). Estimated lost revenue: $212k, of which roughly half was recovered through retries by customers. 1,150 support contacts.",
      "The certificate was renewed by hand once a year, from a calendar reminder that went to a former team member. No alarm watched certificate expiry, and the gateway's error-rate alarm fired only after 5 minutes of failures.",
      "Error rate of payment-gateway, 09:00–10:30 UTC:\n\n![payment-gateway error rate](/coes/coe_demo_01/attachments/att_demo_01_error_rate)\n\n- Processor handshake logs: `SSL alert number 45 (certificate expired)` from 09:12:04\n- Order volume compared with the same hour last week",
      "Anything renewed by hand will eventually be forgotten. Expiry dates are data: they belong in monitoring, not in calendars.",
      "We are automating renewal with the internal CA and adding an expiry alarm at 30, 14 and 3 days for every certificate the gateway uses.",
    ],
    factors: [
      {
        category: "Certificate expiry",
        description: "The processor client certificate expired.",
        whys: [
          "Nobody renewed it",
          "Renewal depended on a calendar reminder",
          "The reminder belonged to someone who had changed teams",
          "No inventory of certificates and their owners existed",
        ],
      },
      { category: "Process", description: "The renewal runbook was out of date.", whys: ["It was last edited two years ago"] },
    ],
    actions: [
      {
        title: "Automate renewal of payment-gateway client certificates",
        owner: "user_member",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-10-15",
        status: "IN_PROGRESS",
      },
      {
        title: "Alarm 30/14/3 days before any certificate expires",
        owner: "user_platform",
        type: "DETECT",
        priority: "HIGH",
        due: "2026-10-01",
        status: "DONE",
      },
    ],
    timeline: [
      [0, "Processor certificate expires; authorisations start failing."],
      [6, "payment-gateway 5xx alarm pages the on-call engineer."],
      [18, "TLS handshake errors identified in the processor logs."],
      [41, "Renewed certificate installed; authorisations recover."],
    ],
  },
  {
    id: "coe_demo_02",
    title: "Storefront unreachable for some regions after a DNS record change",
    team: "network",
    services: ["svc_dns", "svc_storefront"],
    authors: ["user_platform"],
    severity: "SEV2",
    status: "APPROVED",
    started: "2026-08-03T16:40:00Z",
    minutes: [12, 55, 180],
    answers: [
      "A change to the storefront's CNAME pointed it at a CDN hostname that had not been provisioned in two regions. Resolvers there returned NXDOMAIN and cached it for the record's one-hour negative TTL.",
      "Customers in two regions (about 9% of traffic) could not load the storefront for 55 minutes; some for up to three hours because of cached negative answers.",
      "The DNS change skipped the staging zone check, and the negative-caching TTL (SOA minimum) was one hour.",
      "Synthetic probe results per region; resolver query logs showing NXDOMAIN answers; the change ticket.",
      "A DNS change is a deployment: it needs the same pre-flight checks and a fast rollback path. Negative TTLs decide how long a mistake lasts.",
      "Validate every CNAME target resolves in all regions before publishing, and lower the zone's negative TTL to five minutes.",
    ],
    factors: [
      {
        category: "DNS",
        description: "CNAME target did not exist in two regions.",
        whys: ["The CDN hostname was only provisioned in some regions", "Provisioning and DNS change were separate tickets"],
      },
      { category: "Configuration drift", description: "Regional CDN configuration had drifted from the template.", whys: [] },
    ],
    actions: [
      {
        title: "Pre-flight check that CNAME targets resolve in every region",
        owner: "user_platform",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-09-01",
        status: "DONE",
      },
      { title: "Lower negative-caching TTL to 5 minutes", owner: "user_platform", type: "MITIGATE", priority: "MEDIUM", due: "2026-08-20", status: "VERIFIED" },
    ],
    timeline: [
      [0, "CNAME change published."],
      [12, "Regional synthetic probes fail; on-call paged."],
      [55, "CNAME reverted; most regions recover."],
    ],
  },
  {
    id: "coe_demo_03",
    title: "Checkout API errors after a deployment shipped an unapplied database migration",
    team: "checkout",
    services: ["svc_checkout"],
    authors: ["user_member", "user_manager"],
    severity: "SEV2",
    status: "CLOSED",
    started: "2026-06-22T13:05:00Z",
    minutes: [3, 22, 30],
    answers: [
      "Version 412 of checkout-api expected a new column that its migration had not yet added. Order placement failed with 500s until the deployment was rolled back.",
      "About 2,900 orders failed over 22 minutes; most customers retried successfully after rollback.",
      "The deployment pipeline ran migrations after the new code started serving, not before.",
      'Deployment log, 5xx graph, database error logs (`column "gift_note" does not exist`).',
      "Order of operations in a deployment is part of its correctness. Migrations must be backwards compatible and run first.",
      "Pipeline now applies migrations before rollout and blocks deploys whose code needs an unapplied migration.",
    ],
    factors: [
      {
        category: "Deployment failure",
        description: "Code and schema were deployed in the wrong order.",
        whys: ["The pipeline ran migrations as a post-deploy step", "It was set up when the service had no database"],
      },
    ],
    actions: [
      {
        title: "Run migrations before rollout in the checkout pipeline",
        owner: "user_member",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-07-10",
        status: "VERIFIED",
      },
      { title: "Canary stage with automatic rollback on 5xx", owner: "user_manager", type: "MITIGATE", priority: "MEDIUM", due: "2026-08-01", status: "DONE" },
    ],
    timeline: [
      [0, "Deployment 412 starts."],
      [3, "5xx alarm fires."],
      [22, "Rollback completes."],
    ],
  },
  {
    id: "coe_demo_04",
    title: "Refunds delayed by six hours during a payment provider outage",
    team: "payments",
    services: ["svc_refunds"],
    authors: ["user_member"],
    severity: "SEV3",
    status: "APPROVED",
    started: "2026-07-09T02:00:00Z",
    minutes: [45, 240, 380],
    answers: [
      "The refund provider's API returned 503 for four hours. refund-worker retried each refund immediately and exhausted its retry budget, parking 4,100 refunds in a dead-letter queue that nobody watched.",
      "4,100 customers waited up to six hours longer for refunds. No money was lost; 220 support contacts.",
      "Immediate retries without backoff, and no alarm on the dead-letter queue depth.",
      "Provider status page history; queue depth graphs; support contact volume by hour.",
      "A dependency's outage should slow us down, not make us give up. Dead-letter queues need owners and alarms.",
      "Exponential backoff with jitter, and an alarm on dead-letter depth.",
    ],
    factors: [
      {
        category: "Third-party dependency",
        description: "Refund provider API unavailable for four hours.",
        whys: ["Provider-side incident", "We have a single refund provider"],
      },
    ],
    actions: [
      {
        title: "Exponential backoff with jitter in refund-worker",
        owner: "user_member",
        type: "MITIGATE",
        priority: "MEDIUM",
        due: "2026-08-15",
        status: "OPEN",
      },
      {
        title: "Alarm when the refund dead-letter queue holds more than 50 messages",
        owner: "user_reviewer",
        type: "DETECT",
        priority: "HIGH",
        due: "2026-07-30",
        status: "DONE",
      },
    ],
    timeline: [
      [0, "Provider API starts returning 503."],
      [45, "Support escalates missing refunds."],
      [240, "Provider recovers; dead-letter queue replayed."],
    ],
  },
  {
    id: "coe_demo_05",
    title: "Black Friday rehearsal: cart-service saturated its connection pool",
    team: "cart",
    services: ["svc_cart"],
    authors: ["user_manager"],
    severity: "SEV3",
    status: "APPROVED",
    started: "2026-10-30T18:00:00Z",
    minutes: [2, 15, 40],
    answers: [
      "During the load rehearsal at 4x normal traffic, cart-service exhausted its database connection pool; add-to-cart latency rose to 8 seconds at p99.",
      "Rehearsal traffic only; real customers saw p99 latency of 2.5 s for 15 minutes as they shared the cluster.",
      "The pool size was set for last year's peak and never revisited; the service opened a connection per request path.",
      "Load test report, pool wait-time metrics, p99 latency graph.",
      "Capacity limits hide in configuration. Rehearsals find them cheaply — keep running them.",
      "Size pools from load tests and alarm on pool wait time.",
    ],
    factors: [
      {
        category: "Capacity",
        description: "Connection pool too small for peak load.",
        whys: ["Sized for last year's peak", "No capacity review in the release checklist"],
      },
    ],
    actions: [
      {
        title: "Resize the connection pool from load-test results",
        owner: "user_manager",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-11-10",
        status: "DONE",
      },
      { title: "Alarm on connection pool wait time above 100 ms", owner: "user_member", type: "DETECT", priority: "MEDIUM", due: "2026-11-20", status: "OPEN" },
    ],
    timeline: [
      [0, "Rehearsal ramps to 4x."],
      [2, "Latency alarm fires."],
      [15, "Rehearsal paused; pool size raised."],
    ],
  },
  {
    id: "coe_demo_06",
    title: "Wrong prices shown for 2 hours after a discount rule rounding bug",
    team: "cart",
    services: ["svc_pricing", "svc_storefront"],
    authors: ["user_member"],
    severity: "SEV2",
    status: "IN_REVIEW",
    started: "2026-11-18T07:30:00Z",
    minutes: [50, 95, 130],
    answers: [
      "A change to pricing-engine rounded percentage discounts before applying tax instead of after. Some basket totals were a few cents lower than the price charged at payment.",
      "About 31,000 baskets showed a total that differed from the charged amount by up to €0.04. 90 support contacts; we refunded the differences.",
      "The rounding order was not covered by tests, and the discrepancy check between basket and payment only ran nightly.",
      "Sample of affected baskets, nightly reconciliation report, the diff of the change.",
      "Money arithmetic needs property-based tests, and reconciliation should run continuously, not nightly.",
      "Property-based tests for price calculation and an hourly basket/payment reconciliation.",
    ],
    factors: [
      {
        category: "Code defect",
        description: "Discount rounded before tax.",
        whys: ["Refactoring changed the order", "No test asserted the order of operations"],
      },
    ],
    actions: [
      { title: "Property-based tests for price calculation", owner: "user_member", type: "PREVENT", priority: "HIGH", due: "2026-12-05", status: "OPEN" },
      {
        title: "Hourly reconciliation of basket totals against payments",
        owner: "user_reviewer",
        type: "DETECT",
        priority: "MEDIUM",
        due: "2026-12-15",
        status: "OPEN",
      },
    ],
    timeline: [
      [0, "pricing-engine 2.31 deployed."],
      [50, "Support reports price mismatches."],
      [95, "Change rolled back."],
    ],
  },
  {
    id: "coe_demo_07",
    title: "Product search returned empty results after an index alias swap",
    team: "catalog",
    services: ["svc_search"],
    authors: ["user_reviewer"],
    severity: "SEV2",
    status: "IN_REVIEW",
    started: "2026-11-12T11:00:00Z",
    minutes: [9, 24, 60],
    answers: [
      "The nightly reindex swapped the search alias to a new index before it finished building. Searches returned zero results for 24 minutes.",
      "Searches fell to zero results for all customers; conversion from search dropped 70% for 24 minutes.",
      "The alias swap did not check the new index's document count.",
      "Search result-count metrics, reindex job logs, conversion funnel.",
      "A swap should prove the new thing is ready — compare it with the old one before switching.",
      "Guard the alias swap with a document-count check; alarm on zero-result rate.",
    ],
    factors: [
      {
        category: "Configuration drift",
        description: "The reindex job's timeout differed between environments.",
        whys: ["Edited by hand in production last spring"],
      },
    ],
    actions: [
      {
        title: "Refuse alias swap when the new index has <95% of the old document count",
        owner: "user_reviewer",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-12-01",
        status: "OPEN",
      },
      { title: "Alarm on search zero-result rate above 20%", owner: "user_manager", type: "DETECT", priority: "MEDIUM", due: "2026-12-10", status: "OPEN" },
    ],
    timeline: [
      [0, "Alias swapped to the incomplete index."],
      [9, "Zero-result rate alarm fires."],
      [24, "Alias swapped back."],
    ],
  },
  {
    id: "coe_demo_08",
    title: "Object store latency spike during a storage node replacement",
    team: "storage",
    services: ["svc_objects"],
    authors: ["user_platform"],
    severity: "SEV3",
    status: "APPROVED",
    started: "2026-05-19T22:10:00Z",
    minutes: [4, 30, 90],
    answers: [
      "Replacing a failed storage node triggered a rebalance that used the full network bandwidth of the cluster. Image reads slowed to 3 s at p99.",
      "Product images loaded slowly for 30 minutes; storefront conversion dipped 4%.",
      "Rebalance throttling was disabled in the cluster configuration.",
      "Network throughput per node, p99 read latency.",
      "Maintenance operations need the same capacity planning as customer traffic.",
      "Re-enable and test rebalance throttling; add it to the configuration checks.",
    ],
    factors: [
      {
        category: "Capacity",
        description: "Rebalance saturated the cluster network.",
        whys: ["Throttling disabled", "Disabled during a past migration and never re-enabled"],
      },
    ],
    actions: [
      {
        title: "Re-enable rebalance throttling and cover it with a config test",
        owner: "user_platform",
        type: "PREVENT",
        priority: "MEDIUM",
        due: "2026-06-15",
        status: "DONE",
      },
    ],
    timeline: [
      [0, "Node replacement starts rebalance."],
      [30, "Throttling enabled; latency recovers."],
    ],
  },
  {
    id: "coe_demo_09",
    title: "Primary database failover took 9 minutes instead of 30 seconds",
    team: "storage",
    services: ["svc_postgres", "svc_checkout"],
    authors: ["user_platform"],
    severity: "SEV1",
    status: "CLOSED",
    restricted: true,
    started: "2026-04-02T04:20:00Z",
    minutes: [1, 9, 45],
    answers: [
      "The orders database primary lost its disk. Automated failover waited for a replica that was 8 minutes behind, because the replication-lag check had a bug that read lag as zero.",
      "Checkout was unavailable for 9 minutes at night: about 1,300 failed orders.",
      "The lag metric was computed in the wrong unit; the failover tooling trusted it.",
      "Replication lag graphs, failover tool logs.",
      "Failover that is not exercised regularly does not work when needed. Test it monthly.",
      "Fix the lag metric and run a monthly failover game day.",
    ],
    factors: [
      { category: "Code defect", description: "Replication lag reported in the wrong unit.", whys: ["Unit mismatch between exporter and tooling"] },
      { category: "Process", description: "Failover had not been exercised for a year.", whys: ["No game-day schedule"] },
    ],
    actions: [
      {
        title: "Fix the replication lag unit in the exporter",
        owner: "user_platform",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-04-20",
        status: "VERIFIED",
      },
      { title: "Monthly database failover game day", owner: "user_platform", type: "PROCESS", priority: "MEDIUM", due: "2026-05-30", status: "DONE" },
    ],
    timeline: [
      [0, "Primary disk fails."],
      [1, "Database availability alarm."],
      [9, "Failover completes."],
    ],
  },
  {
    id: "coe_demo_10",
    title: "Login page errors caused by an expired SSO signing certificate",
    team: "retail",
    services: ["svc_storefront"],
    authors: ["user_manager"],
    severity: "SEV2",
    status: "DRAFT",
    started: "2026-11-21T08:00:00Z",
    minutes: [20, 35, 50],
    answers: ["The SAML signing certificate used by staff SSO on the storefront admin expired.", "", "", "", "", ""],
    factors: [{ category: "Certificate expiry", description: "SSO signing certificate expired.", whys: [] }],
    actions: [],
    timeline: [[0, "Staff logins to the storefront admin start failing."]],
  },
  {
    id: "coe_demo_11",
    title: "Checkout slowed down after an analytics vendor script hung",
    team: "checkout",
    services: ["svc_storefront", "svc_checkout"],
    authors: ["user_member"],
    severity: "SEV3",
    status: "DRAFT",
    started: "2026-11-24T15:00:00Z",
    minutes: [30, 60, 60],
    answers: [
      "A third-party analytics script loaded synchronously on the checkout page and hung for 20 seconds when the vendor's CDN degraded.",
      "Checkout page load time rose to 20 s for about an hour; conversion fell 11%.",
      "Synchronous loading of a non-essential script.",
      "",
      "",
      "",
    ],
    factors: [{ category: "Third-party dependency", description: "Analytics vendor CDN degraded.", whys: ["Script loaded synchronously"] }],
    actions: [
      {
        title: "Load third-party scripts asynchronously with a timeout",
        owner: "user_member",
        type: "PREVENT",
        priority: "HIGH",
        due: "2026-12-12",
        status: "OPEN",
      },
    ],
    timeline: [[0, "Vendor CDN degrades."]],
  },
  {
    id: "coe_demo_12",
    title: "Feature flag rolled out to 100% instead of 1%",
    team: "catalog",
    services: ["svc_search"],
    authors: ["user_reviewer"],
    severity: "SEV4",
    status: "APPROVED",
    started: "2026-03-11T10:00:00Z",
    minutes: [15, 20, 25],
    answers: [
      "A new ranking model behind a feature flag was enabled for all customers instead of 1% because the percentage field accepted `100` where `1` was meant.",
      "Search relevance dropped for 20 minutes; no measurable revenue impact.",
      "The flag tool accepted a 100% rollout without confirmation.",
      "Flag audit log, relevance metrics.",
      "Dangerous settings deserve friction: confirmations and staged rollouts.",
      "Require confirmation above 10% and staged rollout steps.",
    ],
    factors: [{ category: "Process", description: "No confirmation for wide rollouts.", whys: ["Tool defaults"] }],
    actions: [
      { title: "Confirmation step for rollouts above 10%", owner: "user_reviewer", type: "PREVENT", priority: "LOW", due: "2026-04-15", status: "DONE" },
    ],
    timeline: [[0, "Flag set to 100%."]],
  },
  {
    id: "coe_demo_13",
    title: "Edge load balancer dropped connections after a config push",
    team: "network",
    services: ["svc_dns", "svc_storefront"],
    authors: ["user_platform"],
    severity: "SEV2",
    status: "IN_REVIEW",
    started: "2026-11-05T19:45:00Z",
    minutes: [3, 12, 20],
    answers: [
      "A load-balancer configuration push reduced the idle timeout to 5 seconds on one edge cluster, cutting long-polling connections.",
      "About 6% of storefront sessions saw errors for 12 minutes.",
      "The edge cluster's configuration had drifted from the template, so the push merged differently there.",
      "Connection reset counts, config diff per cluster.",
      "Configuration that can drift will drift: render it from one source and diff before every push.",
      "Render edge configuration from the template and block pushes that change unrelated keys.",
    ],
    factors: [
      { category: "Configuration drift", description: "One edge cluster differed from the template.", whys: ["Manual hotfix last year", "No drift detection"] },
    ],
    actions: [
      {
        title: "Nightly drift detection for edge configuration",
        owner: "user_platform",
        type: "DETECT",
        priority: "MEDIUM",
        due: "2026-12-20",
        status: "OPEN",
      },
    ],
    timeline: [
      [0, "Config pushed."],
      [3, "Reset alarm."],
      [12, "Config reverted."],
    ],
  },
  {
    id: "coe_demo_14",
    title: "Order confirmation emails not sent for 3 hours",
    team: "checkout",
    services: ["svc_checkout"],
    authors: ["user_member"],
    severity: "SEV3",
    status: "DRAFT",
    started: "2026-11-25T06:00:00Z",
    minutes: [120, 170, 185],
    answers: ["The email provider rejected messages after our sending domain's SPF record was changed.", "", "", "", "", ""],
    factors: [],
    actions: [],
    timeline: [],
  },
  {
    id: "coe_demo_15",
    title: "Storage snapshots silently failing for two weeks",
    team: "storage",
    services: ["svc_postgres"],
    authors: ["user_platform"],
    severity: "SEV4",
    status: "DRAFT",
    started: "2026-11-10T00:00:00Z",
    minutes: [20160, 20200, 20300],
    answers: [
      "Nightly snapshots of two database clusters failed because their service account lost permission after an IAM cleanup; the job reported success.",
      "No data loss; for two weeks we could not have restored those clusters to a point before the last good snapshot.",
      "The snapshot job ignored a non-zero exit code; nobody verified restores.",
      "",
      "",
      "",
    ],
    factors: [{ category: "Other", description: "IAM cleanup removed a permission the job needed.", whys: ["Permission was not documented"] }],
    actions: [{ title: "Weekly automated restore test", owner: "user_platform", type: "DETECT", priority: "HIGH", due: "2026-12-31", status: "OPEN" }],
    timeline: [],
  },
];

/** A tiny PNG encoder, so the demo can carry a real graph without shipping a binary file. */
function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The error rate of payment-gateway around the certificate expiry: flat, a 41-minute wall, recovery. */
function errorRateGraph(): Buffer {
  const width = 480;
  const height = 160;
  const rate = (x: number) => (x < 120 ? 2 : x < 120 + 164 ? 140 : Math.max(4, 140 - (x - 284) * 3));
  return encodePng(width, height, (x, y) => {
    const level = height - 12 - rate(x);
    if (y === height - 12) return [148, 163, 184];
    if (Math.abs(y - level) <= 1) return [220, 38, 38];
    if (y > level && y < height - 12) return [254, 226, 226];
    return [255, 255, 255];
  });
}

/**
 * The dates above are written as of this day; the seed moves them all by the whole days between it
 * and the day of seeding, so a demo started on any date shows incidents over the past year, actions
 * due around today and this week's reviews (issue 17, "a demo that stays alive").
 */
const WRITTEN_AS_OF = Date.UTC(2026, 11, 4);
const DAY_MS = 86_400_000;
function demoShiftMs(now = new Date()): number {
  return Math.round((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - WRITTEN_AS_OF) / DAY_MS) * DAY_MS;
}
const SHIFT_MS = demoShiftMs();

function at(start: string, minutes: number): Date {
  return new Date(new Date(start).getTime() + SHIFT_MS + minutes * 60_000);
}

/** A written calendar day ("2026-10-15"), moved to the day of seeding. */
export function demoDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + SHIFT_MS);
}

export async function seedDemoCoes(db: PrismaClient): Promise<void> {
  await db.factorCategory.createMany({
    data: DEFAULT_FACTOR_CATEGORIES.map((category) => ({
      id: CATEGORY_IDS[category.name],
      organizationId: DEMO_ORG_ID,
      name: category.name,
      description: category.description,
    })),
  });
  for (const [index, coe] of COES.entries()) {
    const started = at(coe.started, 0);
    const [detect, mitigate, resolve] = coe.minutes;
    const reviewed = coe.status === "APPROVED" || coe.status === "CLOSED";
    const teamId = DEMO_TEAMS[coe.team].id;
    await db.coe.create({
      data: {
        id: coe.id,
        organizationId: DEMO_ORG_ID,
        teamId,
        title: coe.title,
        severity: coe.severity,
        status: coe.status,
        restricted: coe.restricted ?? false,
        startedAt: started,
        detectedAt: at(coe.started, detect),
        mitigatedAt: coe.status === "DRAFT" && coe.answers[1] === "" ? null : at(coe.started, mitigate),
        resolvedAt: coe.status === "DRAFT" && coe.answers[1] === "" ? null : at(coe.started, resolve),
        whatHappened: coe.answers[0],
        customerImpact: coe.answers[1],
        contributingFactors: coe.answers[2],
        supportingData: coe.answers[3],
        lessonsLearned: coe.answers[4],
        correctiveActionsSummary: coe.answers[5],
        createdById: coe.authors[0],
        submittedAt: coe.status === "DRAFT" ? null : at(coe.started, resolve + 60 * 24),
        approvedAt: reviewed ? at(coe.started, resolve + 60 * 48) : null,
        closedAt: coe.status === "CLOSED" ? at(coe.started, resolve + 60 * 24 * 30) : null,
        createdAt: at(coe.started, resolve + 60),
        services: { create: coe.services.map((serviceId) => ({ serviceId })) },
        authors: { create: coe.authors.map((userId) => ({ userId })) },
        timelineEntries: {
          create: coe.timeline.map(([minute, description], entry) => ({ id: `${coe.id}_t${entry + 1}`, occurredAt: at(coe.started, minute), description })),
        },
        factors: {
          create: coe.factors.map((factor, position) => ({
            id: `${coe.id}_f${position + 1}`,
            categoryId: CATEGORY_IDS[factor.category],
            description: factor.description,
            fiveWhys: factor.whys,
            position,
          })),
        },
      },
    });
    for (const [position, action] of coe.actions.entries()) {
      const finished = action.status === "DONE" || action.status === "VERIFIED";
      await db.correctiveAction.create({
        data: {
          id: `${coe.id}_a${position + 1}`,
          organizationId: DEMO_ORG_ID,
          coeId: coe.id,
          teamId,
          title: action.title,
          ownerId: action.owner,
          type: action.type,
          priority: action.priority,
          dueDate: demoDay(action.due),
          status: action.status,
          createdById: coe.authors[0],
          completedAt: finished ? demoDay(action.due) : null,
          verifiedAt: action.status === "VERIFIED" ? demoDay(action.due) : null,
        },
      });
    }
    if (reviewed) {
      await db.coeReview.create({
        data: {
          id: `${coe.id}_r1`,
          coeId: coe.id,
          reviewerId: coe.authors.includes("user_reviewer") ? "user_manager" : "user_reviewer",
          decision: "APPROVED",
          note: "",
          version: 1,
        },
      });
    }
    if (coe.status === "IN_REVIEW") {
      await db.reviewThread.create({
        data: {
          id: `${coe.id}_th1`,
          coeId: coe.id,
          section: "customerImpact",
          createdById: coe.authors.includes("user_reviewer") ? "user_manager" : "user_reviewer",
          comments: {
            create: [
              {
                authorId: coe.authors.includes("user_reviewer") ? "user_manager" : "user_reviewer",
                body: "Can you put a number on the business cost, not only the customer count?",
              },
            ],
          },
        },
      });
    }
    if (coe.id === "coe_demo_01") {
      const graph = errorRateGraph();
      await db.coeAttachment.create({
        data: {
          id: "att_demo_01_error_rate",
          coeId: coe.id,
          fileName: "payment-gateway-error-rate.png",
          contentType: "image/png",
          byteSize: graph.length,
          sha256: createHash("sha256").update(graph).digest("hex"),
          data: new Uint8Array(graph),
          uploadedById: coe.authors[0],
        },
      });
    }
    // One revision holding the seeded document, so history and restore have something to show.
    const row = await db.coe.findUniqueOrThrow({ where: { id: coe.id }, select: snapshotSelect });
    await db.coeRevision.create({
      data: {
        id: `${coe.id}_v1`,
        coeId: coe.id,
        version: 1,
        snapshot: toSnapshot(row) as object,
        authorId: coe.authors[0],
        summary: "Imported with the demo data",
        createdAt: at(coe.started, resolve + 60 + index),
      },
    });
  }
}
