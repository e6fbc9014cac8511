import { describe, expect, it } from "vitest";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { portableMarkdown } from "@/lib/coes/export-portable";
import { QUESTIONS } from "@/lib/coes/questions";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

const coe: CoeSnapshot = {
  title: "Checkout down\nfor 40 minutes",
  teamId: "t",
  teamName: "Checkout",
  severity: "SEV1",
  status: "APPROVED",
  restricted: true,
  services: [{ id: "s", name: "checkout-api" }],
  authors: [{ id: "u", name: "Mel Fischer" }],
  startedAt: "2026-11-01T10:00:00.000Z",
  detectedAt: "2026-11-01T10:06:00.000Z",
  mitigatedAt: "2026-11-01T10:40:00.000Z",
  resolvedAt: null,
  whatHappened: "A **bad** deploy.",
  customerImpact: "",
  contributingFactors: "Config.",
  supportingData: "Graphs.",
  lessonsLearned: "Canary.",
  correctiveActionsSummary: "Below.",
  timeline: [{ id: "e", occurredAt: "2026-11-01T10:06:00.000Z", description: "Alarm\nfired" }],
  factors: [{ id: "f", categoryId: "c", categoryName: "Deployment failure", description: "No canary", fiveWhys: ["Pipeline had none", "Never prioritised"] }],
  links: [{ id: "l", url: "https://dash.example/x", label: "Dashboard [prod]" }],
  actions: [
    {
      id: "a",
      title: "Add a canary | stage",
      ownerId: "u",
      ownerName: "Mel Fischer",
      type: "PREVENT",
      priority: "HIGH",
      dueDate: "2026-12-01",
      status: "OPEN",
    },
  ],
};

describe("coeToMarkdown", () => {
  const markdown = coeToMarkdown(coe, { id: "coe_1", version: 7 });

  it("has every question as a heading, in order, with its answer or a placeholder", () => {
    const positions = QUESTIONS.map((question) => markdown.indexOf(`## ${question.number}. ${question.question}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain("A **bad** deploy.");
    expect(markdown).toContain("_Not answered yet._");
  });

  it("keeps one-line fields on one line and escapes table cells", () => {
    expect(markdown.startsWith("# Checkout down for 40 minutes\n")).toBe(true);
    expect(markdown).toContain("- **2026-11-01 10:06 UTC** — Alarm fired");
    expect(markdown).toContain("| Add a canary \\| stage | Prevent | High | Mel Fischer | 2026-12-01 | Open |");
    expect(markdown).toContain("- [Dashboard prod](https://dash.example/x)");
  });

  it("lists factors with their five whys, the header facts and durations", () => {
    expect(markdown).toContain("1. **Deployment failure:** No canary\n   1. Why? Pipeline had none\n   2. Why? Never prioritised");
    expect(markdown).toContain("- **Status:** Approved (restricted)");
    expect(markdown).toContain("(time to detect: 6 min)");
    expect(markdown).toContain("- **Resolved:** not recorded (time to resolve: —)");
    expect(markdown).toContain("- **COE id:** coe_1 (version 7)");
  });
});

describe("coeToMarkdown order", () => {
  it("puts the timeline with the incident's times, before the first question", () => {
    const markdown = coeToMarkdown(coe);
    expect(markdown.indexOf("## Timeline")).toBeGreaterThan(markdown.indexOf("- **Resolved:**"));
    expect(markdown.indexOf("## Timeline")).toBeLessThan(markdown.indexOf("## 1. What happened?"));
  });
});

describe("portableMarkdown", () => {
  const png = { id: "att_1", fileName: "error-rate.png", contentType: "image/png", data: new Uint8Array([137, 80, 78, 71]) };
  const extra = { id: "att_2", fileName: "latency [p99].png", contentType: "image/png", data: new Uint8Array([1, 2, 3]) };
  const source = [
    "![error-rate.png](/coes/coe_1/attachments/att_1)",
    "See [the action](/actions/act_9) and [the dashboard](https://dash.example/x).",
    "![gone](/coes/coe_1/attachments/att_gone)",
  ].join("\n");

  it("embeds the COE's images as data URIs so the file renders without Andon", () => {
    const out = portableMarkdown(source, { coeId: "coe_1", origin: "https://andon.example", images: [png] });
    expect(out).toContain(`![error-rate.png](data:image/png;base64,${Buffer.from(png.data).toString("base64")})`);
    expect(out).not.toContain("](/coes/coe_1/attachments/att_1)");
  });

  it("makes links into Andon absolute and leaves absolute links alone", () => {
    const out = portableMarkdown(source, { coeId: "coe_1", origin: "https://andon.example", images: [png] });
    expect(out).toContain("[the action](https://andon.example/actions/act_9)");
    expect(out).toContain("[the dashboard](https://dash.example/x)");
    // An image that no longer exists keeps a link a signed-in reader can try.
    expect(out).toContain("![gone](https://andon.example/coes/coe_1/attachments/att_gone)");
  });

  it("adds the images no answer shows at the end, and nothing when every image is shown", () => {
    const out = portableMarkdown(source, { coeId: "coe_1", origin: "https://andon.example", images: [png, extra] });
    expect(out).toMatch(/## Images\n\n!\[latency p99\.png\]\(data:image\/png;base64,AQID\)\n$/);
    expect(portableMarkdown(source, { coeId: "coe_1", origin: "https://andon.example", images: [png] })).not.toContain("## Images");
  });
});
