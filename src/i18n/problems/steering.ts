// Steering documents: documents, chapters, requirements, versions and requirement tables.

const nb = {
  steering_document_not_found:
    "Fant ikke styringsdokumentet. Det kan være slettet, eller adressen kan være feil.",
  steering_chapter_not_found: "Fant ikke kapittelet. Det kan være slettet, eller adressen kan være feil.",
  steering_requirement_not_found: "Fant ikke kravet. Det kan være slettet, eller adressen kan være feil.",
  steering_create_needs_editor:
    "Du må ha rollen redaktør eller administrator for «{unit}» for å skrive dokumenter for enheten.",
  steering_change_needs_editor:
    "Du må ha rollen redaktør eller administrator for «{unit}» for å endre dokumentene til enheten.",
  steering_publish_needs_approver:
    "Du må ha rollen godkjenner eller administrator for «{unit}» for å publisere dokumentene til enheten.",
  steering_published_read_only:
    "«{title}» versjon {versionNumber} er publisert og kan ikke endres. Lag en ny versjon for å endre det.",
  steering_unknown_issuer: "Enheten {unitId} finnes ikke. Velg en annen utstedende enhet.",
  steering_invalid_recipients: "Noen av mottakerne kan ikke motta dette dokumentet.",
  steering_recipient_still_named:
    "{count, plural, one {Kravet} other {Kravene}} {requirements} viser til en mottaker du fjerner. Endre dem først.",
  steering_already_published: "«{title}» er allerede publisert.",
  steering_no_requirements: "«{title}» har ingen krav ennå. Legg til krav før du publiserer.",
  steering_chapter_not_empty:
    "Kapittelet «{title}» har fortsatt {count, plural, one {# krav} other {# krav}}. Flytt eller slett dem først.",
  steering_chapter_order_incomplete:
    "Oppgi hvert kapittel i dokumentet nøyaktig én gang, i den nye rekkefølgen.",
  steering_compare_other_document: "Bare versjoner av samme dokument kan sammenlignes.",
  steering_draft_in_progress: "Versjon {versionNumber} av «{title}» er allerede under arbeid. Fortsett der.",
  steering_newer_version: "Versjon {versionNumber} er nyere. Lag den nye versjonen ut fra den.",
  steering_version_made_meanwhile: "Noen andre laget nettopp en ny versjon. Last inn siden på nytt.",
  steering_number_in_use: "Kravnummeret {number} er allerede brukt i dette dokumentet. Velg et annet nummer.",
  steering_invalid_requirement: "Kravet kan ikke lagres slik det står. Rett feltene som er merket.",
  requirement_table_has_problems:
    "«{file}» har {count, plural, one {# feil} other {# feil}} på {rows, plural, one {# rad} other {# rader}}, så ingenting ble importert. Rett feilene og importer på nytt.",
  requirement_table_too_large: "Filen er større enn grensen på {limit} for en kravtabell.",
} as const;

const en: Record<keyof typeof nb, string> = {
  steering_document_not_found:
    "The steering document was not found. It may have been deleted, or the address may be wrong.",
  steering_chapter_not_found:
    "The chapter was not found. It may have been deleted, or the address may be wrong.",
  steering_requirement_not_found:
    "The requirement was not found. It may have been deleted, or the address may be wrong.",
  steering_create_needs_editor:
    "You need the editor or administrator role on “{unit}” to write its documents.",
  steering_change_needs_editor:
    "You need the editor or administrator role on “{unit}” to change its documents.",
  steering_publish_needs_approver:
    "You need the approver or administrator role on “{unit}” to publish its documents.",
  steering_published_read_only:
    "“{title}” version {versionNumber} is published and cannot be changed. Make a new version to change it.",
  steering_unknown_issuer: "There is no unit {unitId}. Choose another issuing unit.",
  steering_invalid_recipients: "Some of the recipients cannot receive this document.",
  steering_recipient_still_named:
    "{count, plural, one {Requirement} other {Requirements}} {requirements} name a recipient you are removing. Change them first.",
  steering_already_published: "“{title}” is already published.",
  steering_no_requirements: "“{title}” has no requirements yet. Add some before publishing.",
  steering_chapter_not_empty:
    "The chapter “{title}” still has {count, plural, one {# requirement} other {# requirements}}. Move or delete them first.",
  steering_chapter_order_incomplete: "Give every chapter of the document exactly once, in the new order.",
  steering_compare_other_document: "Only versions of the same document can be compared.",
  steering_draft_in_progress:
    "Version {versionNumber} of “{title}” is already being drafted. Continue there.",
  steering_newer_version: "Version {versionNumber} is newer. Make the new version from it.",
  steering_version_made_meanwhile: "Someone else just made a new version. Reload the page.",
  steering_number_in_use:
    "The requirement number {number} is already used in this document. Choose another number.",
  steering_invalid_requirement: "The requirement cannot be saved as it stands. Correct the fields marked.",
  requirement_table_has_problems:
    "“{file}” has {count, plural, one {# problem} other {# problems}} on {rows, plural, one {# row} other {# rows}}, so nothing was imported. Correct them and import again.",
  requirement_table_too_large: "The file is larger than the limit of {limit} for a requirement table.",
};

export const steeringReasons = { nb, en };

const fieldNb = {
  // Documents, chapters and requirements.
  steering_unknown_unit_id: "enheten {unitId} finnes ikke",
  steering_not_below_issuer:
    "{unit} ligger ikke under {issuer}; et dokument sendes til enheter under utstederen",
  steering_recipient_named_by: "er fortsatt nevnt i krav {requirements}",
  steering_recipients_required: "velg minst én mottakerenhet",
  steering_applies_to_required: "velg minst én enhet, eller «all» for alle mottakere",
  steering_frequency_required: "velg minst én av T1, T2 og årlig",
  steering_chapter_not_in_document: "er ikke et kapittel i dette dokumentet",
  steering_not_recipient: "{unit} er ikke mottaker av dette dokumentet",
  steering_lead_not_answering: "må være en av enhetene kravet gjelder for",
  steering_not_indicator_kind: "bare et krav av typen indikator kan følge en indikator",
  steering_unknown_indicator: "indikatoren {indicatorId} finnes ikke",
  steering_unknown_requirement: "kravet {requirementId} finnes ikke",
  steering_source_not_published: "må være et krav i et publisert dokument",
  steering_source_not_earlier_year: "et krav fra utstederens eget dokument må være fra et tidligere år",
  steering_source_not_from_above:
    "må komme fra et dokument som en enhet over {issuer} har sendt til {issuer}, eller fra et dokument {issuer} laget et tidligere år",
  steering_each_chapter_once: "må nevne hvert kapittel i dokumentet nøyaktig én gang",
  steering_other_document: "er en versjon av et annet dokument",
  // A requirement table, cell by cell (src/domain/requirementTable.ts).
  requirement_table_missing_column:
    "overskriftsraden mangler en kolonne som må være med; godtatte navn er: {accepted}",
  requirement_table_no_rows: "tabellen har ingen rader med krav",
  requirement_number_in_document: "{number} er allerede brukt i dette dokumentet",
  requirement_number_repeated: "{number} er også brukt på rad {firstRow}",
  requirement_kind_unknown: "«{value}» er ikke en av: mål, indikator, oppdrag",
  requirement_applies_to_required: "må fylles ut: enhetskoder, eller «Alle» for alle mottakere",
  requirement_unknown_unit_code: "det finnes ingen enhet med koden «{value}»",
  requirement_frequency_unknown:
    "«{value}» forstås ikke; skriv for eksempel «T1, T2, årlig», «halvårlig» eller «årlig»",
  requirement_deadline_not_date: "«{value}» er ikke en dato; skriv 2024-08-31 eller 31.08.2024",
  requirement_risk_not_yes_no: "«{value}» er verken ja eller nei",
  requirement_lead_not_answering: "{unit} må være en av enhetene kravet gjelder for",
  requirement_cell_too_long: "kan ha høyst {maximum} tegn; denne har {length}",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  steering_unknown_unit_id: "there is no unit {unitId}",
  steering_not_below_issuer: "{unit} is not below {issuer}; a document is sent to units below its issuer",
  steering_recipient_named_by: "is still named by requirements {requirements}",
  steering_recipients_required: "name at least one recipient unit",
  steering_applies_to_required: "name at least one unit, or “all” for every recipient",
  steering_frequency_required: "name at least one of T1, T2 and annual",
  steering_chapter_not_in_document: "is not a chapter of this document",
  steering_not_recipient: "{unit} is not a recipient of this document",
  steering_lead_not_answering: "must be one of the units the requirement applies to",
  steering_not_indicator_kind: "only a requirement of the kind indicator can follow an indicator",
  steering_unknown_indicator: "there is no indicator {indicatorId}",
  steering_unknown_requirement: "there is no requirement {requirementId}",
  steering_source_not_published: "must be a requirement of a published document",
  steering_source_not_earlier_year: "a requirement of the issuer's own document must be from an earlier year",
  steering_source_not_from_above:
    "must come from a document sent to {issuer} by a unit above {issuer}, or from a document {issuer} made in an earlier year",
  steering_each_chapter_once: "must list each chapter of the document exactly once",
  steering_other_document: "is a version of another document",
  requirement_table_missing_column:
    "the header row lacks a column that must be there; accepted names are: {accepted}",
  requirement_table_no_rows: "the table has no requirement rows",
  requirement_number_in_document: "{number} is already used in this document",
  requirement_number_repeated: "{number} is also used on row {firstRow}",
  requirement_kind_unknown: "“{value}” is not one of: goal, indicator, assignment",
  requirement_applies_to_required: "is required: unit codes, or “All” for every recipient",
  requirement_unknown_unit_code: "there is no unit with the code “{value}”",
  requirement_frequency_unknown:
    "“{value}” is not understood; write for example “T1, T2, annual”, “half-yearly” or “annual”",
  requirement_deadline_not_date: "“{value}” is not a date; write 2024-08-31 or 31.08.2024",
  requirement_risk_not_yes_no: "“{value}” is neither yes nor no",
  requirement_lead_not_answering: "{unit} must be one of the units the requirement applies to",
  requirement_cell_too_long: "can have at most {maximum} characters; this one has {length}",
};

export const steeringFieldProblems = { nb: fieldNb, en: fieldEn };
