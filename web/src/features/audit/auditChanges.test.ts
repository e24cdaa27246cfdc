import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { formatMessage, type Locale, type Translate } from "../../i18n/i18n.tsx";
import { nb } from "../../i18n/nb.ts";
import { changedFields, describeValue, fieldLabel, shorten, type ValueContext } from "./auditChanges.ts";

// The audit log's before and after, as the reader sees them: only what changed, in words.

const translate =
  (locale: Locale): Translate =>
  (key, values) =>
    formatMessage((locale === "nb" ? nb : en)[key], values, locale);

const context = (entityType: string, locale: Locale = "nb"): ValueContext => ({
  t: translate(locale),
  locale,
  entityType,
  unitName: (id) => (id === 2 ? "Helse Nord RHF" : undefined),
  userName: (id) => (id === 7 ? "Hanne Nordredaktør" : undefined),
  indicatorName: (id) => (id === 27 ? "INNLEIE – Innleie" : undefined),
});

describe("changedFields", () => {
  it("keeps only the fields that changed, without ids, versions and timestamps", () => {
    const before = { id: 4, state: "open", version: 1, closedAt: null, deadline: "2024-05-31" };
    const after = {
      id: 4,
      state: "closed",
      version: 2,
      closedAt: "2026-01-02T10:00:00Z",
      deadline: "2024-05-31",
    };
    expect(changedFields(before, after)).toEqual([
      { field: "state", before: "open", after: "closed" },
      { field: "closedAt", before: null, after: "2026-01-02T10:00:00Z" },
    ]);
  });

  it("lists a new row's filled-in fields and a removed row's fields", () => {
    expect(changedFields(null, { id: 9, code: "X", validTo: null, path: "/1/9/" })).toEqual([
      { field: "code", before: undefined, after: "X" },
    ]);
    expect(changedFields({ role: "editor", unitId: 2 }, null)).toEqual([
      { field: "role", before: "editor", after: undefined },
      { field: "unitId", before: 2, after: undefined },
    ]);
  });

  it("compares nested values by content, and takes values that are not records as one change", () => {
    expect(changedFields({ rule: { kind: "min", value: 3 } }, { rule: { kind: "min", value: 3 } })).toEqual(
      [],
    );
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields(null, "text")).toEqual([{ field: "", before: null, after: "text" }]);
  });
});

describe("describeValue", () => {
  it("names units and users, and translates coded values by field and kind", () => {
    const round = context("reporting_round");
    expect(describeValue("state", "closed", round)).toBe("Lukket");
    expect(describeValue("state", "submitted", context("answer"))).toBe("Sendt inn");
    expect(describeValue("state", "approved", context("risk_assessment"))).toBe("Godkjent");
    expect(describeValue("level", "yellow", context("risk_assessment"))).toBe("Gul");
    expect(describeValue("residualLevel", "green", context("risk_assessment", "en"))).toBe("Green");
    expect(describeValue("status", "delayed", context("measure"))).toBe("Forsinket");
    expect(describeValue("phase", "in_progress", context("measure"))).toBe("I gjennomføring");
    expect(describeValue("status", "partly_fulfilled", context("answer"))).toBe("Delvis innfridd");
    expect(describeValue("role", "approver", round)).toBe("Godkjenner");
    expect(describeValue("unitId", 2, round)).toBe("Helse Nord RHF");
    expect(describeValue("recipientUnitIds", [2, 5], round)).toBe("Helse Nord RHF, enhet 5");
    expect(describeValue("userId", 7, round)).toBe("Hanne Nordredaktør");
    expect(describeValue("kind", "hospital", context("unit"))).toBe("Sykehus");
    expect(describeValue("kind", "whatever", context("unit"))).toBe("whatever");
    expect(describeValue("state", "closed", context("reporting_round", "en"))).toBe("Closed");
  });

  it("writes empty values, yes and no, dates and numbers in the reader's language", () => {
    const unit = context("unit");
    expect(describeValue("validTo", null, unit)).toBe("(tom)");
    expect(describeValue("validTo", "", unit)).toBe("(tom)");
    expect(describeValue("active", false, unit)).toBe("Nei");
    expect(describeValue("validFrom", "2020-01-01", unit)).toBe("1. jan. 2020");
    expect(describeValue("rows", 14544, unit)).toBe("14\u202f544");
    expect(describeValue("year", 2026, unit)).toBe("2026");
    expect(describeValue("rows", 14544, context("unit", "en"))).toBe("14,544");
  });

  it("writes a nested value field by field", () => {
    expect(
      describeValue("rule", { kind: "change_vs_baseline", share: -0.05 }, context("indicator_target")),
    ).toBe("Type: Endring mot et basisår; Andel: -0,05");
    expect(describeValue("rule", { baselineYear: 2024 }, context("indicator_target"))).toBe("Basisår: 2024");
    expect(describeValue("indicatorId", 27, context("indicator_target"))).toBe("INNLEIE – Innleie");
  });
});

describe("fieldLabel and shorten", () => {
  it("names known fields from the catalogue and unknown ones in words", () => {
    expect(fieldLabel("validFrom", translate("nb"))).toBe("Gyldig fra");
    expect(fieldLabel("validFrom", translate("en"))).toBe("Valid from");
    expect(fieldLabel("someNewField", translate("nb"))).toBe("Some new field");
  });

  it("cuts a long text at a space and leaves a short one alone", () => {
    expect(shorten("kort tekst")).toBe("kort tekst");
    const long = "ord ".repeat(100);
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(162);
    expect(short.endsWith("ord …")).toBe(true);
  });
});
