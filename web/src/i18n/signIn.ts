// Signing in with the organisation's identity provider (single sign-on), in bokmål. English in signIn.en.ts.
export const signInNb = {
  "sso.button": "Logg inn med {name}",
  "sso.buttonGeneral": "Logg inn med organisasjonens konto",
  "sso.or": "eller med brukernavn og passord",
  "sso.introBoth":
    "Logg inn med kontoen du bruker ellers i organisasjonen, eller med brukernavnet og passordet du har fått i Tertial.",
  "sso.introOnly": "Logg inn med kontoen du bruker ellers i organisasjonen.",
  "sso.refusedTitle": "Innloggingen ble ikke fullført",
  "sso.error.sso_expired":
    "Innloggingen tok for lang tid, eller ble startet i en annen nettleser. Prøv igjen.",
  "sso.error.sso_state_mismatch":
    "Svaret fra innloggingstjenesten hørte ikke til denne innloggingen. Prøv igjen.",
  "sso.error.sso_nonce_mismatch":
    "Svaret fra innloggingstjenesten hørte ikke til denne innloggingen. Prøv igjen.",
  "sso.error.sso_code_refused":
    "Innloggingstjenesten godtok ikke innloggingen, kanskje fordi den tok for lang tid. Prøv igjen.",
  "sso.error.sso_provider_error":
    "Innloggingstjenesten avbrøt innloggingen. Prøv igjen, eller kontakt brukerstøtte.",
  "sso.error.sso_unreachable":
    "Innloggingstjenesten svarer ikke akkurat nå. Prøv igjen om litt, eller kontakt brukerstøtte.",
  "sso.error.sso_claim_missing":
    "Innloggingstjenesten sendte ikke med hvem du er. Kontakt brukerstøtte, så de kan rette oppsettet.",
  "sso.error.sso_unknown_user":
    "Du er logget inn hos organisasjonen, men har ingen bruker i Tertial ennå. Be en administrator om tilgang.",
  "sso.error.sso_user_inactive": "Brukeren din i Tertial er deaktivert. Kontakt en administrator.",
  "sso.error.sso_username_taken":
    "Det finnes allerede en annen bruker med ditt brukernavn i Tertial. Be en administrator om å koble kontoen din.",
  "sso.error.sso_busy": "Svært mange logger inn akkurat nå. Vent et minutt og prøv igjen.",
} as const;
