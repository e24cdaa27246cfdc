import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";
import { answers, answerVersions } from "../schema.ts";
import { demo, loadDemoData } from "./load.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;

type Document = { id: number; title: string; state: string; issuingUnit: { code: string } };
type Round = { id: number; period: string; state: string; counts: { total: number } };
type Matrix = {
  units: { id: number; code: string }[];
  rows: {
    requirement: { id: number; number: string; leadUnitId: number | null };
    cells: Record<string, { answerId: number; state: string; status: string; returned: boolean }>;
  }[];
};

async function get<T>(url: string, cookie = admin): Promise<T> {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie } });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  admin = await t.signIn("admin", demo.password);
});
afterAll(() => t.close());

async function documentsByTitle() {
  const documents = await get<Document[]>("/api/steering-documents?year=2024");
  return new Map(documents.map((d) => [d.title, d]));
}

async function rounds(documentId: number) {
  return new Map(
    (await get<Round[]>(`/api/steering-documents/${documentId}/rounds`)).map((r) => [r.period, r]),
  );
}

describe("the reporting demo", () => {
  it("has Helse Nord's requirements to its trusts and the ministry's to the regions, published, with three rounds each", async () => {
    const documents = await documentsByTitle();
    const hf = documents.get("Styringskrav og rammer 2024");
    const od = documents.get("Oppdragsdokument 2024");
    expect(hf).toMatchObject({ state: "published", issuingUnit: { code: "HN" } });
    expect(od).toMatchObject({ state: "published", issuingUnit: { code: "HOD" } });
    for (const document of [hf, od]) {
      const byPeriod = await rounds(document?.id ?? 0);
      expect([...byPeriod.keys()].sort()).toEqual(["2024", "2024-T1", "2024-T2"]);
      expect(byPeriod.get("2024-T1")?.state).toBe("closed");
      expect(byPeriod.get("2024")?.state).toBe("open");
    }
    const full = await get<{ requirements: unknown[]; chapters: unknown[] }>(
      `/api/steering-documents/${od?.id}`,
    );
    expect(full.requirements).toHaveLength(108);
    expect(full.chapters).toHaveLength(5);
  });

  it("has answers in every workflow state and every status", async () => {
    const documents = await documentsByTitle();
    const hf = documents.get("Styringskrav og rammer 2024");
    const matrix = await get<Matrix>(`/api/rounds/${(await rounds(hf?.id ?? 0)).get("2024-T2")?.id}/matrix`);
    const cells = matrix.rows.flatMap((row) => Object.values(row.cells));
    const kinds = new Set(
      cells.map((cell) =>
        cell.returned ? "returned" : cell.status === "not_started" ? "not_started" : cell.state,
      ),
    );
    expect(kinds).toEqual(new Set(["not_started", "draft", "returned", "submitted", "approved"]));
    const annual = await get<Matrix>(`/api/rounds/${(await rounds(hf?.id ?? 0)).get("2024")?.id}/matrix`);
    const statuses = new Set(
      annual.rows.flatMap((row) => Object.values(row.cells).map((cell) => cell.status)),
    );
    expect(statuses).toEqual(
      new Set(["not_started", "fulfilled", "partly_fulfilled", "not_fulfilled", "not_relevant"]),
    );
  });

  it("shows Helse Nord the lead region's joint text, labelled, in its annual report to the ministry", async () => {
    const od = (await documentsByTitle()).get("Oppdragsdokument 2024");
    const year = (await rounds(od?.id ?? 0)).get("2024");
    const matrix = await get<Matrix>(`/api/rounds/${year?.id}/matrix`);
    const hn = matrix.units.find((u) => u.code === "HN");
    const hso = matrix.units.find((u) => u.code === "HSO");
    const ledBySouthEast = matrix.rows.find((row) => row.requirement.leadUnitId === hso?.id);
    const answer = await get<{ joint: { label: string; text: string; state: string } | null }>(
      `/api/answers/${ledBySouthEast?.cells[hn?.id ?? 0]?.answerId}`,
    );
    expect(answer.joint).toMatchObject({ label: "Fellesrapport Helse Sør-Øst RHF", state: "approved" });
    expect(answer.joint?.text.length).toBeGreaterThan(20);
  });

  it("keeps the draft and final wording of Helse Nord's first answer, to compare", async () => {
    const od = (await documentsByTitle()).get("Oppdragsdokument 2024");
    const year = (await rounds(od?.id ?? 0)).get("2024");
    const matrix = await get<Matrix>(`/api/rounds/${year?.id}/matrix`);
    const hn = matrix.units.find((u) => u.code === "HN");
    const first = matrix.rows.find((row) => row.requirement.number === "2.1.1");
    const answerId = first?.cells[hn?.id ?? 0]?.answerId;
    const diff = await get<{ text: { words: { op: string; text: string }[] } }>(
      `/api/answers/${answerId}/diff?from=2&to=3`,
    );
    expect(diff.text.words.slice(0, 2)).toEqual([
      { op: "delete", text: "Alle" },
      { op: "insert", text: "Tre" },
    ]);
  });

  it("gives the demo users work in their inboxes", async () => {
    const editor = await t.signIn("redaktor", demo.password);
    const unnBox = await get<{ counts: { toWrite: number; returned: number } }>("/api/inbox", editor);
    expect(unnBox.counts.toWrite + unnBox.counts.returned).toBeGreaterThan(0);
    const approver = await t.signIn("hn-godkjenner", demo.password);
    const hnBox = await get<{ counts: { toApprove: number } }>("/api/inbox", approver);
    expect(hnBox.counts.toApprove).toBeGreaterThan(0);
  });

  it("writes every answer in bokmål, and the trusts' answers differ from each other", async () => {
    const texts = [
      ...(await t.db.select({ text: answers.text }).from(answers)),
      ...(await t.db.select({ text: answerVersions.text }).from(answerVersions)),
    ]
      .map((row) => row.text)
      .filter((text) => text !== "");
    expect(texts.length).toBeGreaterThan(500);
    // Words that show an English sentence; none of them is a bokmål word.
    const english = /\b(the|and|with|was|were|has|have|will|which|their|trusts?|measures?)\b/i;
    expect(texts.filter((text) => english.test(text)).slice(0, 3)).toEqual([]);
    // Not one sentence for all: many different answers, and one trust's answers are not the same
    // text with another code in front.
    expect(new Set(texts).size).toBeGreaterThan(150);
    const unn = texts.filter((text) => text.startsWith("UNN: ")).map((text) => text.slice(5));
    const fin = new Set(texts.filter((text) => text.startsWith("FIN: ")).map((text) => text.slice(5)));
    expect(unn.filter((text) => !fin.has(text)).length).toBeGreaterThan(unn.length / 2);
  });
});
