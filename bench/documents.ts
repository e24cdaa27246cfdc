// Board documents: building and rendering the annual report of a whole region (150 requirements,
// each answered by 7 trusts, 33 indicators) from synthetic data, against JSON serialisation of the
// same data and rendering an empty document as baselines measured in the same run. Target: ≤ 2 s.
import { buildDocument } from "../src/features/documents/build.ts";
import { renderDocx } from "../src/features/documents/docx.ts";
import { renderHtml } from "../src/features/documents/html.ts";
import { syntheticDocumentData } from "../src/features/documents/samples.ts";
import { defaultTemplate } from "../src/features/documents/template.ts";
import { describeMachine, ms, percentile, report, timeMany } from "./support.ts";

const size = { requirements: 150, units: 7, indicators: 33 };
const data = syntheticDocumentData(size);
// The board's version, with every trust's answer: the largest document the region makes.
const template = { ...defaultTemplate("annual_report"), includeUnitAnswers: true };
const emptyData = { ...data, introduction: null, chapters: [], scorecard: null };

const rounds = 10;
// Warm-up: the first run pays for loading and compiling the libraries.
await renderDocx(buildDocument("annual_report", data, template, "nb"));

const json = await timeMany(rounds, async () => JSON.stringify(data));
const empty = await timeMany(rounds, () =>
  renderDocx(buildDocument("annual_report", emptyData, template, "nb")),
);
const build = await timeMany(rounds, async () => buildDocument("annual_report", data, template, "nb"));
const docx = await timeMany(rounds, () => renderDocx(buildDocument("annual_report", data, template, "nb")));
const html = await timeMany(rounds, async () =>
  renderHtml(buildDocument("annual_report", data, template, "nb")),
);

const bytes = await renderDocx(buildDocument("annual_report", data, template, "nb"));
const p50 = (durations: number[]) => percentile(durations, 50);
const both = (durations: number[]) => `${ms(p50(durations))} / ${ms(percentile(durations, 95))}`;

report(
  `Annual report, ${size.requirements} requirements × ${size.units} units, ${size.indicators} indicators (${describeMachine()})`,
  [
    ["JSON.stringify of the data (baseline) p50 / p95", both(json)],
    ["empty document to .docx (baseline) p50 / p95", both(empty)],
    ["build content model p50 / p95", both(build)],
    ["build + render .docx p50 / p95", both(docx)],
    ["build + render HTML preview p50 / p95", both(html)],
    [".docx size", `${(bytes.length / 1024).toFixed(0)} KiB`],
    ["target: build + .docx ≤ 2 000 ms", p50(docx) <= 2000 ? "met" : "NOT MET"],
  ],
);
