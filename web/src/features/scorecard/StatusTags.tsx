import { Tag } from "@digdir/designsystemet-react";
import type { AttainmentReason, Colour, Trend } from "../../api/scorecards.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { formatChange } from "./format.ts";

// Colour is never the only signal: each tag has its own symbol and a word, so the status reads
// the same in greyscale, to colour-blind readers and to screen readers (WCAG 1.4.1).

const tagColour: Record<Colour, "success" | "warning" | "danger" | "neutral"> = {
  green: "success",
  yellow: "warning",
  red: "danger",
  grey: "neutral",
};

const attainmentSymbol: Record<Colour, string> = { green: "✓", yellow: "◐", red: "✕", grey: "–" };
const trendSymbol: Record<Colour, string> = { green: "▲", yellow: "▶", red: "▼", grey: "–" };

export function attainmentLabelKey(colour: Colour, reason: AttainmentReason): MessageKey {
  if (colour === "green") return "scorecard.attainment.green";
  if (colour === "yellow") return "scorecard.attainment.yellow";
  if (colour === "red") return "scorecard.attainment.red";
  if (reason === "no_data") return "scorecard.attainment.noData";
  if (reason === "too_few") return "scorecard.attainment.tooFew";
  if (reason === "no_target") return "scorecard.attainment.noTarget";
  return "scorecard.attainment.notAssessed";
}

export function trendLabelKey(colour: Colour): MessageKey {
  if (colour === "green") return "scorecard.trend.green";
  if (colour === "yellow") return "scorecard.trend.yellow";
  if (colour === "red") return "scorecard.trend.red";
  return "scorecard.trend.grey";
}

export function AttainmentTag({ colour, reason }: { colour: Colour; reason: AttainmentReason }) {
  const { t } = useLocale();
  return (
    <Tag data-color={tagColour[colour]} data-size="sm" className={`status-tag status-tag--${colour}`}>
      <span aria-hidden="true" className="status-tag__symbol">
        {attainmentSymbol[colour]}
      </span>
      {t(attainmentLabelKey(colour, reason))}
    </Tag>
  );
}

export function TrendTag({ trend }: { trend: Trend }) {
  const { t, locale } = useLocale();
  return (
    <span className="trend-cell">
      <Tag
        data-color={tagColour[trend.colour]}
        data-size="sm"
        className={`status-tag status-tag--${trend.colour}`}
      >
        <span aria-hidden="true" className="status-tag__symbol">
          {trendSymbol[trend.colour]}
        </span>
        {t(trendLabelKey(trend.colour))}
      </Tag>
      {trend.change !== null && (
        <span className="trend-cell__change">{formatChange(trend.change, trend.mode, locale, t)}</span>
      )}
    </span>
  );
}

/** The symbol alone, for a summary table's row heading that already names the colour in words. */
export function ColourSymbol({ colour, kind }: { colour: Colour; kind: "attainment" | "trend" }) {
  return (
    <span aria-hidden="true" className={`colour-symbol colour-symbol--${colour}`}>
      {kind === "attainment" ? attainmentSymbol[colour] : trendSymbol[colour]}
    </span>
  );
}
