import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// scrypt from node:crypto; parameters stored with each hash so they can be raised later (a
// weaker hash is made anew at the next sign-in). N = 2^14, r = 8, p = 5 is one of the settings
// OWASP's Password Storage Cheat Sheet (and so ASVS 5.0 11.4.2) gives as equal to N = 2^17, p = 1:
// the same work in 16 MiB instead of 128 MiB, so that parallel sign-ins cannot exhaust memory.
const cost = 16384;
const blockSize = 8;
const parallelism = 5;
const keyLength = 64;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, blockSize, parallelism);
  return ["scrypt", cost, blockSize, parallelism, salt.toString("base64"), key.toString("base64")].join("$");
}

/** True when the hash was made with less work than hashes are made with today. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  if (scheme !== "scrypt") return true;
  return Number(n) * Number(r) * Number(p) < cost * blockSize * parallelism || Number(n) < cost;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of a password nobody knows, made with the current parameters on first use.
let dummyHash: Promise<string> | undefined;

/**
 * A hash to check the password against when the user is unknown or deactivated, so that the
 * answer takes the same scrypt work and its timing does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("base64"));
  return dummyHash;
}
