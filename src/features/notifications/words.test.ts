import { describe, expect, it } from "vitest";
import { digestMail, formatDay, notificationText, singleMail } from "./words.ts";

const submitted = {
  kind: "answer_submitted" as const,
  path: "/answers/7",
  params: { unit: "UNN", requirement: "R-9", document: "Styringskrav 2024", period: "2024-T1" },
};
const soon = (days: number) => ({
  kind: "deadline_soon" as const,
  path: "/rounds/3",
  params: { period: "2024-T1", document: "Styringskrav 2024", deadline: "2024-05-15", unit: "UNN", days },
});

describe("the words of notifications and mails", () => {
  it("writes days as each language does", () => {
    expect(formatDay("nb", "2025-01-03")).toBe("03.01.2025");
    expect(formatDay("en", "2025-01-03")).toBe("3 January 2025");
  });

  it("counts days in words, and says today on the deadline day", () => {
    expect(notificationText("nb", soon(1))).toContain("er om 1 dag (15.05.2024)");
    expect(notificationText("nb", soon(7))).toContain("er om 7 dager (15.05.2024)");
    expect(notificationText("en", soon(1))).toContain("is in 1 day (15 May 2024)");
    expect(notificationText("nb", soon(0))).toContain("er i dag (15.05.2024)");
    expect(singleMail("en", undefined, soon(0)).subject).toBe("Tertial: Deadline today: 2024-T1");
  });

  it("gives a mail of its own a subject, the sentence and the full link", () => {
    const mail = singleMail("nb", "https://tertial.example.no", submitted);
    expect(mail.subject).toBe("Tertial: Svar til godkjenning fra UNN");
    expect(mail.text).toContain(
      "UNN har sendt inn svaret på krav R-9 i «Styringskrav 2024» (2024-T1) til godkjenning.",
    );
    expect(mail.text).toContain("Åpne: https://tertial.example.no/answers/7");
  });

  it("links to the path alone when the public address is not known", () => {
    expect(singleMail("en", undefined, submitted).text).toContain("Open: /answers/7\n");
  });

  it("lists every notification of a digest, each with its link, under one subject", () => {
    const mail = digestMail("nb", "https://tertial.example.no", [submitted, soon(7)]);
    expect(mail.subject).toBe("2 nye varsler i Tertial");
    expect(mail.text).toContain("- UNN har sendt inn svaret");
    expect(mail.text).toContain("  https://tertial.example.no/answers/7");
    expect(mail.text).toContain("  https://tertial.example.no/rounds/3");
    expect(digestMail("en", undefined, [submitted]).subject).toBe("1 new notification in Tertial");
  });

  it("says which gate of which programme waits for a decision, in both languages", () => {
    const asked = {
      kind: "gate_decision_requested" as const,
      path: "/programmes/4",
      params: { unit: "UNN", gate: "G-0-1", phase: 1, code: "P1", programme: "Styringsmodell" },
    };
    expect(notificationText("nb", asked)).toBe(
      "UNN ber om beslutning ved G-0-1 i programmet P1 «Styringsmodell» før fase 1 kan starte.",
    );
    const mail = singleMail("en", "https://tertial.example.no", asked);
    expect(mail.subject).toBe("Tertial: Decision asked for: G-0-1 in P1");
    expect(mail.text).toContain("UNN asks for a decision at G-0-1 in the programme P1 “Styringsmodell”");
    expect(mail.text).toContain("Open: https://tertial.example.no/programmes/4");
  });
});
