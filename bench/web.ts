// Web benchmark: how long the largest pages take from navigation to their main content, in a real
// Chromium against a real server with the demo data, over an emulated network.
//
// The web app is built into a folder of its own and served twice, one server after the other:
// first as it was before compression (the same build without its .br and .gz copies: the
// baseline), then as `npm run build:web` leaves it (Brotli and gzip copies beside each file). Each
// page is opened once in a fresh browser (cold: nothing cached) and then 5 times more in the same
// browser (warm: hashed assets from the cache, the page itself checked with the server); the time
// is from the start of the navigation to the first frame in which the page's main content (a
// selector per page) is on screen, measured in the page.
//
//   npm run bench:web [-- --runs 5 --network 4g|lan --web-root <built folder>]
//
// --network 4g (the default) emulates a good mobile line: 40 ms round trip, 12 Mbit/s down,
// 4 Mbit/s up; lan does not slow the network. --web-root skips the build and measures that folder.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { freePort, httpSignIn } from "../src/testing/process.ts";
import { describeMachine } from "./support.ts";

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    runs: { type: "string", default: "5" },
    network: { type: "string", default: "4g" },
    "web-root": { type: "string" },
  },
});
const warmRuns = Number(options.runs);
const networks = {
  "4g": { latency: 40, downloadThroughput: (12e6 / 8) * 0.9, uploadThroughput: (4e6 / 8) * 0.9 },
  lan: null,
} as const;
const network = networks[options.network as keyof typeof networks];
if (network === undefined) throw new Error(`--network must be 4g or lan, not "${options.network}"`);
const targetMs = 500;
const projectRoot = path.resolve(import.meta.dirname, "..");

type RunningServer = { url: string; process: ChildProcess; exited: Promise<unknown> };

/** `tertial serve --demo` in a process of its own; loading the demo can take a while on a busy machine. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli.ts", "serve", "--demo", "--port", String(port)],
    {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server stopped with ${child.exitCode} before it answered`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, process: child, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not answer within 5 minutes");
}

type PageToMeasure = { name: string; url: string; content: string };

/** A folder with the web app built and compressed, and a copy without the compressed files. */
function prepareBuilds(): { compressed: string; plain: string; scratch: string } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-bench-web-"));
  let compressed = options["web-root"] ? path.resolve(options["web-root"]) : path.join(scratch, "compressed");
  if (!options["web-root"]) {
    console.log("Building the web app …");
    execFileSync("npx", ["vite", "build", "--outDir", compressed, "--emptyOutDir", "--logLevel", "error"], {
      cwd: projectRoot,
      stdio: "inherit",
    });
  }
  execFileSync(process.execPath, [path.join(projectRoot, "scripts/compress-web.mjs"), compressed], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  const plain = path.join(scratch, "plain");
  fs.cpSync(compressed, plain, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
  compressed = fs.realpathSync(compressed);
  return { compressed, plain, scratch };
}

async function getJson<T>(server: RunningServer, cookie: string, url: string): Promise<T> {
  const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** The demo's largest pages, found through the API as the administrator sees them. */
async function pagesToMeasure(server: RunningServer, cookie: string): Promise<PageToMeasure[]> {
  type Document = { id: number; title: string };
  type Round = { id: number; state: string; counts: { total: number } };
  const documents = await getJson<Document[]>(server, cookie, "/api/steering-documents");
  let largest: { document: Document; round: Round } | null = null;
  for (const document of documents) {
    const rounds = await getJson<Round[]>(server, cookie, `/api/steering-documents/${document.id}/rounds`);
    for (const round of rounds) {
      if (!largest || round.counts.total > largest.round.counts.total) largest = { document, round };
    }
  }
  if (!largest) throw new Error("the demo data has no reporting round");
  const indicators = await getJson<{ id: number; code: string }[]>(server, cookie, "/api/indicators");
  const indicator = indicators[0];
  if (!indicator) throw new Error("the demo data has no indicator");
  return [
    { name: "scorecard", url: "/scorecard", content: ".scorecard-table tbody tr" },
    {
      name: `indicator ${indicator.code}`,
      url: `/indicators/${indicator.id}`,
      content: ".indicator-chart canvas",
    },
    { name: "round matrix", url: `/rounds/${largest.round.id}`, content: "table.matrix tbody tr" },
    { name: "steering document", url: `/steering/${largest.document.id}`, content: ".requirement-card" },
    { name: "audit log", url: "/audit", content: ".audit-results table tbody tr" },
  ];
}

/**
 * Records, in every page the context opens, the time (ms since the navigation started) of the
 * first animation frame in which one of the selectors matches a visible element.
 */
async function watchForContent(context: BrowserContext, selectors: string[]) {
  // Given as text, not as a function: tsx would wrap a function's inner functions in a helper
  // (__name) that exists only in Node, not in the page.
  await context.addInitScript({
    content: `(() => {
      const selectors = ${JSON.stringify(selectors)};
      const check = () => {
        for (const selector of selectors) {
          const element = document.querySelector(selector);
          if (element && element.getBoundingClientRect().height > 0 && element.checkVisibility()) {
            window.__contentAt = performance.now();
            return;
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`,
  });
}

type Timing = { ms: number; transferredKB: number };

async function openAndTime(context: BrowserContext, page: PageToMeasure): Promise<Timing> {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(page.url, { waitUntil: "commit" });
  const handle = await tab
    .waitForFunction(() => (window as { __contentAt?: number }).__contentAt, null, {
      timeout: 60_000,
      polling: 50,
    })
    .catch(async (error: Error) => {
      const shown = await tab
        .locator("main")
        .innerText({ timeout: 1000 })
        .catch(() => "(no main)");
      throw new Error(
        `${page.name} (${page.url}): ${page.content} did not appear (${error.message.split("\n")[0]}); the page shows: ${shown.slice(0, 200).replaceAll("\n", " / ")}`,
      );
    });
  const ms = (await handle.jsonValue()) as number;
  const transferred = await tab.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
      .map((entry) => (entry as PerformanceResourceTiming).transferSize)
      .reduce((sum, size) => sum + size, 0),
  );
  return { ms, transferredKB: transferred / 1000 };
}

async function signedInContext(browser: Browser, server: RunningServer, selectors: string[]) {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const response = await context.request.post("/api/auth/login", {
    data: { username: "admin", password: "demo-passord" },
    headers: { origin: server.url },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  await watchForContent(context, selectors);
  const tab = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  }
  return context;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

type Result = { cold: Timing; warm: number[]; warmKB: number };

async function measureVariant(webRoot: string, label: string): Promise<Map<string, Result>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-bench-web-data-"));
  console.log(`Starting the server (${label}) …`);
  const server = await startServer({ TERTIAL_WEB_ROOT: webRoot, TERTIAL_DATA_DIR: dataDir });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
    ],
  });
  const results = new Map<string, Result>();
  try {
    const cookie = await httpSignIn(server.url, "admin", "demo-passord");
    const pages = await pagesToMeasure(server, cookie);
    const selectors = pages.map((page) => page.content);
    // One page opened first, so that the server's own caches and the database are warm for all.
    const warmUp = await signedInContext(browser, server, selectors);
    for (const page of [...pages]) {
      await openAndTime(warmUp, page).catch((error: Error) => {
        console.log(`  ${error.message.split("\n")[0]}; it is left out`);
        pages.splice(pages.indexOf(page), 1);
      });
    }
    await warmUp.close();
    for (const page of pages) {
      const context = await signedInContext(browser, server, selectors);
      const cold = await openAndTime(context, page);
      const warm: number[] = [];
      let warmKB = 0;
      for (let run = 0; run < warmRuns; run++) {
        const timing = await openAndTime(context, page);
        warm.push(timing.ms);
        warmKB = timing.transferredKB;
      }
      await context.close();
      results.set(page.name, { cold, warm, warmKB });
      console.log(
        `  ${page.name}: cold ${cold.ms.toFixed(0)} ms, warm ${warm.map((ms) => ms.toFixed(0)).join(", ")} ms`,
      );
    }
  } finally {
    await browser.close();
    server.process.kill("SIGTERM");
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

const builds = prepareBuilds();
try {
  const baseline = await measureVariant(builds.plain, "baseline: uncompressed files");
  const current = await measureVariant(builds.compressed, "Brotli and gzip copies");
  const [load1] = os.loadavg();
  console.log(
    `\nWeb pages, admin, 1440 × 900, network ${options.network}; ${describeMachine()}; load average ${load1?.toFixed(1)}`,
  );
  console.log("Time from navigation to the main content on screen; warm = median of", warmRuns, "runs.\n");
  const header = [
    "page",
    "baseline cold",
    "baseline warm",
    "baseline kB cold",
    "cold",
    "warm",
    "kB cold",
    "kB warm",
    `warm ≤ ${targetMs} ms`,
  ];
  const rows = [...current.entries()].map(([name, result]) => {
    const before = baseline.get(name);
    const warm = median(result.warm);
    return [
      name,
      before ? `${before.cold.ms.toFixed(0)} ms` : "–",
      before ? `${median(before.warm).toFixed(0)} ms` : "–",
      before ? before.cold.transferredKB.toFixed(0) : "–",
      `${result.cold.ms.toFixed(0)} ms`,
      `${warm.toFixed(0)} ms`,
      result.cold.transferredKB.toFixed(0),
      result.warmKB.toFixed(0),
      warm <= targetMs ? "PASS" : "FAIL",
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
  for (const row of rows) console.log(line(row));
} finally {
  fs.rmSync(builds.scratch, { recursive: true, force: true });
}
