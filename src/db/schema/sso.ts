import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A single sign-on under way: what the callback must check (state, nonce) and send (the PKCE
 * verifier). Kept in the database, not in the server's memory, so that the provider may send the
 * browser back to any of several servers. The browser holds the key in a cookie; a row is used
 * once and lives ten minutes.
 */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    keyHash: text("key_hash").primaryKey(),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    returnTo: text("return_to").notNull().default("/"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("sign_in_requests_expires_idx").on(table.expiresAt)],
);
