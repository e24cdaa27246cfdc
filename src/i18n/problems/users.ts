// Users, their roles and accounts, signing in and passwords.

const nb = {
  // Users and roles.
  users_create_admins_only: "Bare administratorer kan opprette brukere.",
  users_create_system_admin: "Bare en systemadministrator kan opprette en ny systemadministrator.",
  users_list_admins_only: "Bare administratorer kan se brukerne.",
  username_taken: "Brukernavnet {username} er tatt. Velg et annet.",
  user_not_found: "Fant ikke brukeren.",
  role_unit_not_found: "Enheten finnes ikke. Velg en annen enhet.",
  role_assign_needs_admin: "Du må være administrator for «{unit}» for å gi roller der.",
  role_already_given: "{user} har allerede denne rollen for «{unit}».",
  role_assignment_not_found: "Fant ikke rollen. Den kan allerede være fjernet.",
  role_remove_needs_admin: "Du må være administrator for «{unit}» for å fjerne roller der.",
  // Accounts: an administrator resets a password, deactivates or reactivates.
  own_account_reset_password: "Du kan ikke sette nytt passord på din egen konto her. Bruk «Endre passord».",
  own_account_deactivate: "Du kan ikke deaktivere din egen konto.",
  own_account_reactivate: "Du kan ikke aktivere din egen konto på nytt.",
  account_reset_password_needs_admin:
    "For å sette nytt passord for {user} må du være administrator for alle enheter der brukeren har en rolle.",
  account_deactivate_needs_admin:
    "For å deaktivere kontoen til {user} må du være administrator for alle enheter der brukeren har en rolle.",
  account_reactivate_needs_admin:
    "For å aktivere kontoen til {user} på nytt må du være administrator for alle enheter der brukeren har en rolle.",
  own_account_set_external_id: "Du kan ikke koble din egen konto til innloggingstjenesten her.",
  account_set_external_id_needs_admin:
    "For å koble {user} til innloggingstjenesten må du være administrator for alle enheter der brukeren har en rolle.",
  external_id_taken:
    "Innloggings-ID-en er allerede koblet til {user} ({username}). Fjern den der først, eller sjekk ID-en.",
  // Signing in and passwords.
  wrong_credentials: "Feil brukernavn eller passord.",
  sso_not_configured: "Felles innlogging er ikke satt opp her.",
  local_sign_in_off: "Innlogging med brukernavn og passord er slått av. Logg inn med organisasjonens konto.",
  too_many_sign_in_attempts:
    "For mange mislykkede innlogginger. Prøv igjen om {minutes, plural, one {# minutt} other {# minutter}}.",
  wrong_current_password: "Det nåværende passordet er feil.",
  password_too_short: "Passordet må ha minst {minimum} tegn.",
  password_contains_username: "Passordet kan ikke inneholde brukernavnet.",
  password_too_common:
    "Passordet er for vanlig eller lett å gjette. Bruk noen ord som ikke hører sammen, eller et lengre passord.",
} as const;

const en: Record<keyof typeof nb, string> = {
  users_create_admins_only: "Only administrators can create users.",
  users_create_system_admin: "Only a system administrator can create another system administrator.",
  users_list_admins_only: "Only administrators can see the users.",
  username_taken: "The username {username} is taken. Choose another.",
  user_not_found: "The user was not found.",
  role_unit_not_found: "The unit does not exist. Choose another unit.",
  role_assign_needs_admin: "You need the administrator role on “{unit}” to give roles there.",
  role_already_given: "{user} already has this role on “{unit}”.",
  role_assignment_not_found: "The role was not found. It may already have been removed.",
  role_remove_needs_admin: "You need the administrator role on “{unit}” to remove roles there.",
  own_account_reset_password:
    "You cannot reset the password of your own account here. Use “Change password”.",
  own_account_deactivate: "You cannot deactivate your own account.",
  own_account_reactivate: "You cannot reactivate your own account.",
  account_reset_password_needs_admin:
    "To reset the password of {user} you need the administrator role on every unit where they have a role.",
  account_deactivate_needs_admin:
    "To deactivate the account of {user} you need the administrator role on every unit where they have a role.",
  account_reactivate_needs_admin:
    "To reactivate the account of {user} you need the administrator role on every unit where they have a role.",
  own_account_set_external_id: "You cannot link your own account to the sign-in service here.",
  account_set_external_id_needs_admin:
    "To link {user} to the sign-in service you need the administrator role on every unit where they have a role.",
  external_id_taken:
    "The sign-in id is already linked to {user} ({username}). Remove it there first, or check the id.",
  wrong_credentials: "Wrong username or password.",
  sso_not_configured: "Single sign-on is not set up here.",
  local_sign_in_off:
    "Signing in with a username and password is turned off. Sign in with your organisation's account.",
  too_many_sign_in_attempts:
    "Too many failed sign-in attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  wrong_current_password: "The current password is wrong.",
  password_too_short: "The password must be at least {minimum} characters.",
  password_contains_username: "The password must not contain the username.",
  password_too_common:
    "The password is too common or too easy to guess. Use a few unrelated words or a longer password.",
};

export const userReasons = { nb, en };

const fieldNb = {
  username_format: "må ha 2 til 100 bokstaver, sifre eller . _ @ -",
  email_address: "må være en e-postadresse",
  wrong_password: "er feil",
  too_short: "må ha minst {minimum} tegn",
  contains_username: "kan ikke inneholde brukernavnet",
  too_common:
    "er for vanlig eller lett å gjette; bruk noen ord som ikke hører sammen, eller et lengre passord",
  external_id_in_use: "er allerede koblet til {user} ({username})",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  username_format: "must be 2 to 100 letters, digits or . _ @ -",
  email_address: "must be an e-mail address",
  wrong_password: "is wrong",
  too_short: "must be at least {minimum} characters",
  contains_username: "must not contain the username",
  too_common: "is too common or too easy to guess; use a few unrelated words or a longer password",
  external_id_in_use: "is already linked to {user} ({username})",
};

export const userFieldProblems = { nb: fieldNb, en: fieldEn };
