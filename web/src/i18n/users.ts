// Users page: linking a user to the organisation's sign-in service, and roles it gave.

export const usersNb = {
  "users.externalId.inTable": "Innloggings-ID: {id}",
  "users.roleFromSso": "fra innloggingstjenesten",
  "users.roleFromSso.help":
    "Roller merket «fra innloggingstjenesten» gis av gruppene brukeren har der, på nytt ved hver innlogging. Fjerner du en slik rolle her, kommer den tilbake ved neste innlogging om gruppen fortsatt gir den.",
  "users.link.title": "Koble til innloggingstjenesten",
  "users.link.intro":
    "Knytt brukeren til kontoen i organisasjonens innloggingstjeneste, så finnes brukeren når de logger inn der.",
  "users.link.field": "Innloggings-ID (fra organisasjonens innloggingstjeneste)",
  "users.link.help":
    "For Entra ID er det brukerens objekt-ID (oid). La feltet stå tomt for å fjerne koblingen.",
  "users.link.submit": "Lagre koblingen",
  "users.link.linked": "{name} er koblet til innloggingstjenesten.",
  "users.link.unlinked": "Koblingen mellom {name} og innloggingstjenesten er fjernet.",
  "audit.action.set_external_id": "Koblet til innloggingstjenesten",
} as const;
