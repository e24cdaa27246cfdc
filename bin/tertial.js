#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so that the same sources serve in development and production.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
