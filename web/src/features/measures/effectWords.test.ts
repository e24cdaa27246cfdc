import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { formatMessage, type Translate } from "../../i18n/i18n.tsx";
import { nb } from "../../i18n/nb.ts";
import { describeEffect, type EffectContext } from "./effectWords.ts";

const tNb: Translate = (key, values) => formatMessage(nb[key], values, "nb");
const tEn: Translate = (key, values) => formatMessage(en[key], values, "en");

const context: EffectContext = {
  indicator: { direction: "higher", decimals: 1, unitLabel: "%" },
  months: [
    { month: "2025-03", value: 76.04 },
    { month: "2025-04", value: 78 },
    { month: "2025-05", value: null },
  ],
  target: 85,
  fullEffectDate: "2025-06-01",
  today: "2025-05-20",
  unitName: "UNN HF",
  from: "2024-01",
  to: "2025-05",
};

// Figures and units are held together by no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("a measure's expected effect in words", () => {
  it("names the expected value, its date, the latest figure and whether it is reached", () => {
    expect(plain(describeEffect(context, tNb, "nb"))).toBe(
      "Forventet effekt: 85,0 % eller høyere innen 1. juni 2025. Vurdert tall til og med apr. 2025: 78,0 %. Den forventede effekten er ikke nådd ennå.",
    );
    expect(plain(describeEffect(context, tEn, "en"))).toBe(
      "Expected effect: 85.0 % or higher by 1 Jun 2025. Assessed figure up to Apr 2025: 78.0 %. The expected effect has not been reached yet.",
    );
  });

  it("lower is better: the expected value is a ceiling, and a figure below it has reached it", () => {
    const lower = {
      ...context,
      indicator: { direction: "lower" as const, decimals: 0, unitLabel: "dager" },
      target: 60,
      months: [{ month: "2025-04", value: 57 }],
    };
    expect(plain(describeEffect(lower, tNb, "nb"))).toBe(
      "Forventet effekt: 60 dager eller lavere innen 1. juni 2025. Vurdert tall til og med apr. 2025: 57 dager. Den forventede effekten er nådd.",
    );
  });

  it("says plainly when there are no figures", () => {
    expect(plain(describeEffect({ ...context, months: [] }, tNb, "nb"))).toBe(
      "Forventet effekt: 85,0 % eller høyere innen 1. juni 2025. Det finnes ingen målinger av indikatoren for UNN HF fra jan. 2024 til mai 2025.",
    );
  });

  it("after the date of full effect: missed, or waiting for the month's figures", () => {
    const june = { month: "2025-06", value: 80 };
    expect(describeEffect({ ...context, months: [june], today: "2025-08-01" }, tNb, "nb")).toMatch(
      /Den forventede effekten ble ikke nådd innen datoen for full effekt\.$/,
    );
    const late = { ...context, fullEffectDate: "2025-04-30", today: "2025-08-01" };
    expect(describeEffect({ ...late, months: [{ month: "2025-03", value: 70 }] }, tNb, "nb")).toMatch(
      /ingen måling fra apr\. 2025 eller senere\.$/,
    );
  });

  it("a linked indicator without an expected value: only the latest figure", () => {
    expect(plain(describeEffect({ ...context, target: null }, tNb, "nb"))).toBe(
      "Vurdert tall til og med apr. 2025: 78,0 %. Tiltaket har ingen forventet verdi på denne indikatoren.",
    );
  });
});
