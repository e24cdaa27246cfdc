// Reporting benchmark on PostgreSQL: 4 regions, each sending a steering document of 150
// requirements to its 30 trusts, reported on in 3 rounds (T1, T2 and the year): 55,800 answers.
// It measures
//   - opening a round (one answer per requirement and unit, and their first versions);
//   - the round matrix through the service, against the bare SQL select of the round's answers;
//   - saving answers over HTTP with 50 writers at once against a real server on 127.0.0.1, each
//     saving with the version it read and, on 409, reading the answer again and retrying. Every
//     successful save must then be in the answer's history and the last one must be its text:
//     a lost update is a failure whatever the timings say.
//
// `npm run bench:reporting -- --scale 0.2` runs a fifth of the units and requirements.

import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { systemCaller } from "../src/caller.ts";
import type { Db } from "../src/db/client.ts";
import { answers, answerVersions } from "../src/db/schema.ts";
import type { Principal } from "../src/domain/access.ts";
import { type Actor, recordAudit } from "../src/features/audit/service.ts";
import { roundMatrix } from "../src/features/reporting/overview.ts";
import { selectAnswersOfRound } from "../src/features/reporting/queries.ts";
import { openRound } from "../src/features/reporting/rounds.ts";
import { createDocument, publishDocument } from "../src/features/steering/documents.ts";
import { findDocument, lockDocument } from "../src/features/steering/queries.ts";
import { insertRequirementDrafts, type RequirementDraft } from "../src/features/steering/requirements.ts";
import { createUnit } from "../src/features/units/service.ts";
import { assignRole, createUser, operatorPrincipal } from "../src/features/users/service.ts";
import { httpSignIn, startServer } from "../src/testing/process.ts";
import {
  benchScale,
  createBenchDatabase,
  describeLoad,
  describeMachine,
  ms,
  percentile,
  report,
  timeMany,
  verdict,
} from "./support.ts";

const scale = benchScale();
const size = {
  regions: 4,
  unitsPerRegion: Math.max(2, Math.round(30 * scale)),
  requirements: Math.max(10, Math.round(150 * scale)),
  rounds: [
    { period: "2024-T1", deadline: "2024-05-15" },
    { period: "2024-T2", deadline: "2024-09-15" },
    { period: "2024", deadline: "2025-01-31" },
  ],
};
const load = {
  writers: 50,
  /** Successful saves each writer aims for; with the time limit below, the load loop always ends. */
  savesPerWriter: 20,
  /** Answers each trust's five writers share, so that some saves meet a newer version and must retry. */
  answersPerTrust: 10,
  trustsWritten: 10,
  retriesPerSave: 50,
  timeLimitMs: 120_000,
};
const targets = { matrixP95: 200, saveP95: 50 };
const password = "benchmark-password-1";

const both = (durations: number[]) => `${ms(percentile(durations, 50))} / ${ms(percentile(durations, 95))}`;

// A paragraph of the length trusts write: the save carries the whole text each time.
const filler =
  "Foretaket har gjennomført tiltakene som planlagt, og arbeidet følges opp i ledermøtene. " +
  "Status er rapportert til styret, og avvik er fulgt opp med egne handlingsplaner. ";
const answerText = (label: string) => `${label}. ${filler.repeat(8)}`;

type Unit = { id: number; code: string; path: string };

async function makeUnit(
  db: Db,
  parentId: number | null,
  kind: "owner" | "regional_health_authority" | "health_trust",
  code: string,
): Promise<Unit> {
  const unit = await createUnit(db, systemCaller, {
    code,
    name: `Enhet ${code}`,
    kind,
    parentId,
    validFrom: "2010-01-01",
  });
  return { id: unit.id, code: unit.code, path: unit.path };
}

function requirementDrafts(trusts: Unit[]): RequirementDraft[] {
  return Array.from({ length: size.requirements }, (_, index) => ({
    number: String(index + 1),
    chapterId: null,
    chapterTitle: `Hovedmål ${Math.floor(index / (size.requirements / 6)) + 1}`,
    kind: index % 5 === 0 ? "indicator" : index % 3 === 0 ? "goal" : "assignment",
    text: `Krav ${index + 1}: ${filler}`,
    source: "OD",
    appliesToUnitIds: null,
    frequency: ["T1", "T2", "annual"],
    deadline: null,
    selectedForRiskAssessment: index % 7 === 0,
    derivedFromId: null,
    // Every tenth is a joint assignment written by one trust for all.
    leadUnitId: index % 10 === 0 ? ((trusts[index % trusts.length] as Unit).id ?? null) : null,
    indicatorId: null,
  }));
}

async function publishedDocument(db: Db, actor: Actor, region: Unit, trusts: Unit[]) {
  const created = await createDocument(
    db,
    { principal: operatorPrincipal, actor },
    {
      year: 2024,
      issuingUnitId: region.id,
      recipientUnitIds: trusts.map((trust) => trust.id),
      kind: "steering_document",
      title: `Oppdragsdokument 2024 ${region.code}`,
    },
  );
  await db.transaction(async (tx) => {
    await lockDocument(tx, created.id);
    const { requirements } = await insertRequirementDrafts(tx, created.id, requirementDrafts(trusts));
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "steering_document",
      entityId: String(created.id),
      unitId: region.id,
      after: { source: "benchmark", requirements: requirements.length },
    });
  });
  const draft = await findDocument(db, created.id);
  if (!draft) throw new Error(`document ${created.id} vanished`);
  return publishDocument(db, { principal: operatorPrincipal, actor }, created.id, { version: draft.version });
}

// ---------------------------------------------------------------------------------------------
// Concurrent saves over HTTP

type Save = { answerId: number; version: number; text: string };
type Writer = { cookie: string; answerIds: number[] };

async function answerVersionOf(url: string, cookie: string, answerId: number): Promise<number> {
  const response = await fetch(`${url}/api/answers/${answerId}`, { headers: { cookie } });
  if (!response.ok)
    throw new Error(`reading answer ${answerId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { version: number }).version;
}

/**
 * Each writer, like a person, opens an answer of its trust (picked at random from a few the
 * trust's writers share), edits it for `pauseMs` (a random time in the range), and saves with the
 * version it opened. On 409 someone saved in between: it reads the answer again and saves again.
 */
async function runWriters(url: string, writers: Writer[], pauseMs: [number, number]) {
  const saves: Save[] = [];
  const successLatencies: number[] = [];
  let conflicts = 0;
  let failures = 0;
  const deadline = Date.now() + load.timeLimitMs;
  const started = performance.now();

  await Promise.all(
    writers.map(async (writer, w) => {
      for (let n = 0; n < load.savesPerWriter && Date.now() < deadline; n++) {
        const answerId = writer.answerIds[Math.floor(Math.random() * writer.answerIds.length)] as number;
        const text = answerText(`Skriver ${w}, lagring ${n}, ${randomUUID()}`);
        let version = await answerVersionOf(url, writer.cookie, answerId);
        const pause = pauseMs[0] + Math.random() * (pauseMs[1] - pauseMs[0]);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        for (let attempt = 0; attempt < load.retriesPerSave && Date.now() < deadline; attempt++) {
          const start = performance.now();
          const response = await fetch(`${url}/api/answers/${answerId}`, {
            method: "PATCH",
            headers: { cookie: writer.cookie, "content-type": "application/json" },
            body: JSON.stringify({ version, status: "partly_fulfilled", text }),
          });
          const body = (await response.json()) as { version?: number };
          const elapsed = performance.now() - start;
          if (response.status === 200 && typeof body.version === "number") {
            successLatencies.push(elapsed);
            saves.push({ answerId, version: body.version, text });
            break;
          }
          if (response.status !== 409) {
            failures++;
            break;
          }
          conflicts++;
          version = await answerVersionOf(url, writer.cookie, answerId);
        }
      }
    }),
  );
  return { saves, successLatencies, conflicts, failures, elapsedMs: performance.now() - started };
}

/** Lost updates: successful saves missing from the history, and answers whose text is not the last save. */
async function countLostUpdates(db: Db, saves: Save[]) {
  const answerIds = [...new Set(saves.map((save) => save.answerId))];
  const history = await db
    .select({ answerId: answerVersions.answerId, version: answerVersions.version, text: answerVersions.text })
    .from(answerVersions)
    .where(inArray(answerVersions.answerId, answerIds));
  const kept = new Map(history.map((row) => [`${row.answerId}:${row.version}`, row.text]));
  let missing = 0;
  for (const save of saves) if (kept.get(`${save.answerId}:${save.version}`) !== save.text) missing++;

  const finals = await db
    .select({ id: answers.id, text: answers.text, version: answers.version })
    .from(answers)
    .where(inArray(answers.id, answerIds));
  let wrongFinal = 0;
  for (const final of finals) {
    const last = saves
      .filter((save) => save.answerId === final.id)
      .reduce((a, b) => (b.version > a.version ? b : a));
    if (final.text !== last.text || final.version !== last.version) wrongFinal++;
  }
  const versionsTwice = saves.length - new Set(saves.map((s) => `${s.answerId}:${s.version}`)).size;
  return { missing, wrongFinal, versionsTwice, answers: answerIds.length };
}

// ---------------------------------------------------------------------------------------------

const database = await createBenchDatabase();
let server: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  const { db } = database;
  const actor: Actor = { id: null, name: "benchmark" };
  const country = await makeUnit(db, null, "owner", "NO");
  const regions: { region: Unit; trusts: Unit[]; documentId: number }[] = [];
  for (let r = 0; r < size.regions; r++) {
    const region = await makeUnit(db, country.id, "regional_health_authority", `R${r + 1}`);
    const trusts: Unit[] = [];
    for (let t = 0; t < size.unitsPerRegion; t++) {
      trusts.push(await makeUnit(db, region.id, "health_trust", `R${r + 1}T${t + 1}`));
    }
    const document = await publishedDocument(db, actor, region, trusts);
    regions.push({ region, trusts, documentId: document.id });
  }

  const openTimes: number[] = [];
  const roundIds: number[] = [];
  for (const { period, deadline } of size.rounds) {
    for (const { documentId } of regions) {
      const start = performance.now();
      const round = await openRound(db, { principal: operatorPrincipal, actor }, documentId, {
        period,
        deadline,
      });
      openTimes.push(performance.now() - start);
      roundIds.push(round.id);
    }
  }
  const [answerCount] = await db.select({ count: sql<number>`count(*)::int` }).from(answers);

  // The matrix of the first region's T1 round, as its administrator sees it.
  const first = regions[0] as (typeof regions)[number];
  const roundId = roundIds[0] as number;
  const regionAdmin: Principal = {
    userId: 1,
    isSystemAdmin: false,
    assignments: [{ unitPath: first.region.path, role: "admin" }],
  };
  const matrix = await roundMatrix(db, { principal: regionAdmin }, roundId, "2024-06-01");
  await timeMany(3, () => roundMatrix(db, { principal: regionAdmin }, roundId, "2024-06-01"));
  const bareSelect = await timeMany(30, () => db.select().from(answers).where(eq(answers.roundId, roundId)));
  const matrixTimes = await timeMany(30, () =>
    roundMatrix(db, { principal: regionAdmin }, roundId, "2024-06-01"),
  );
  const matrixP95 = percentile(matrixTimes, 95);

  // Writers: five editors on each of ten trusts of the first region, sharing five answers a trust.
  const roundAnswers = await selectAnswersOfRound(db, roundId);
  const writers: Writer[] = [];
  const trustsWritten = first.trusts.slice(0, Math.min(load.trustsWritten, first.trusts.length));
  server = await startServer({ DATABASE_URL: database.url });
  for (let w = 0; w < load.writers; w++) {
    const trust = trustsWritten[w % trustsWritten.length] as Unit;
    const user = await createUser(db, systemCaller, {
      username: `writer${w}`,
      displayName: `Skriver ${w}`,
      password,
    });
    await assignRole(db, systemCaller, user.id, { unitId: trust.id, role: "editor" });
    const answerIds = roundAnswers
      .filter((answer) => answer.unitId === trust.id && answer.kind === "unit")
      .slice(0, load.answersPerTrust)
      .map((answer) => answer.id);
    writers.push({ cookie: await httpSignIn(server.url, `writer${w}`, password), answerIds });
  }
  // Baseline: one writer alone, saving one after another, so the figures show the cost of a save
  // itself; its first saves also take the server's start-up costs out of the figures below.
  const alone = await runWriters(server.url, [writers[0] as Writer], [0, 0]);
  // People pause to edit between opening and saving (here 0.5 to 1.5 s: about 50 saves a second
  // from 50 writers): the latency target is for that. Then the same writers without pauses.
  const loadBefore = describeLoad();
  const paced = await runWriters(server.url, writers, [500, 1500]);
  const pacedLost = await countLostUpdates(db, paced.saves);
  const loadBetween = describeLoad();
  const flat = await runWriters(server.url, writers, [0, 0]);
  const flatLost = await countLostUpdates(db, flat.saves);
  const aloneLost = await countLostUpdates(db, alone.saves);
  const lostUpdates = [aloneLost, pacedLost, flatLost].reduce(
    (sum, lost) => sum + lost.missing + lost.wrongFinal + lost.versionsTwice,
    0,
  );
  const saveP95 = percentile(paced.successLatencies, 95);
  const describeRun = (run: typeof paced) =>
    `${run.saves.length} saved in ${ms(run.elapsedMs)} (${((run.saves.length / run.elapsedMs) * 1000).toFixed(0)}/s), ${run.conflicts} × 409 then retried, ${run.failures} failed`;
  const describeLost = (lost: typeof pacedLost) =>
    `${lost.missing + lost.wrongFinal + lost.versionsTwice} (${lost.missing} saves missing from the history, ${lost.wrongFinal} answers not ending on their last save, ${lost.versionsTwice} versions saved twice)`;

  report(`Reporting rounds on PostgreSQL (scale ${scale}; ${describeMachine()})`, [
    [
      "data",
      `${size.regions} regions × ${size.unitsPerRegion} trusts × ${size.requirements} requirements × ${size.rounds.length} rounds = ${answerCount?.count.toLocaleString("en-GB")} answers`,
    ],
    [
      `open a round (${openTimes.length} rounds) p50 / max`,
      `${ms(percentile(openTimes, 50))} / ${ms(Math.max(...openTimes))}`,
    ],
    [
      "round matrix",
      `${matrix.rows.length} requirements × ${matrix.units.length} columns (${matrix.round.counts?.total} answers)`,
    ],
    ["bare SQL select of the round's answers (baseline) p50 / p95", both(bareSelect)],
    ["round matrix through the service p50 / p95 (30 runs)", both(matrixTimes)],
    [
      `target: matrix p95 ≤ ${targets.matrixP95} ms`,
      `${verdict(matrixP95 <= targets.matrixP95)} (${ms(matrixP95)})`,
    ],
    [`answer saves over HTTP: ${load.writers} writers on ${pacedLost.answers} shared answers`, ""],
    ["  one writer alone (baseline)", describeRun(alone)],
    ["  save (PATCH) alone p50 / p95", both(alone.successLatencies)],
    ["  50 writers editing 0.5-1.5 s before each save", describeRun(paced)],
    ["  save (PATCH, successful) p50 / p95", both(paced.successLatencies)],
    [`  target: save p95 ≤ ${targets.saveP95} ms`, `${verdict(saveP95 <= targets.saveP95)} (${ms(saveP95)})`],
    ["  lost updates (must be 0)", describeLost(pacedLost)],
    ["  50 writers without pauses (capacity)", describeRun(flat)],
    ["  save (PATCH, successful) p50 / p95", both(flat.successLatencies)],
    ["  lost updates (must be 0)", describeLost(flatLost)],
    ["load before / between / after the saves", `${loadBefore} / ${loadBetween} / ${describeLoad()}`],
  ]);
  if (lostUpdates > 0 || alone.failures + paced.failures + flat.failures > 0) process.exitCode = 1;
} finally {
  server?.process.kill("SIGTERM");
  await server?.exited;
  await database.drop();
}
