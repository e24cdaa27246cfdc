import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { formatMessage, type Locale, type Translate } from "../../i18n/i18n.tsx";
import { nb } from "../../i18n/nb.ts";
import { actionWords } from "./AuditTable.tsx";

// The audit log names each action with a verb, workflow steps of answers and risk assessments too.

const translate =
  (locale: Locale): Translate =>
  (key, values) =>
    formatMessage((locale === "nb" ? nb : en)[key], values, locale);

describe("actionWords", () => {
  it.each([
    ["answer_submit", "answer", "Sendte inn", "Submitted"],
    ["risk_assessment_approve", "risk_assessment", "Godkjente", "Approved"],
    ["risk_assessment_return", "risk_assessment", "Sendte tilbake", "Returned"],
    [
      "demo_risk_assessments",
      "reporting_round",
      "Fylte inn demovurderinger av risiko",
      "Filled in demo risk assessments",
    ],
    ["create", "measure", "Opprettet", "Created"],
    ["measure_log", "measure", "Førte status", "Logged status"],
    ["measure_links", "measure", "Endret koblinger", "Changed links"],
    ["close", "unit_risk", "Lukket", "Closed"],
  ])("%s on %s reads %s / %s", (action, entityType, bokmal, english) => {
    expect(actionWords(translate("nb"), { action, entityType })).toBe(bokmal);
    expect(actionWords(translate("en"), { action, entityType })).toBe(english);
  });

  it("shows an action it has no word for as it is", () => {
    expect(actionWords(translate("nb"), { action: "answer_teleport", entityType: "answer" })).toBe(
      "teleport",
    );
  });
});
