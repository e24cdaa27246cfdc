import { Fragment } from "react";
import type { DiffPart } from "../api/steering.ts";
import { useT } from "../i18n/i18n.tsx";

/**
 * A word diff as the server computes it: removed words struck through, added words underlined,
 * each also named in hidden text for screen readers, so neither colour nor styling alone says it.
 */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  const t = useT();
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        const key = `${index}:${part.op}`;
        if (part.op === "equal") return <Fragment key={key}>{part.text}</Fragment>;
        if (part.op === "delete") {
          return (
            <del key={key}>
              <span className="visually-hidden">{t("answers.diff.deletedStart")}</span>
              {part.text}
              <span className="visually-hidden">{t("answers.diff.deletedEnd")}</span>
            </del>
          );
        }
        return (
          <ins key={key}>
            <span className="visually-hidden">{t("answers.diff.insertedStart")}</span>
            {part.text}
            <span className="visually-hidden">{t("answers.diff.insertedEnd")}</span>
          </ins>
        );
      })}
    </p>
  );
}

/** The legend that goes with a diff: what struck through and underlined mean. */
export function DiffLegend() {
  const t = useT();
  return (
    <p className="diff-legend">
      <del>{t("answers.diff.legendDeleted")}</del> <ins>{t("answers.diff.legendInserted")}</ins>
    </p>
  );
}
