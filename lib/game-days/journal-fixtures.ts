/**
 * Journals shaped like the ones `chaos run` writes (chaostoolkit-lib 1.x), for tests, the seed and the
 * end-to-end journey: completed and held, deviated, aborted, interrupted.
 */
type Outcome = "completed" | "deviated" | "aborted" | "interrupted";

export function sampleJournal(outcome: Outcome, options: { title?: string; healthUrl?: string; startedAt?: Date } = {}): Record<string, unknown> {
  const start = options.startedAt ?? new Date("2026-03-04T10:00:00Z");
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString().replace("Z", "");
  const url = options.healthUrl ?? "http://localhost:8080/health";
  const probe = (output: number, met: boolean, offset: number) => ({
    activity: { type: "probe", name: "health-endpoint-answers-200", tolerance: 200, provider: { type: "http", url, timeout: 5 } },
    output: { status: output, headers: { "content-type": "application/json" }, body: output === 200 ? '{"ok":true}' : "" },
    start: at(offset),
    status: "succeeded",
    end: at(offset + 0.05),
    duration: 0.05,
    tolerance_met: met,
  });
  const latency = {
    activity: {
      type: "action",
      name: "add-latency",
      provider: { type: "process", path: "tc", arguments: ["qdisc", "add", "dev", "eth0", "root", "netem", "delay", "200ms"] },
      pauses: { after: 60 },
    },
    output: { status: 0, stdout: "", stderr: "" },
    start: at(1),
    status: "succeeded",
    end: at(1.2),
    duration: 0.2,
  };
  const rollback = {
    activity: {
      type: "action",
      name: "remove-latency",
      provider: { type: "process", path: "tc", arguments: ["qdisc", "del", "dev", "eth0", "root", "netem"] },
    },
    output: { status: 0, stdout: "", stderr: "" },
    start: at(62),
    status: "succeeded",
    end: at(62.1),
    duration: 0.1,
  };
  const held = outcome === "completed";
  const base = {
    "chaoslib-version": "1.44.0",
    platform: "Linux-6.1.0-amd64-x86_64-with-glibc2.36",
    node: "gameday-runner",
    experiment: { version: "1.0.0", title: options.title ?? "Add network latency", description: "…", method: [latency.activity] },
    start: at(0),
    status: outcome === "deviated" ? "failed" : outcome,
    deviated: outcome === "deviated",
    steady_states: {
      before: { steady_state_met: true, probes: [probe(200, true, 0)] },
      after: outcome === "aborted" || outcome === "interrupted" ? null : { steady_state_met: held, probes: [probe(held ? 200 : 503, held, 61)] },
      during: [],
    },
    run: outcome === "interrupted" ? [] : [latency],
    rollbacks: [rollback],
    end: at(63),
    duration: 63,
  };
  return base;
}
