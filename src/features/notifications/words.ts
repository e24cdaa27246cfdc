// What a notification says, in bokmål and English: one sentence per kind, used by the bell's list
// (in the reader's language) and by the mails (in the recipient's language, users.locale).

import { itemLink, type NotificationKind } from "../../domain/notifications.ts";
import type { Locale } from "../../i18n/locale.ts";
import { fillMessage, type MessageValues } from "../../i18n/render.ts";

const sentences: Record<Locale, Record<NotificationKind, string>> = {
  nb: {
    round_opened: "Rapporteringen {period} for «{document}» er åpnet. Fristen er {deadline}.",
    deadline_soon:
      "Fristen for rapporteringen {period} i «{document}» er om {days, plural, one {# dag} other {# dager}} ({deadline}). Svar fra {unit} er ikke sendt inn.",
    overdue:
      "Fristen for rapporteringen {period} i «{document}» gikk ut {deadline}. Svar fra {unit} er ikke sendt inn.",
    answer_submitted:
      "{unit} har sendt inn svaret på krav {requirement} i «{document}» ({period}) til godkjenning.",
    answer_returned: "Svaret fra {unit} på krav {requirement} i «{document}» ({period}) er sendt tilbake.",
    answer_approved: "Svaret fra {unit} på krav {requirement} i «{document}» ({period}) er godkjent.",
    measure_overdue: "Tiltaket «{measure}» har passert fristen {deadline}.",
    gate_decision_requested:
      "{unit} ber om beslutning ved {gate} i programmet {code} «{programme}» før fase {phase} kan starte.",
  },
  en: {
    round_opened: "Reporting {period} for “{document}” is open. The deadline is {deadline}.",
    deadline_soon:
      "The deadline for reporting {period} in “{document}” is in {days, plural, one {# day} other {# days}} ({deadline}). Answers from {unit} are not submitted.",
    overdue:
      "The deadline for reporting {period} in “{document}” passed on {deadline}. Answers from {unit} are not submitted.",
    answer_submitted:
      "{unit} has submitted its answer to requirement {requirement} in “{document}” ({period}) for approval.",
    answer_returned:
      "The answer from {unit} to requirement {requirement} in “{document}” ({period}) was returned.",
    answer_approved:
      "The answer from {unit} to requirement {requirement} in “{document}” ({period}) is approved.",
    measure_overdue: "The measure “{measure}” is past its deadline of {deadline}.",
    gate_decision_requested:
      "{unit} asks for a decision at {gate} in the programme {code} “{programme}” before phase {phase} can start.",
  },
};

const subjects: Record<Locale, Record<NotificationKind, string>> = {
  nb: {
    round_opened: "Rapporteringen {period} er åpnet",
    deadline_soon: "Frist om {days, plural, one {# dag} other {# dager}}: {period}",
    overdue: "Fristen er passert: {period}",
    answer_submitted: "Svar til godkjenning fra {unit}",
    answer_returned: "Svar sendt tilbake: {unit}",
    answer_approved: "Svar godkjent: {unit}",
    measure_overdue: "Tiltak over fristen: {measure}",
    gate_decision_requested: "Beslutning ønskes: {gate} i {code}",
  },
  en: {
    round_opened: "Reporting {period} is open",
    deadline_soon: "Deadline in {days, plural, one {# day} other {# days}}: {period}",
    overdue: "Deadline passed: {period}",
    answer_submitted: "Answer for approval from {unit}",
    answer_returned: "Answer returned: {unit}",
    answer_approved: "Answer approved: {unit}",
    measure_overdue: "Measure past its deadline: {measure}",
    gate_decision_requested: "Decision asked for: {gate} in {code}",
  },
};

const frame = {
  nb: {
    open: "Åpne",
    digestSubject: "{count, plural, one {# nytt varsel} other {# nye varsler}} i Tertial",
    digestIntro: "Dette har skjedd i Tertial siden sist:",
    footer:
      "Du får denne e-posten fra Tertial. Du kan velge daglig oppsummering, hvert varsel med én gang, eller ingen e-post, under Min konto.",
  },
  en: {
    open: "Open",
    digestSubject: "{count, plural, one {# new notification} other {# new notifications}} in Tertial",
    digestIntro: "This has happened in Tertial since the last mail:",
    footer:
      "You get this e-mail from Tertial. You can choose a daily digest, each notification at once, or no e-mail, under My account.",
  },
};

/** An ISO day as a reader of `locale` writes it: 24.05.2026 in bokmål, 24 May 2026 in English. */
export function formatDay(locale: Locale, day: string): string {
  const [year, month, date] = day.split("-");
  if (locale === "nb") return `${date}.${month}.${year}`;
  const name = new Date(`${day}T00:00:00Z`).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return `${Number(date)} ${name} ${year}`;
}

export type NotificationWords = { kind: NotificationKind; params: Record<string, string | number> };

function values(locale: Locale, params: Record<string, string | number>): MessageValues {
  return {
    ...params,
    ...(typeof params.deadline === "string" ? { deadline: formatDay(locale, params.deadline) } : {}),
  };
}

const deadlineToday: Record<Locale, { sentence: string; subject: string }> = {
  nb: {
    sentence:
      "Fristen for rapporteringen {period} i «{document}» er i dag ({deadline}). Svar fra {unit} er ikke sendt inn.",
    subject: "Frist i dag: {period}",
  },
  en: {
    sentence:
      "The deadline for reporting {period} in “{document}” is today ({deadline}). Answers from {unit} are not submitted.",
    subject: "Deadline today: {period}",
  },
};

/** A reminder on the deadline day itself says "today", not "in 0 days". */
const isToday = ({ kind, params }: NotificationWords) => kind === "deadline_soon" && params.days === 0;

/** The notification's sentence in `locale`. */
export function notificationText(locale: Locale, n: NotificationWords): string {
  const template = isToday(n) ? deadlineToday[locale].sentence : sentences[locale][n.kind];
  return fillMessage(locale, template, values(locale, n.params));
}

type Mailed = NotificationWords & { path: string };

/** One notification as a mail of its own. */
export function singleMail(locale: Locale, publicUrl: string | undefined, n: Mailed) {
  const template = isToday(n) ? deadlineToday[locale].subject : subjects[locale][n.kind];
  const subject = `Tertial: ${fillMessage(locale, template, values(locale, n.params))}`;
  const text = [
    notificationText(locale, n),
    "",
    `${frame[locale].open}: ${itemLink(publicUrl, n.path)}`,
    "",
    "-- ",
    frame[locale].footer,
  ].join("\n");
  return { subject, text };
}

/** A person's notifications of a day as one mail, oldest first, each with its link. */
export function digestMail(locale: Locale, publicUrl: string | undefined, items: readonly Mailed[]) {
  const subject = fillMessage(locale, frame[locale].digestSubject, { count: items.length });
  const lines = [frame[locale].digestIntro, ""];
  for (const n of items) {
    lines.push(`- ${notificationText(locale, n)}`, `  ${itemLink(publicUrl, n.path)}`, "");
  }
  lines.push("-- ", frame[locale].footer);
  return { subject, text: lines.join("\n") };
}
