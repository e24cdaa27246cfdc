import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startTestProvider } from "../../src/testing/oidcProvider.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server stopped with code ${server.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${baseUrl}/api/health within 180 s:\n${output()}`);
}

/**
 * Starts one Tertial server with the demo data in a fresh data folder for the whole run. The web
 * app must already be built (the npm script runs `vite build` first); nothing is built here.
 * Beside it runs an OpenID provider (oidc-provider), so that users may sign in either way: with
 * a password, or through the provider, which knows the demo's usernames.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tertial-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider(baseUrl);
  let log = "";
  const server = spawn("npx", ["tsx", "src/cli.ts", "serve", "--demo", "--port", String(port)], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      TERTIAL_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      TERTIAL_PUBLIC_URL: baseUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_USER_CLAIM: "preferred_username",
      OIDC_USER_FIELD: "username",
      OIDC_DISPLAY_NAME: "Helse Nord-ID",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it also stops tsx's child node process.
    detached: true,
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });

  const stop = async () => {
    if (server.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    }
    await rm(dataDir, { recursive: true, force: true });
    await provider.close();
  };

  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  return stop;
}
