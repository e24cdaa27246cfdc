import { Table } from "@digdir/designsystemet-react";
import type { CSSProperties } from "react";
import type { RiskChange, RiskLevel } from "../../api/risk.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { noLevelPalette, riskPalette } from "./riskLevels.ts";

// A level is always its name in words on its colour (WCAG 1.4.1); the change since the period
// before is a word, never an arrow or a colour alone.

/** The fill and text of a level (or of no level); a badge has the edge too, a table cell white lines. */
export function levelStyle(level: RiskLevel | null, withEdge = false): CSSProperties {
  const colours = level ? riskPalette[level.colour] : noLevelPalette;
  return {
    backgroundColor: colours.fill,
    color: colours.text,
    ...(withEdge ? { borderColor: colours.edge } : {}),
  };
}

export function useLevelName() {
  const { t, locale } = useLocale();
  return (level: RiskLevel | null) => (level ? level.label[locale] : t("risk.level.none"));
}

export function LevelBadge({ level }: { level: RiskLevel | null }) {
  const name = useLevelName();
  return (
    <span className={`risk-badge${level ? "" : " risk-badge--none"}`} style={levelStyle(level, true)}>
      {name(level)}
    </span>
  );
}

/** A table cell in the level's colour with the level's name, as seed 003's Tabell 3 prints it. */
export function LevelCell({ level }: { level: RiskLevel | null }) {
  const name = useLevelName();
  return (
    <Table.Cell className="risk-level-cell" style={levelStyle(level)}>
      {name(level)}
    </Table.Cell>
  );
}

export function ChangeText({ change }: { change: RiskChange }) {
  const { t } = useLocale();
  return <span className={`risk-change risk-change--${change}`}>{t(`risk.change.${change}`)}</span>;
}

export function CarriedForwardNote() {
  const { t } = useLocale();
  return <span className="risk-carried">{t("risk.carriedForward")}</span>;
}
