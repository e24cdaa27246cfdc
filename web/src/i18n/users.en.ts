import type { usersNb } from "./users.ts";

export const usersEn: Record<keyof typeof usersNb, string> = {
  "users.externalId.inTable": "Sign-in id: {id}",
  "users.roleFromSso": "from the sign-in service",
  "users.roleFromSso.help":
    "Roles marked “from the sign-in service” are given by the user's groups there, anew at each sign-in. If you remove such a role here, the next sign-in gives it back if the group still does.",
  "users.link.title": "Link to the sign-in service",
  "users.link.intro":
    "Tie the user to their account in the organisation's sign-in service, so they are found when they sign in there.",
  "users.link.field": "Sign-in id (from the organisation's sign-in service)",
  "users.link.help": "For Entra ID it is the user's object id (oid). Leave the field empty to unlink.",
  "users.link.submit": "Save the link",
  "users.link.linked": "{name} is linked to the sign-in service.",
  "users.link.unlinked": "{name} is no longer linked to the sign-in service.",
  "audit.action.set_external_id": "Linked to the sign-in service",
};
