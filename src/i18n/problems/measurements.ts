// Importing and reading measurements: files, headers, rows and figures; and the periods that
// name months (src/domain/periods.ts), which other features meet too.

const nb = {
  bad_file_name: "Filnavnet kan ikke lagres. Gi filen et nytt navn og importer den på nytt.",
  measurement_import_needs_editor: "Du må ha rollen redaktør for en enhet for å importere måledata for den.",
  measurement_upload_too_large:
    "Filen er større enn grensen på {limit} for opplasting. Del den opp, eller importer den med kommandolinjen: tertial import measurements FIL.",
  measurement_unsupported_file_type:
    "«{file}» er verken en CSV-fil (.csv) eller en Excel-arbeidsbok (.xlsx). Gamle .xls-filer må først lagres som .xlsx.",
  measurement_bad_header:
    "Første rad i «{file}» må navngi kolonnene: indikator, enhet, måned, teller og eventuelt nevner (eller på engelsk: indicator, unit, month, numerator, denominator).",
  measurement_empty_file: "«{file}» er tom: den har ingen overskriftsrad.",
  measurement_import_has_problems:
    "«{file}» har {count, plural, one {# feil} other {# feil}}. Ingenting ble importert; rett filen og importer den på nytt.",
  measurement_import_has_problems_listed:
    "«{file}» har {count, plural, one {# feil} other {# feil}}. Ingenting ble importert; rett filen og importer den på nytt. De første {listed} er listet opp.",
  measurement_import_units_forbidden:
    "«{file}» har data for enheter du ikke har lov til å skrive for. Ingenting ble importert.",
  measurement_concurrent_import:
    "Noen andre lagret noen av de samme verdiene i samme øyeblikk. Ingenting ble importert; importer på nytt.",
  measurement_invalid_month:
    "Måneden «{month}» kan ikke brukes. Skriv den som ÅÅÅÅ-MM, for eksempel 2024-03.",
  measurement_indicator_not_found:
    "Fant ikke indikatoren. Den kan være slettet, eller adressen kan være feil.",
  measurement_read_needs_role: "Du må ha en rolle for «{unit}» (eller en enhet over den) for å se tallene.",
  measurement_value_not_found: "Det finnes ingen verdi for {month}.",
  measurement_cli_one_file: "Oppgi nøyaktig én fil.",
  measurement_cli_no_file: "Filen {file} finnes ikke.",
} as const;

const en: Record<keyof typeof nb, string> = {
  bad_file_name: "The file name cannot be stored. Rename the file and import it again.",
  measurement_import_needs_editor: "You need the editor role on a unit to import measurements for it.",
  measurement_upload_too_large:
    "The file is larger than the upload limit of {limit}. Split it, or import it with the command line: tertial import measurements FILE.",
  measurement_unsupported_file_type:
    "“{file}” is neither a CSV file (.csv) nor an Excel workbook (.xlsx). Old .xls files must be saved as .xlsx first.",
  measurement_bad_header:
    "The first row of “{file}” must name the columns: indicator, unit, month, numerator and, if needed, denominator (or in Norwegian: indikator, enhet, maaned, teller, nevner).",
  measurement_empty_file: "“{file}” is empty: it has no header row.",
  measurement_import_has_problems:
    "“{file}” has {count, plural, one {# problem} other {# problems}}. Nothing was imported; correct the file and import it again.",
  measurement_import_has_problems_listed:
    "“{file}” has {count, plural, one {# problem} other {# problems}}. Nothing was imported; correct the file and import it again. The first {listed} are listed.",
  measurement_import_units_forbidden:
    "“{file}” has data for units you may not write to. Nothing was imported.",
  measurement_concurrent_import:
    "Someone else stored some of these values at the same moment. Nothing was imported; import again.",
  measurement_invalid_month: "The month “{month}” cannot be used. Write it as YYYY-MM, for example 2024-03.",
  measurement_indicator_not_found:
    "The indicator was not found. It may have been deleted, or the address may be wrong.",
  measurement_read_needs_role: "You need a role on “{unit}” (or a unit above it) to see its figures.",
  measurement_value_not_found: "There is no value for {month}.",
  measurement_cli_one_file: "Give exactly one file.",
  measurement_cli_no_file: "There is no file {file}.",
};

/**
 * A period that cannot be read: the same sentence whether it refuses a request or names a field
 * (a month column of a file, a query parameter).
 */
const periodNb = {
  period_not_text:
    "Ugyldig periode: {value} er ikke tekst. Skriv ÅÅÅÅ-MM (for eksempel 2024-03), ÅÅÅÅ-Tn med n fra 1 til 3 (for eksempel 2024-T1) eller ÅÅÅÅ (for eksempel 2024).",
  period_form:
    "Ugyldig periode «{value}»: skriv ÅÅÅÅ-MM (for eksempel 2024-03), ÅÅÅÅ-Tn med n fra 1 til 3 (for eksempel 2024-T1) eller ÅÅÅÅ (for eksempel 2024).",
  period_month_range: "Ugyldig periode «{value}»: måneden må være 01–12.",
  period_tertial_range: "Ugyldig periode «{value}»: tertialet må være T1, T2 eller T3.",
  period_year_range: "Ugyldig periode «{value}»: året må være fra {min} til {max}.",
  period_not_month: "Ugyldig måned «{value}»: skriv ÅÅÅÅ-MM (for eksempel 2024-03).",
  period_month_number: "Ugyldig måned {month} i år {year}: måneden må være 1–12.",
  period_whole_months: "Kan ikke legge til {value} måneder: antallet må være et helt tall.",
  period_not_reporting_point:
    "En rapporteringsrunde gjelder et tertial eller et år: skriv {year}-T1, {year}-T2 eller {year} (tredje tertial rapporteres i årsmeldingen).",
} as const;

const periodEn: Record<keyof typeof periodNb, string> = {
  period_not_text:
    "Invalid period: {value} is not text. Write YYYY-MM (e.g. 2024-03), YYYY-Tn with n from 1 to 3 (e.g. 2024-T1) or YYYY (e.g. 2024).",
  period_form:
    "Invalid period “{value}”: expected YYYY-MM (e.g. 2024-03), YYYY-Tn with n from 1 to 3 (e.g. 2024-T1) or YYYY (e.g. 2024).",
  period_month_range: "Invalid period “{value}”: month must be 01-12.",
  period_tertial_range: "Invalid period “{value}”: tertial must be T1, T2 or T3.",
  period_year_range: "Invalid period “{value}”: year must be from {min} to {max}.",
  period_not_month: "Invalid month “{value}”: expected YYYY-MM (e.g. 2024-03).",
  period_month_number: "Invalid month {month} in year {year}: month must be 1-12.",
  period_whole_months: "Cannot add {value} months: the number must be whole.",
  period_not_reporting_point:
    "A reporting round is for a tertial or a year: write {year}-T1, {year}-T2 or {year} (the third tertial is reported in the annual report).",
};

export const periodProblems = { nb: periodNb, en: periodEn };
export type PeriodProblemCode = keyof typeof periodNb;

export const measurementReasons = { nb: { ...nb, ...periodNb }, en: { ...en, ...periodEn } };

const fieldNb = {
  // The header row.
  measurement_missing_column: "overskriftsraden mangler kolonnen {expected} (godtatte navn: {accepted})",
  "measurement_missing_column.indicator":
    "overskriftsraden har ingen kolonne for indikator (godtatte navn: {accepted})",
  "measurement_missing_column.unit":
    "overskriftsraden har ingen kolonne for enhet (godtatte navn: {accepted})",
  "measurement_missing_column.month":
    "overskriftsraden har ingen kolonne for måned (godtatte navn: {accepted})",
  "measurement_missing_column.numerator":
    "overskriftsraden har ingen kolonne for teller (godtatte navn: {accepted})",
  measurement_repeated_column: "kolonnen «{value}» står to ganger i overskriftsraden",
  measurement_no_header_row: "har ingen overskriftsrad",
  measurement_too_many_rows: "kan ha høyst {maximum} rader om gangen; bruk en fil for flere",
  measurement_unsupported_file_type: "må være en .csv-, .txt- eller .xlsx-fil",
  // A row's codes.
  measurement_unknown_indicator: "det finnes ingen indikator med koden «{value}»",
  measurement_unknown_unit: "det finnes ingen enhet med koden «{value}»",
  measurement_retired_indicator: "indikatoren {code} er avviklet og tar ikke imot nye verdier",
  measurement_not_allowed:
    "du har ikke lov til å skrive data for {unitName} ({unit}); det krever rollen redaktør der",
  measurement_repeated_key: "{indicator}, {unit}, {month} står allerede på rad {firstRow}",
  // A cell that cannot be read as a number or a month (src/features/measurements/rows.ts).
  measurement_not_finite: "{value} er ikke et endelig tall",
  measurement_date_not_number: "er en dato, ikke et tall",
  measurement_comma_and_dot: "«{value}» har både komma og punktum; skriv 1234,5 eller 1234.5",
  measurement_not_number: "«{value}» er ikke et tall",
  measurement_number_too_large: "«{value}» er for stort",
  measurement_invalid_date: "er ikke en gyldig dato",
  measurement_month_is_number: "{value} er et tall; skriv måneden som ÅÅÅÅ-MM (for eksempel 2024-03)",
  measurement_not_month: "«{value}» er ikke en måned; skriv ÅÅÅÅ-MM (for eksempel 2024-03)",
  // A figure (src/domain/values.ts).
  figure_not_number: "er ikke et tall",
  figure_not_finite: "{value} er ikke et endelig tall",
  figure_too_large:
    "{value} er for stort; et tall kan være høyst 10^12 (1 000 000 000 000) over eller under 0",
  figure_too_small:
    "{value} er for lite; et tall som ikke er 0, må være minst 10^-6 (0,000001) over eller under 0",
  figure_denominator_negative: "{value} er negativt; en nevner teller noe og er 0 eller mer",
  figure_ratio_needs_denominator: "må fylles ut; {indicator} er en andel og trenger en nevner",
  figure_ratio_numerator_negative: "{value} er negativt; telleren i en andel er 0 eller mer",
  figure_not_ratio: "{indicator} er ikke en andel; la nevneren stå tom og sett verdien i telleren",
  ...periodNb,
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  measurement_missing_column: "the header has no {expected} column (accepted names: {accepted})",
  "measurement_missing_column.indicator": "the header has no indicator column (accepted names: {accepted})",
  "measurement_missing_column.unit": "the header has no unit column (accepted names: {accepted})",
  "measurement_missing_column.month": "the header has no month column (accepted names: {accepted})",
  "measurement_missing_column.numerator": "the header has no numerator column (accepted names: {accepted})",
  measurement_repeated_column: "the column “{value}” appears twice in the header",
  measurement_no_header_row: "has no header row",
  measurement_too_many_rows: "can have at most {maximum} rows at a time; use a file for more",
  measurement_unsupported_file_type: "must be a .csv, .txt or .xlsx file",
  measurement_unknown_indicator: "there is no indicator with the code “{value}”",
  measurement_unknown_unit: "there is no unit with the code “{value}”",
  measurement_retired_indicator: "the indicator {code} is retired and takes no new values",
  measurement_not_allowed: "you may not write data for {unitName} ({unit}); that needs the editor role there",
  measurement_repeated_key: "{indicator}, {unit}, {month} appears again; row {firstRow} has it already",
  measurement_not_finite: "{value} is not a finite number",
  measurement_date_not_number: "is a date, not a number",
  measurement_comma_and_dot: "“{value}” has both a comma and a dot; write 1234,5 or 1234.5",
  measurement_not_number: "“{value}” is not a number",
  measurement_number_too_large: "“{value}” is too large",
  measurement_invalid_date: "is not a valid date",
  measurement_month_is_number: "{value} is a number; write the month as YYYY-MM (e.g. 2024-03)",
  measurement_not_month: "“{value}” is not a month; write YYYY-MM (e.g. 2024-03)",
  figure_not_number: "is not a number",
  figure_not_finite: "{value} is not a finite number",
  figure_too_large: "{value} is too large; a figure is at most 10^12 (1,000,000,000,000) either side of 0",
  figure_too_small:
    "{value} is too small; a figure other than 0 is at least 10^-6 (0.000001) either side of 0",
  figure_denominator_negative: "{value} is negative; a denominator counts something and is 0 or more",
  figure_ratio_needs_denominator: "is required; {indicator} is a ratio and needs a denominator",
  figure_ratio_numerator_negative: "{value} is negative; the numerator of a ratio is 0 or more",
  figure_not_ratio:
    "{indicator} is not a ratio; leave the denominator empty and put the value in the numerator",
  ...periodEn,
};

export const measurementFieldProblems = { nb: fieldNb, en: fieldEn };
