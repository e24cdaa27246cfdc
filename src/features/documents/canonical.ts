// Canonical JSON: object keys sorted, no whitespace, `undefined` dropped. Its SHA-256 identifies a
// snapshot whatever order the database gives the keys back in (jsonb does not keep them).

import { createHash } from "node:crypto";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonicalValue(value: unknown): Json | undefined {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((each) => canonicalValue(each) ?? null);
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new Error("a snapshot cannot hold NaN or Infinity");
      return value;
    case "object": {
      const result: { [key: string]: Json } = {};
      for (const key of Object.keys(value).sort()) {
        const each = canonicalValue((value as Record<string, unknown>)[key]);
        if (each !== undefined) result[key] = each;
      }
      return result;
    }
    default:
      return undefined;
  }
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value) ?? null);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A plain copy in canonical form: what is stored is exactly what was hashed. */
export function canonicalCopy<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
