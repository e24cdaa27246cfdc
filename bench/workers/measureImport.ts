// Imports one measurement file through the command line's import function and prints, as the
// last line of its output, how long it took and the most memory it used. Run by bench/scorecard.ts
// in a process of its own, so the figures are this import's alone.
//
// Usage: node --expose-gc --import tsx bench/workers/measureImport.ts DATABASE_URL FILE

import path from "node:path";
import { operatorPrincipal } from "../../src/caller.ts";
import { openDatabase } from "../../src/db/client.ts";
import { importMeasurementFile } from "../../src/features/measurements/service.ts";

const [databaseUrl, file] = process.argv.slice(2);
if (!databaseUrl || !file) throw new Error("usage: measureImport.ts DATABASE_URL FILE");

// Started with --expose-gc: the heap is measured right after a collection, so the figure is what
// the import keeps alive, not how much garbage V8 happened to let pile up before collecting.
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error("run with node --expose-gc");

const database = await openDatabase({ databaseUrl, dataDir: "" });
collect();
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
let peakRss = process.memoryUsage().rss;
// The importer awaits the file stream and the database between batches, so the timer gets its turn
// throughout the import; a collection every quarter second costs it little.
const sampler = setInterval(() => {
  collect();
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);
}, 250);

const start = performance.now();
const report = await importMeasurementFile(
  database.db,
  { principal: operatorPrincipal, actor: { id: null, name: "benchmark" } },
  { path: file, name: path.basename(file) },
  { dryRun: false },
);
const milliseconds = performance.now() - start;
clearInterval(sampler);
await database.close();

console.log(
  JSON.stringify({
    rows: report.rows,
    inserted: report.inserted,
    milliseconds,
    heapBefore,
    peakHeap,
    peakRss,
    // The operating system's own high-water mark, in case a peak fell between two samples.
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
