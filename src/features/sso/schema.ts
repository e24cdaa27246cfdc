// How one signs in here: shown by the sign-in page before anyone is signed in. Shared with the web.

import { z } from "zod";

export const signInOptionsView = z
  .object({
    /** Whether the username and password form is open. */
    localSignIn: z.boolean(),
    /** Single sign-on, when configured, with the name its button shows (null: a general wording). */
    sso: z.object({ name: z.string().nullable() }).nullable(),
  })
  .meta({ id: "SignInOptions" });

export const ssoStartQuery = z.object({
  // Checked again by safeReturnPath: only a path inside the app is ever followed.
  returnTo: z.string().max(1000).optional(),
});

// The provider's answer: whatever it sends, the callback reads it from the address itself.
export const ssoCallbackQuery = z.object({}).passthrough();

export const signOutView = z.object({
  /** Where to send the browser to end the identity provider's session too; null when there is none. */
  signOutUrl: z.string().nullable(),
});

export type SignInOptionsView = z.infer<typeof signInOptionsView>;
export type SignOutView = z.infer<typeof signOutView>;
