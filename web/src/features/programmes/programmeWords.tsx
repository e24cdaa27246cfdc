// Status colours shown as a coloured mark AND its word (never colour alone), and the words of
// gate decisions, report states and trends.

import type { GateDecisionKind, StatusColour } from "../../api/programmes.ts";
import type { Translate } from "../../i18n/i18n.tsx";

export function colourWord(colour: StatusColour | null, t: Translate): string {
  return colour === null ? t("programmes.colour.none") : t(`programmes.colour.${colour}`);
}

/** A colour as a mark and its word; the mark is decoration, the word carries the meaning. */
export function ColourBadge({
  colour,
  t,
  label,
}: {
  colour: StatusColour | null;
  t: Translate;
  label?: string;
}) {
  const word = colourWord(colour, t);
  return (
    <span className={`status-colour status-colour--${colour ?? "none"}`}>
      <span className="status-colour__mark" aria-hidden="true" />
      {label ? `${label}: ${word}` : word}
    </span>
  );
}

export const decisionWord = (decision: GateDecisionKind, t: Translate) =>
  t(`programmes.decision.${decision}`);

export const trendWord = (trend: "improved" | "unchanged" | "worsened" | null, t: Translate) =>
  trend === null ? t("programmes.trend.none") : t(`programmes.trend.${trend}`);

export const stateWord = (state: "draft" | "submitted" | "approved", t: Translate) =>
  t(`programmes.state.${state}`);

/** "Fase 1: Innføring"; a name that already says which phase it is (the demo's "Fase 1: ...") as it is. */
export function phaseLabel(number: number, name: string, t: Translate): string {
  return /^(fase|phase)\s*\d/i.test(name) ? name : t("programmes.phase.name", { number, name });
}
