// One writer per table: every Prisma model is created, updated, upserted or deleted — through the
// client or in raw SQL — only from the mutations modules of one domain (lib/<domain>/mutations.ts,
// mutations-*.ts or *-mutations.ts), so its rules, history, audit and events live in one place.
// Seeds, migrations, tests and their helpers (test-*.ts) are outside lib/ and app/ or skipped.
// Nested writes through a parent (coe.create({ data: { authors: { create } } })) count as the
// parent's; a delegate reached dynamically (client[name]) is not seen.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/**
 * The writes kept outside the rule, each with its reason. An entry that no longer matches a write
 * fails the test, so the list only shrinks.
 */
const ALLOWED: { model: string; file: string; reason: string }[] = [
  // The audit log's one writer, called inside every domain's transaction.
  { model: "AuditEvent", file: "lib/audit/record.ts", reason: "recordAudit is the audit domain's only write" },
  // The deploy gate answers in one SQL round trip: it records the blocked deploy, spends an
  // override, touches the token and emits its event in the same statement.
  { model: "ApiToken", file: "lib/cords/gate-sql.ts", reason: "the deploy gate's single statement" },
  { model: "CordEvent", file: "lib/cords/gate-sql.ts", reason: "the deploy gate's single statement" },
  { model: "CordOverride", file: "lib/cords/gate-sql.ts", reason: "the deploy gate's single statement" },
  { model: "DomainEvent", file: "lib/cords/gate-sql.ts", reason: "the deploy gate's single statement" },
  // Set-based batch writers of background jobs: one statement per batch instead of a mutation per row.
  { model: "Notification", file: "lib/notifications/producer.ts", reason: "the reminder job inserts a batch's notifications in one statement" },
  { model: "DomainEvent", file: "lib/notifications/producer.ts", reason: "the reminder job's events, in the statement of its notifications" },
  { model: "ReminderRun", file: "lib/notifications/producer.ts", reason: "the reminder job's bookkeeping of where it left off" },
  { model: "Notification", file: "lib/notifications/email.ts", reason: "the mailer marks what it sent" },
  { model: "PolicyFinding", file: "lib/policies/evaluator.ts", reason: "an evaluation opens, reopens and resolves findings set-based" },
  { model: "PolicyFindingEvent", file: "lib/policies/evaluator.ts", reason: "the findings' events, in the evaluation's statements" },
  { model: "FindingAcknowledgment", file: "lib/policies/evaluator.ts", reason: "a resolved finding ends its acknowledgments in the same statement" },
  { model: "ComplianceSnapshot", file: "lib/policies/compliance-snapshots.ts", reason: "the weekly compliance counts, recomputed by one upsert" },
  // The webhook worker consumes the outbox: it fans events out, records attempts and disables
  // failing endpoints (endpoints are otherwise changed in lib/webhooks/mutations.ts).
  { model: "DomainEvent", file: "lib/webhooks/delivery.ts", reason: "delivery marks events dispatched" },
  { model: "WebhookMessage", file: "lib/webhooks/delivery.ts", reason: "delivery fans events out into messages and claims them" },
  { model: "WebhookMessage", file: "lib/webhooks/attempt-log.ts", reason: "the attempt log moves a batch's messages on" },
  { model: "WebhookAttempt", file: "lib/webhooks/attempt-log.ts", reason: "the attempt log records a batch of attempts in one statement" },
  { model: "WebhookEndpoint", file: "lib/webhooks/attempt-log.ts", reason: "the attempt log disables an endpoint that answers 410 or fails for days" },
  { model: "DomainEvent", file: "lib/policies/evaluator.ts", reason: "finding events for webhooks, in the evaluation's statements" },
  // Ticket sync (lib/integrations) keeps an action's ticket in step with it: the sync job, the
  // inbound webhooks and the outbox fan-out record the ticket's state set-based, and deliveries
  // already seen are remembered. The tickets themselves are created in lib/integrations/mutations.ts.
  { model: "ExternalTicket", file: "lib/integrations/sync.ts", reason: "the sync job claims due tickets and records what the provider answered" },
  { model: "ExternalTicket", file: "lib/integrations/inbound.ts", reason: "an inbound webhook records the ticket's last known state" },
  { model: "ExternalTicket", file: "lib/integrations/ticket-due.ts", reason: "the outbox fan-out marks changed actions' tickets due, in its transaction" },
  { model: "TicketWebhookDelivery", file: "lib/integrations/inbound.ts", reason: "inbound deliveries are remembered so a repeat is ignored" },
  // The provider's actor ("GitHub", "Jira") is a deactivated user per organization, created on first use so history names who moved the action.
  { model: "User", file: "lib/integrations/actor.ts", reason: "the provider's actor user, created on first inbound change" },
  // At start, webhook signing secrets stored before encryption are sealed in place.
  { model: "WebhookEndpoint", file: "lib/integrations/startup-check.ts", reason: "sealing legacy signing secrets once at start" },
  // Sign-in throttling is auth's bookkeeping, read and written in one module.
  { model: "LoginAttempt", file: "lib/auth/login-attempts.ts", reason: "sign-in limits record each attempt" },
  // The organization row holds settings of several domains; each domain writes its own setting.
  { model: "Organization", file: "lib/actions/grace-days.ts", reason: "the escalation grace days are the actions domain's setting" },
  // Setup creates the organization and its first admin in one transaction, before any user exists
  // to go through lib/users/mutations.ts.
  { model: "User", file: "lib/setup/mutations.ts", reason: "the first admin, created with the organization" },
];

const OPERATIONS = "create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany";
const CLIENT_WRITE = new RegExp(String.raw`\.\s*([a-z]\w*)\s*\.\s*(${OPERATIONS})\s*\(`, "g");
const SQL_WRITE = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_]\w*)"?/g;
const MUTATIONS_FILE = /^lib\/[\w-]+\/(mutations|mutations-[\w-]+|[\w-]+-mutations)\.ts$/;

type Write = { model: string; file: string; how: string };

/** Models by client delegate (`correctiveAction`) and by table (`corrective_actions`). */
function prismaModels(schema: string) {
  const delegates = new Map<string, string>();
  const tables = new Map<string, string>();
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    delegates.set(name![0]!.toLowerCase() + name!.slice(1), name!);
    tables.set(/@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!, name!);
  }
  return { delegates, tables };
}

/** The writes in one source file; comments are left out (they name statements without running them). */
function writesIn(source: string, file: string, models: ReturnType<typeof prismaModels>): Write[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const writes: Write[] = [];
  for (const [, delegate, operation] of code.matchAll(CLIENT_WRITE)) {
    const model = models.delegates.get(delegate!);
    if (model) writes.push({ model, file, how: `.${operation}()` });
  }
  for (const [, statement, table] of code.matchAll(SQL_WRITE)) {
    const model = models.tables.get(table!);
    if (model) writes.push({ model, file, how: `SQL ${statement!.split(/\s/)[0]}` });
  }
  return writes;
}

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(ROOT, "lib/generated")) yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/^test-[\w-]*\.ts$/.test(entry.name)) {
      yield path;
    }
  }
}

const models = prismaModels(readFileSync(join(ROOT, "prisma/schema.prisma"), "utf8"));
const writes = ["lib", "app"].flatMap((top) =>
  [...sourceFiles(join(ROOT, top))].flatMap((path) => writesIn(readFileSync(path, "utf8"), relative(ROOT, path), models)),
);
const domainOf = (file: string) => file.split("/")[1]!;

describe("one writer per table", () => {
  it("finds client and SQL writes, and not those in comments", () => {
    const found = writesIn(
      [
        "await tx.correctiveAction\n  .updateMany({ where });",
        "await tx.$executeRaw`INSERT INTO policy_findings (id) VALUES (1)`;",
        "// tx.coe.update( in a comment",
        "/* DELETE FROM coes */",
        "z.object({}).create(); tx.notAModel.create();",
      ].join("\n"),
      "lib/x/y.ts",
      models,
    );
    expect(found.map((write) => `${write.model} ${write.how}`)).toEqual(["CorrectiveAction .updateMany()", "PolicyFinding SQL INSERT"]);
    // The real sources: a known write of each kind is seen.
    expect(writes).toContainEqual({ model: "CorrectiveAction", file: "lib/actions/mutations.ts", how: ".create()" });
    expect(writes).toContainEqual({ model: "PolicyFinding", file: "lib/policies/evaluator.ts", how: "SQL INSERT" });
  });

  it("writes each model only from the mutations modules of one domain, apart from the listed exceptions", () => {
    const allowed = (write: Write) => ALLOWED.some((entry) => entry.model === write.model && entry.file === write.file);
    const problems: string[] = [];
    for (const write of writes.filter((write) => !allowed(write) && !MUTATIONS_FILE.test(write.file))) {
      problems.push(`${write.model} is written in ${write.file} (${write.how}), which is not a lib/<domain>/ mutations module`);
    }
    const domainsByModel = new Map<string, Set<string>>();
    for (const write of writes.filter((write) => !allowed(write) && MUTATIONS_FILE.test(write.file))) {
      domainsByModel.set(write.model, (domainsByModel.get(write.model) ?? new Set()).add(domainOf(write.file)));
    }
    for (const [model, domains] of domainsByModel) {
      if (domains.size > 1) problems.push(`${model} is written by the mutations of ${[...domains].sort().join(" and ")}: one domain owns it`);
    }
    expect([...new Set(problems)].sort()).toEqual([]);
  });

  it("keeps no exception that no longer matches a write", () => {
    const stale = ALLOWED.filter((entry) => !writes.some((write) => write.model === entry.model && write.file === entry.file));
    expect(stale).toEqual([]);
  });
});
