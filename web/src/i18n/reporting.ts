// The words of the answer workflow's later steps (withdraw, approval comments, the next and the
// previous answer), the inbox's late work and the start page (web/src/features/answers, inbox,
// start), spread into nb.ts (and, in English, reporting.en.ts into en.ts).

export const reportingNb = {
  "answers.action.withdraw": "Trukket tilbake",
  "answers.withdraw": "Trekk tilbake til utkast",
  "answers.withdrawHelp":
    "Svaret venter på godkjenning. Du kan trekke det tilbake for å endre det, så lenge det ikke er godkjent eller returnert.",
  "answers.done.withdrawn": "Svaret er trukket tilbake og er et utkast igjen.",
  "answers.approveComment": "Kommentar til godkjenningen (valgfritt)",
  "answers.approveCommentHelp": "Vises for den som skrev svaret, og i historikken. Høyst 2000 tegn.",
  "answers.approveCommentTooLong": "Kommentaren kan være høyst 2000 tegn ({count} nå).",
  "answers.approval.heading": "Godkjent",
  "answers.approval.by": "Godkjent av {name}, {time}.",
  "answers.approval.comment": "Kommentar fra godkjenner",

  "answers.next.nav": "Neste svar",
  "answers.next.link": "Neste svar: krav {number}, {unit}",
  "answers.next.remaining": "{count} svar i runden venter på deg.",
  "answers.next.none": "Ingen andre svar i runden venter på deg.",
  "answers.next.toInbox": "Til innboksen",

  "answers.previous.heading": "Forrige svar: {period}",
  "answers.previous.none": "Enheten har ikke svart på kravet i en tidligere periode.",
  "answers.previous.changed": "Sist endret av {name}, {time}.",
  "answers.previous.open": "Åpne svaret fra {period}",

  "inbox.overdueHeading": "Forsinket ({count})",
  "inbox.overdueIntro": "Svar i listene over som har passert fristen og ikke er godkjent.",
  "inbox.overdueEmpty": "Ingen av svarene som venter på deg, er forsinket.",
  "inbox.column.daysLate": "Dager over frist",
  "inbox.noWorkRolesStart":
    "Du har ingen redaktør- eller godkjennerrolle, så innboksen din er tom. Oversikten viser rapporteringen som pågår i enhetene dine, og svarene som er forsinket.",
  "inbox.startLink": "Oversikt over enhetene dine, med alle forsinkede svar",

  "start.nav": "Oversikt",
  "start.title": "Oversikt",
  "start.intro":
    "Status for {unit}: målekortet for siste periode med data, rapporteringsrunder som pågår, og forsinkede svar.",
  "start.noUnit": "Du har ingen rolle på en enhet ennå. Be en administrator om tilgang.",
  "start.scorecard.heading": "Målekort",
  "start.scorecard.period": "{unit}, {period}",
  "start.scorecard.none": "Enheten har ingen tall i målekortet ennå.",
  "start.scorecard.total": "{count} indikatorer",
  "start.scorecard.open": "Åpne målekortet",
  "start.rounds.heading": "Rapportering som pågår",
  "start.rounds.none": "Ingen rapporteringsrunder er åpne.",
  "start.rounds.progress": "{approved} av {total} svar godkjent",
  "start.rounds.details": "{submitted} venter på godkjenning · {draft} utkast · {overdue} forsinket",
  "start.rounds.deadline": "Frist {date}",
  "start.overdue.summary": "Forsinkede svar",
  "start.toInbox": "Gå til innboksen",
  "inbox.risk.heading": "Risikovurderinger ({count})",
  "inbox.risk.intro": "Mål som skal risikovurderes i åpne runder, per enhet.",
  "inbox.risk.empty": "Du har ingen risikovurderinger å skrive eller godkjenne.",
  "inbox.risk.column.round": "Dokument og periode",
  "inbox.risk.column.unit": "Enhet",
  "inbox.risk.column.toWrite": "Til skriving",
  "inbox.risk.column.toApprove": "Til godkjenning",
  "inbox.risk.carried":
    "{count, plural, one {# ført videre, ikke gjennomgått} other {# ført videre, ikke gjennomgått}}",
  "inbox.risk.returned": "{count, plural, one {# returnert} other {# returnert}}",
  "inbox.risk.open": "Åpne risikovurderingene",
} as const;
