import type { signInNb } from "./signIn.ts";

export const signInEn: Record<keyof typeof signInNb, string> = {
  "sso.button": "Sign in with {name}",
  "sso.buttonGeneral": "Sign in with your organisation's account",
  "sso.or": "or with a username and password",
  "sso.introBoth":
    "Sign in with the account you use elsewhere in your organisation, or with the username and password you were given in Tertial.",
  "sso.introOnly": "Sign in with the account you use elsewhere in your organisation.",
  "sso.refusedTitle": "The sign-in was not completed",
  "sso.error.sso_expired": "The sign-in took too long, or was begun in another browser. Try again.",
  "sso.error.sso_state_mismatch": "The sign-in service's answer did not belong to this sign-in. Try again.",
  "sso.error.sso_nonce_mismatch": "The sign-in service's answer did not belong to this sign-in. Try again.",
  "sso.error.sso_code_refused":
    "The sign-in service did not accept the sign-in, perhaps because it took too long. Try again.",
  "sso.error.sso_provider_error": "The sign-in service stopped the sign-in. Try again, or contact support.",
  "sso.error.sso_unreachable":
    "The sign-in service does not answer right now. Try again shortly, or contact support.",
  "sso.error.sso_claim_missing":
    "The sign-in service did not say who you are. Contact support, so they can correct the set-up.",
  "sso.error.sso_unknown_user":
    "You are signed in at your organisation, but have no user in Tertial yet. Ask an administrator for access.",
  "sso.error.sso_user_inactive": "Your user in Tertial is deactivated. Contact an administrator.",
  "sso.error.sso_username_taken":
    "Another user in Tertial already has your username. Ask an administrator to link your account.",
  "sso.error.sso_busy": "Very many are signing in right now. Wait a minute and try again.",
};
