import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "../../lib/tokens/secret";
import { bulkInsert, col } from "./bulk-insert";
import type { Scale } from "./scale";

export const BENCH_ORG_ID = "org_bench";
export const BENCH_PASSWORD = "bench-password-123";

export type BenchOrg = {
  teamIds: string[];
  /** Parent of each team (null for top level), by index into teamIds. */
  parentIds: (string | null)[];
  rootTeamId: string;
  leafTeamIds: string[];
  serviceIds: string[];
  serviceTeamIds: string[];
  userIds: string[];
  userTeamIds: string[];
  managerEmail: string;
  memberEmail: string;
  memberUserId: string;
  /** A personal API token of the manager, for the API routes. */
  managerToken: string;
};

/** A small deterministic generator, so every run seeds the same organization. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Teams level by level; each team's parent is spread evenly over the level above. */
function buildTeams(levels: number[]): { ids: string[]; parents: (string | null)[]; levelOf: number[] } {
  const ids: string[] = [];
  const parents: (string | null)[] = [];
  const levelOf: number[] = [];
  let previous: string[] = [];
  levels.forEach((count, level) => {
    const current: string[] = [];
    for (let index = 0; index < count; index++) {
      const id = `bt_${level}_${index}`;
      ids.push(id);
      parents.push(level === 0 ? null : previous[Math.floor((index * previous.length) / count)]!);
      levelOf.push(level);
      current.push(id);
    }
    previous = current;
  });
  return { ids, parents, levelOf };
}

export async function seedOrg(client: pg.PoolClient | pg.Client, scale: Scale): Promise<BenchOrg> {
  const now = new Date();
  await client.query(`INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES ($1, 'Benchmark Corp', 'bench', now(), now())`, [BENCH_ORG_ID]);

  const teams = buildTeams(scale.teamLevels);
  await bulkInsert(
    client,
    "teams",
    [col.text("id"), col.text("organization_id"), col.text("parent_id"), col.text("name"), col.timestamptz("created_at"), col.timestamptz("updated_at")],
    teams.ids.map((id, index) => [id, BENCH_ORG_ID, teams.parents[index], `Team ${teams.levelOf[index]}-${index}`, now, now]),
  );
  const deepest = Math.max(...teams.levelOf);
  const leafTeamIds = teams.ids.filter((_, index) => teams.levelOf[index] === deepest);

  const serviceIds = Array.from({ length: scale.services }, (_, index) => `bs_${index}`);
  const serviceTeamIds = serviceIds.map((_, index) => leafTeamIds[index % leafTeamIds.length]!);
  await bulkInsert(
    client,
    "services",
    [col.text("id"), col.text("organization_id"), col.text("team_id"), col.text("name"), col.timestamptz("created_at"), col.timestamptz("updated_at")],
    serviceIds.map((id, index) => [id, BENCH_ORG_ID, serviceTeamIds[index], `service-${index}`, now, now]),
  );

  // One hash for everyone: hashing 2,000 passwords with Argon2 would dominate the seed time.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const userIds = Array.from({ length: scale.users }, (_, index) => `bu_${index}`);
  const userTeamIds = userIds.map((_, index) => leafTeamIds[index % leafTeamIds.length]!);
  await bulkInsert(
    client,
    "users",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("email"),
      col.text("name"),
      col.text("password_hash"),
      col.timestamptz("created_at"),
      col.timestamptz("updated_at"),
    ],
    userIds.map((id, index) => [id, BENCH_ORG_ID, `user${index}@bench.test`, `Bench User ${index}`, passwordHash, now, now]),
  );
  // user 0 manages the first top-level team; everyone else is a member of a leaf team.
  const rootTeamId = teams.ids[0]!;
  await bulkInsert(
    client,
    "memberships",
    [col.text("id"), col.text("user_id"), col.text("team_id"), col.enumArray("role", "TeamRole"), col.timestamptz("created_at"), col.timestamptz("updated_at")],
    userIds.map((id, index) => [
      `bm_${index}`,
      id,
      index === 0 ? rootTeamId : userTeamIds[index],
      index === 0 ? "MANAGER" : index % 10 === 1 ? "REVIEWER" : "MEMBER",
      now,
      now,
    ]),
  );
  const managerToken = generateTokenSecret();
  await client.query("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at) VALUES ('btok_0', $1, 'bench', $2, $3, now())", [
    userIds[0],
    hashTokenSecret(managerToken),
    displayPrefix(managerToken),
  ]);
  return {
    managerToken,
    teamIds: teams.ids,
    parentIds: teams.parents,
    rootTeamId,
    leafTeamIds,
    serviceIds,
    serviceTeamIds,
    userIds,
    userTeamIds,
    managerEmail: "user0@bench.test",
    memberEmail: "user1@bench.test",
    memberUserId: userIds[1]!,
  };
}
