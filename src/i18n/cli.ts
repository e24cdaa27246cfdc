// What the command line says, in bokmål and English. The language is the terminal's (LANG and
// friends, or TERTIAL_LANG), bokmål when it names neither — see src/config.ts.

const nb = {
  main: `tertial — styring med mål, indikatorer og rapporter

Bruk: tertial <kommando> [valg]

Kommandoer:
  serve       kjør webserveren (migrerer databasen først)
  migrate     kjør databasemigreringer
  demo        last demo-organisasjonen og demobrukerne inn i en tom database
  user add    opprett en lokal bruker
  import measurements FIL   importer månedlige indikatorverdier (CSV eller XLSX); --dry-run bare kontrollerer
  backup FIL                skriv hele databasen til FIL
  restore FIL [--replace]   les inn en sikkerhetskopi i en tom database (--replace: erstatt alt)

Kjør 'tertial <kommando> --help' for kommandoens valg.
Databasen er PostgreSQL når DATABASE_URL er satt, ellers den innebygde PGlite i TERTIAL_DATA_DIR (./data),
som bare én prosess om gangen kan bruke: mens en server kjører på den, importer gjennom serveren.`,
  serve: `Bruk: tertial serve [--port N] [--demo]

  --port N   lytt på port N (standard: PORT eller 3000)
  --demo     last demodata først hvis databasen er tom`,
  migrate: `Bruk: tertial migrate

Kjører alle migreringer databasen ikke har ennå. Trygt å kjøre flere ganger og fra flere
servere samtidig.`,
  demo: `Bruk: tertial demo

Laster demo-organisasjonen (departementet, de fire regionale helseforetakene, Helse Nords
helseforetak og sykehus) og én demobruker per rolle. Gjør ingenting hvis databasen allerede har enheter.`,
  userAdd: `Bruk: tertial user add --username NAVN --name "Fullt navn" [--password P] [--admin]
                      [--role ROLLE:ENHETSKODE ...] [--email E]

  --username NAVN      brukernavn for innlogging
  --name TEKST         visningsnavn
  --password P         minst 12 tegn, ikke et vanlig passord, uten brukernavnet; utelates det,
                       lages et tilfeldig passord som skrives ut
  --admin              gjør brukeren til systemadministrator
  --role ROLLE:ENHET   gi en rolle (admin, approver, editor, reader) på en enhet, med enhetskode; kan gjentas
  --email E            e-postadresse`,
  migrated: "Migreringene er kjørt ({kind}).",
  demoLoaded: "Lastet {units} enheter og {users} brukere.",
  demoSkipped: "Databasen har allerede enheter; demodata ble ikke lastet.",
  demoUsers: "Demobrukere (passord «{password}»):",
  systemAdmin: "systemadministrator",
  roleOn: "{role} på {unit}",
  userCreated: "Opprettet brukeren {username} (id {id}).",
  password: "Passord: {password}",
  usernameAndNameRequired: "--username og --name må oppgis.",
  roleFormat: "--role {spec}: skriv den som ROLLE:ENHETSKODE, der ROLLE er en av {roles}.",
  roleUnknownUnit: "--role {spec}: det finnes ingen enhet med koden {code}.",
  unknownCommand: "Ukjent kommando «{command}».",
  error: "Feil: {message}",
  rowField: "rad {row}, {field}: {message}",
  field: "{field}: {message}",
  inUse:
    "Feil: Den innebygde databasen i {dataDir} brukes av en annen Tertial-prosess (pid {pid}{where}, «{command}», siden {since}). Ingenting ble gjort.",
  onHost: " på maskinen {host}",
  inUseServer:
    "Stopp serveren først, eller importer gjennom den: last opp filen på siden Dataimport,\neller send den med POST til /api/measurements/import.",
  inUseOther: "Vent til den kommandoen er ferdig, eller stopp den.",
  inUseRemote:
    "Tertial kan ikke sjekke en prosess på {host} herfra. Hvis ingen Tertial-prosess der bruker\ndenne mappen lenger, slett {lockPath} og prøv igjen.",
  inUsePostgres: "(For å kjøre flere prosesser på én database, bruk PostgreSQL: sett DATABASE_URL.)",
} as const;

const en: Record<keyof typeof nb, string> = {
  main: `tertial — steering by goals, indicators and reports

Usage: tertial <command> [options]

Commands:
  serve       run the web server (migrates the database first)
  migrate     apply database migrations
  demo        load the demo organisation and demo users into an empty database
  user add    create a local user
  import measurements FILE   import monthly indicator values (CSV or XLSX); --dry-run checks only
  backup FILE                write the whole database to FILE
  restore FILE [--replace]   read a backup into an empty database (--replace: replace everything)

Run 'tertial <command> --help' for a command's options.
The database is PostgreSQL when DATABASE_URL is set, else the embedded PGlite in TERTIAL_DATA_DIR (./data),
which one process at a time may use: while a server runs on it, import through the server.`,
  serve: `Usage: tertial serve [--port N] [--demo]

  --port N   listen on port N (default: PORT or 3000)
  --demo     load the demo data first if the database is empty`,
  migrate: `Usage: tertial migrate

Applies every migration that the database does not have yet. Safe to run repeatedly and from
several servers at once.`,
  demo: `Usage: tertial demo

Loads the demo organisation (the ministry, the four regional health authorities, Helse Nord's
trusts and hospitals) and one demo user per role. Does nothing if the database already has units.`,
  userAdd: `Usage: tertial user add --username NAME --name "Full Name" [--password P] [--admin]
                        [--role ROLE:UNITCODE ...] [--email E]

  --username NAME      sign-in name
  --name TEXT          display name
  --password P         at least 12 characters, not a common password, not containing the
                       username; if left out, a random one is generated and printed
  --admin              make the user a system administrator
  --role ROLE:UNIT     give a role (admin, approver, editor, reader) on a unit, by unit code; repeatable
  --email E            e-mail address`,
  migrated: "Migrations applied ({kind}).",
  demoLoaded: "Loaded {units} units and {users} users.",
  demoSkipped: "The database already has units; demo data not loaded.",
  demoUsers: 'Demo users (password "{password}"):',
  systemAdmin: "system administrator",
  roleOn: "{role} on {unit}",
  userCreated: "Created user {username} (id {id}).",
  password: "Password: {password}",
  usernameAndNameRequired: "--username and --name are required.",
  roleFormat: "--role {spec}: write it as ROLE:UNITCODE with ROLE one of {roles}.",
  roleUnknownUnit: "--role {spec}: there is no unit with code {code}.",
  unknownCommand: "Unknown command '{command}'.",
  error: "Error: {message}",
  rowField: "row {row}, {field}: {message}",
  field: "{field}: {message}",
  inUse:
    "Error: The embedded database in {dataDir} is in use by another Tertial process (pid {pid}{where}, `{command}`, since {since}). Nothing was done.",
  onHost: " on host {host}",
  inUseServer:
    "Stop the server first, or import through it: upload the file on the Import data page\n(Dataimport), or POST it to /api/measurements/import.",
  inUseOther: "Wait until that command has finished, or stop it.",
  inUseRemote:
    "Tertial cannot check a process on {host} from here. If no Tertial process there\nuses this folder any more, delete {lockPath} and try again.",
  inUsePostgres: "(To run several processes on one database, use PostgreSQL: set DATABASE_URL.)",
};

export const cliMessages = { nb, en };
export type CliMessage = keyof typeof nb;
