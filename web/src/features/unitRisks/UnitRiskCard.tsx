import { Button, Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { RiskScale } from "../../api/risk.ts";
import { type UnitRiskRow, useCloseUnitRisk } from "../../api/unitRisks.ts";
import { formatDateTime } from "../../components/dates.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ChangeText, LevelBadge } from "../risk/RiskLabels.tsx";
import { useAreaName } from "./areaNames.ts";
import { UnitRiskAssessmentForm } from "./UnitRiskAssessmentForm.tsx";
import { EditUnitRiskForm } from "./UnitRiskForm.tsx";
import { levelOf } from "./UnitRiskOverview.tsx";
import { horizonName, riskPeriodName } from "./unitRiskWords.ts";

type CardProps = {
  risk: UnitRiskRow;
  scale: RiskScale;
  areas: readonly string[];
  period: string;
  previousPeriod: string | null;
  mayEdit: boolean;
  onDone: (message: string) => void;
};

/** One risk: its rank and title, what it is, its level now and in the period before, and the change. */
export function UnitRiskCard({ risk, scale, areas, period, previousPeriod, mayEdit, onDone }: CardProps) {
  const { t, locale } = useLocale();
  const nameOfArea = useAreaName();
  const headingId = `unit-risk-${risk.id}`;
  const closed = risk.closedAt !== null;
  const current = riskPeriodName(period, t);
  return (
    <article className="unit-risk" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId} className="unit-risk__title">
        {!closed && (
          <span className="unit-risk__rank" title={t("unitRisks.rankLabel", { rank: risk.rank })}>
            {t("unitRisks.rank", { rank: risk.rank })}
          </span>
        )}{" "}
        {risk.title}
      </Heading>
      {closed && risk.closedAt && (
        <Paragraph data-size="sm">
          {t("unitRisks.closed.at", { date: formatDateTime(risk.closedAt, locale) })}
        </Paragraph>
      )}
      <dl className="unit-risk__levels">
        <div>
          <dt>{t("unitRisks.level.current", { period: current })}</dt>
          <dd>
            <LevelBadge level={levelOf(scale, risk.assessment?.level)} />
          </dd>
        </div>
        <div>
          <dt>
            {previousPeriod
              ? t("unitRisks.level.previous", { period: riskPeriodName(previousPeriod, t) })
              : t("unitRisks.level.noPrevious")}
          </dt>
          <dd>
            <LevelBadge level={levelOf(scale, risk.previous?.level)} />
          </dd>
        </div>
        <div>
          <dt>{t("unitRisks.level.change")}</dt>
          <dd>
            <ChangeText change={risk.change} />
          </dd>
        </div>
      </dl>
      <dl className="unit-risk__facts">
        <dt>{t("unitRisks.field.area")}</dt>
        <dd>{nameOfArea(risk.area)}</dd>
        <dt>{t("unitRisks.field.likelyEvents")}</dt>
        <dd>{risk.likelyEvents || t("unitRisks.noText")}</dd>
        <dt>{t("unitRisks.field.consequences")}</dt>
        <dd>{risk.consequences || t("unitRisks.noText")}</dd>
        <dt>{t("unitRisks.field.ownerName")}</dt>
        <dd>{risk.ownerName || t("unitRisks.noOwner")}</dd>
        <dt>{t("unitRisks.field.horizon")}</dt>
        <dd>{horizonName(risk.horizon, t)}</dd>
        {risk.assessment?.justification && (
          <>
            <dt>{t("unitRisks.level.justification", { period: current })}</dt>
            <dd>
              <Markdown text={risk.assessment.justification} />
            </dd>
          </>
        )}
      </dl>
      {mayEdit && !closed && (
        <RiskActions risk={risk} scale={scale} areas={areas} period={period} onDone={onDone} />
      )}
    </article>
  );
}

/** Assess, change and close; each form folds away again once it has saved. */
function RiskActions({
  risk,
  scale,
  areas,
  period,
  onDone,
}: Pick<CardProps, "risk" | "scale" | "areas" | "period" | "onDone">) {
  const { t } = useLocale();
  const [round, setRound] = useState(0);
  const done = (message: string) => {
    setRound((value) => value + 1);
    onDone(message);
  };
  return (
    <div className="unit-risk__actions" key={round}>
      <Details>
        <Details.Summary>
          {t("unitRisks.assess.title", { period: riskPeriodName(period, t) })}
        </Details.Summary>
        <Details.Content>
          <UnitRiskAssessmentForm risk={risk} period={period} scale={scale} onDone={done} />
        </Details.Content>
      </Details>
      <Details>
        <Details.Summary>{t("unitRisks.edit.title")}</Details.Summary>
        <Details.Content>
          <EditUnitRiskForm
            risk={risk}
            areas={areas}
            onDone={(title) => done(t("unitRisks.edit.done", { title }))}
          />
        </Details.Content>
      </Details>
      <CloseRisk risk={risk} onDone={onDone} />
    </div>
  );
}

/** Closing asks once: the risk leaves the list and its rank is freed, its assessments are kept. */
function CloseRisk({ risk, onDone }: { risk: UnitRiskRow; onDone: (message: string) => void }) {
  const { t } = useLocale();
  const close = useCloseUnitRisk(risk.id);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {t("unitRisks.close.button")}
        </Button>
      </div>
    );
  }
  return (
    <div className="unit-risk__confirm">
      <Paragraph>{t("unitRisks.close.confirm", { title: risk.title, rank: risk.rank })}</Paragraph>
      <div className="unit-risk__buttons">
        <Button
          data-color="danger"
          loading={close.isPending}
          onClick={() =>
            close.mutate(
              { version: risk.version },
              { onSuccess: () => onDone(t("unitRisks.close.done", { title: risk.title })) },
            )
          }
        >
          {t("unitRisks.close.yes")}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t("unitRisks.close.cancel")}
        </Button>
      </div>
      {close.error !== null && <ProblemAlert error={close.error} headingLevel={4} />}
    </div>
  );
}
