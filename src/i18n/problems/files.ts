// Reading uploaded and imported files (src/files): a file that is damaged, not what its name
// says, or beyond a limit. The same sentence is the refusal and the file field's problem, so a
// problem listed by row reads whole.

const nb = {
  // The upload.
  upload_file_missing: "Legg ved filen i skjemafeltet «file» (multipart/form-data).",
  // The reading as a whole (budget.ts).
  file_unpacked_too_large:
    "«{file}» er for stor til å leses: innholdet blir mer enn {limit} når det pakkes ut. Del den i mindre filer.",
  file_read_too_slow:
    "Det tok mer enn {seconds} sekunder å lese «{file}», så lesingen ble stoppet. Del den i mindre filer.",
  file_too_many_rows:
    "«{file}» har flere enn {max} rader, mer enn det som kan leses på én gang. Del den i mindre filer.",
  file_too_many_cells:
    "«{file}» har flere enn {max} celler, mer enn det som kan leses på én gang. Del den i mindre filer.",
  // CSV (csv.ts).
  file_too_many_columns: "«{file}» har flere enn {max} kolonner på linje {row}; høyst {max} kolonner leses.",
  file_nul_character:
    "«{file}» har et NUL-tegn på linje {row}, så den er ikke en tekstfil. Er den lagret som UTF-16, lagre den som «CSV UTF-8» i stedet.",
  file_row_too_long: "«{file}» har en linje som er for lang til å leses.",
  file_csv_quote:
    "«{file}» kan ikke leses: et anførselstegn på linje {row} er ikke lukket riktig. Sjekk anførselstegnene i feltene der.",
  file_csv_broken: "«{file}» kan ikke leses som CSV ved linje {row}. Lagre den på nytt som CSV fra Excel.",
  // What kind of file it is (xlsx.ts, zip.ts).
  file_empty: "«{file}» er tom.",
  file_no_header: "«{file}» har ingen overskriftsrad. Første rad skal navngi kolonnene.",
  file_old_xls:
    "«{file}» er en gammel .xls-arbeidsbok eller en arbeidsbok med passord. Lagre den som .xlsx uten passord, eller som CSV, og prøv igjen.",
  file_not_zip:
    "«{file}» er ikke en .xlsx-arbeidsbok (den er ikke en zip-fil). Lagre den som .xlsx eller CSV og prøv igjen.",
  file_unreadable_workbook:
    "«{file}» er ikke en lesbar .xlsx-arbeidsbok. Åpne den i Excel og lagre den på nytt som .xlsx.",
  file_zip_size_mismatch:
    "«{file}» er skadet eller forfalsket: en del pakkes ut til en annen størrelse enn zip-katalogen oppgir.",
  file_too_many_entries: "«{file}» har {count} deler; en arbeidsbok har høyst {max}.",
  file_duplicate_parts: "«{file}» har to deler som heter {part}, så det er uklart hvilken som skal leses.",
  file_encrypted: "«{file}» er kryptert. Fjern passordet i Excel og lagre den på nytt.",
  file_part_too_large:
    "«{file}» er for stor til å leses: delen {part} blir mer enn de tillatte {limit} når den pakkes ut.",
  file_zip_bomb:
    "«{file}» avvises: delen {part} pakkes ut til {ratio} ganger sin pakkede størrelse, noe ekte arbeidsbøker aldri gjør (høyst {max} ganger godtas).",
  file_compression_method:
    "«{file}» bruker en komprimeringsmetode ({method}) som Excel ikke skriver. Lagre den på nytt som .xlsx i Excel.",
  // The parts of a workbook (xlsxParts.ts, xml.ts).
  file_no_workbook:
    "«{file}» er ikke en Excel-arbeidsbok: delen {part} mangler. Lagre den som .xlsx i Excel.",
  file_no_worksheet: "«{file}» har ikke noe regneark.",
  file_too_many_formats: "«{file}» har flere enn {max} celleformater, mer enn Excel selv tillater.",
  file_too_many_texts: "«{file}» har flere enn {max} ulike tekster, mer enn det som kan leses.",
  file_text_too_long: "«{file}» har en tekst på mer enn {max} tegn (delt tekst nummer {index}).",
  file_too_much_text: "«{file}» har mer enn {max} tegn tekst til sammen, mer enn det som kan leses.",
  file_xml_doctype:
    "«{file}» er ikke en lesbar .xlsx-arbeidsbok: delen {part} har en DOCTYPE, noe arbeidsbøker aldri har.",
  file_xml_too_deep:
    "«{file}» er ikke en lesbar .xlsx-arbeidsbok: elementene i delen {part} er nøstet dypere enn {max} nivåer.",
  file_xml_invalid: "«{file}» er ikke en lesbar .xlsx-arbeidsbok: delen {part} er ikke gyldig XML.",
  // The first sheet's cells and rows (xlsx.ts).
  file_beyond_columns:
    "«{file}» bruker cellen {cell}, til høyre for kolonne {column}: høyst {max} kolonner leses. Slett det som står i kolonnene til høyre, og prøv igjen.",
  file_sheet_spans_beyond:
    "«{file}» oppgir at arket dekker {range}, til høyre for kolonne {column}: høyst {max} kolonner leses. Slett det som står i kolonnene til høyre, og prøv igjen.",
  file_row_beyond_max:
    "«{file}» har en rad {row}, mer enn de {max} radene som kan leses. Del den i mindre filer.",
  file_cell_too_long: "«{file}» har mer enn {max} tegn i cellen {cell}.",
  file_bad_row_number: "«{file}» er skadet: radnummeret «{value}» er ikke gyldig.",
  file_rows_out_of_order: "«{file}» er skadet: rad {row} kommer etter rad {previous}.",
  file_cell_outside_row: "«{file}» er skadet: en celle står utenfor alle rader.",
  file_bad_cell_reference: "«{file}» er skadet: «{value}» er ikke en cellereferanse.",
  file_cells_out_of_order: "«{file}» er skadet: cellen {cell} kommer etter kolonne {column}.",
  file_missing_shared_text: "«{file}» er skadet: cellen {cell} viser til en tekst som mangler.",
} as const;

const en: Record<keyof typeof nb, string> = {
  upload_file_missing: "Attach the file in the form field “file” (multipart/form-data).",
  file_unpacked_too_large:
    "“{file}” is too large to read: its contents come to more than {limit} once unpacked. Split it into smaller files.",
  file_read_too_slow:
    "“{file}” took more than {seconds} seconds to read, so reading it was stopped. Split it into smaller files.",
  file_too_many_rows:
    "“{file}” has more than {max} rows, more than can be read at once. Split it into smaller files.",
  file_too_many_cells:
    "“{file}” has more than {max} cells, more than can be read at once. Split it into smaller files.",
  file_too_many_columns:
    "“{file}” has more than {max} columns on line {row}; at most {max} columns are read.",
  file_nul_character:
    "“{file}” has a NUL character on line {row}, so it is not a text file. If it is saved as UTF-16, save it as “CSV UTF-8” instead.",
  file_row_too_long: "“{file}” has a line longer than can be read.",
  file_csv_quote:
    "“{file}” cannot be read: a quote on line {row} is not closed properly. Check the quotes in the fields there.",
  file_csv_broken: "“{file}” cannot be read as CSV at line {row}. Save it again as CSV from Excel.",
  file_empty: "“{file}” is empty.",
  file_no_header: "“{file}” has no header row. The first row should name the columns.",
  file_old_xls:
    "“{file}” is an old .xls workbook or a password-protected one. Save it as .xlsx without a password, or as CSV, and try again.",
  file_not_zip:
    "“{file}” is not an .xlsx workbook (it is not a zip file). Save it as .xlsx or CSV and try again.",
  file_unreadable_workbook:
    "“{file}” is not a readable .xlsx workbook. Open it in Excel and save it again as .xlsx.",
  file_zip_size_mismatch:
    "“{file}” is damaged or forged: a part unpacks to a different size than the zip directory says.",
  file_too_many_entries: "“{file}” has {count} entries; a workbook has at most {max}.",
  file_duplicate_parts: "“{file}” holds two parts named {part}, so it is unclear which to read.",
  file_encrypted: "“{file}” is encrypted. Remove the password in Excel and save it again.",
  file_part_too_large:
    "“{file}” is too large to read: the part {part} unpacks to more than the {limit} allowed.",
  file_zip_bomb:
    "“{file}” is refused: the part {part} unpacks to {ratio} times its packed size, which real workbooks never do (at most {max} times is accepted).",
  file_compression_method:
    "“{file}” uses a compression method ({method}) that Excel does not write. Save it again as .xlsx in Excel.",
  file_no_workbook:
    "“{file}” is not an Excel workbook: the part {part} is missing. Save it as .xlsx in Excel.",
  file_no_worksheet: "“{file}” has no worksheet.",
  file_too_many_formats: "“{file}” has more than {max} cell formats, more than Excel itself allows.",
  file_too_many_texts: "“{file}” has more than {max} different texts, more than can be read.",
  file_text_too_long: "“{file}” has a text of more than {max} characters (shared string number {index}).",
  file_too_much_text: "“{file}” has more than {max} characters of text in all, more than can be read.",
  file_xml_doctype:
    "“{file}” is not a readable .xlsx workbook: the part {part} declares a DOCTYPE, which workbooks never do.",
  file_xml_too_deep:
    "“{file}” is not a readable .xlsx workbook: the elements of the part {part} are nested more than {max} deep.",
  file_xml_invalid: "“{file}” is not a readable .xlsx workbook: the part {part} is not valid XML.",
  file_beyond_columns:
    "“{file}” uses cell {cell}, beyond column {column}: at most {max} columns are read. Delete what is in the columns to the right and try again.",
  file_sheet_spans_beyond:
    "“{file}” says its sheet spans {range}, beyond column {column}: at most {max} columns are read. Delete what is in the columns to the right and try again.",
  file_row_beyond_max:
    "“{file}” has a row {row}, more than the {max} rows that can be read. Split it into smaller files.",
  file_cell_too_long: "“{file}” has more than {max} characters in cell {cell}.",
  file_bad_row_number: "“{file}” is damaged: the row number “{value}” is not valid.",
  file_rows_out_of_order: "“{file}” is damaged: row {row} comes after row {previous}.",
  file_cell_outside_row: "“{file}” is damaged: a cell is outside any row.",
  file_bad_cell_reference: "“{file}” is damaged: “{value}” is not a cell reference.",
  file_cells_out_of_order: "“{file}” is damaged: cell {cell} comes after column {column}.",
  file_missing_shared_text: "“{file}” is damaged: cell {cell} points to a text that is missing.",
};

export const fileReasons = { nb, en };

/** A file's problem, listed under the field `file`, reads as the refusal does. */
export const fileFieldProblems = fileReasons;

export type FileReason = keyof typeof nb;
