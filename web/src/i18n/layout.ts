// The page frame (header, main menu) and the help page, in bokmål. English in layout.en.ts.
export const layoutNb = {
  "layout.menu": "Meny",
  "layout.help": "Hjelp",
  "help.title": "Brukerveiledning",
  "help.loading": "Laster brukerveiledningen …",
  "help.failed": "Brukerveiledningen kunne ikke lastes. Last inn siden på nytt for å prøve igjen.",
} as const;
