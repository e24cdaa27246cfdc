import "./measures.css";
import { Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { type Measure, useMeasure } from "../../api/measures.ts";
import { formatDateTime } from "../../components/dates.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { MeasureEditForm } from "./MeasureEditForm.tsx";
import { MeasureEffect } from "./MeasureEffect.tsx";
import { MeasureFlags, usePhaseStatus } from "./MeasureLabels.tsx";
import { MeasureLogForm } from "./MeasureLogForm.tsx";

const measureRoute = getRouteApi("/app/measures/$id");

/** One measure: its facts, what it is linked to, its status log, and the forms the caller may use. */
export function MeasurePage() {
  const { t } = useLocale();
  const { id } = measureRoute.useParams();
  const measure = useMeasure(Number(id));
  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/measures">{t("measures.title")}</RouterLink>
    </nav>
  );
  if (measure.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (measure.isError) {
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("measures.title")}</PageTitle>
        <ProblemAlert error={measure.error} headingLevel={2} />
      </div>
    );
  }
  const data = measure.data;
  return (
    <div className="page measure-page">
      {crumbs}
      <PageTitle>{data.title}</PageTitle>
      <MeasureFacts measure={data} />
      <MeasureEffect measure={data} />
      <MeasureLinks measure={data} />
      <MeasureLog measure={data} />
      {data.can.log && <MeasureLogForm measure={data} />}
      {data.can.edit && <MeasureEditForm key={data.id} measure={data} />}
    </div>
  );
}

function MeasureFacts({ measure }: { measure: Measure }) {
  const { t } = useLocale();
  const words = usePhaseStatus();
  return (
    <section aria-labelledby="measure-facts">
      <Heading level={2} data-size="sm" id="measure-facts">
        {t("measures.detail.facts")}
      </Heading>
      <dl className="measure-facts">
        <dt>{t("measures.col.unit")}</dt>
        <dd>{measure.unit.name}</dd>
        <dt>{t("measures.col.owner")}</dt>
        <dd>{[measure.ownerName, measure.ownerRole].filter(Boolean).join(", ") || t("measures.noOwner")}</dd>
        <dt>{t("measures.col.phase")}</dt>
        <dd>{words.phase(measure.phase)}</dd>
        <dt>{t("measures.col.status")}</dt>
        <dd>
          {words.status(measure.status)} <MeasureFlags item={measure} />
        </dd>
        <dt>{t("measures.detail.start")}</dt>
        <dd>{words.date(measure.start)}</dd>
        <dt>{t("measures.col.deadline")}</dt>
        <dd>{words.date(measure.deadline)}</dd>
        <dt>{t("measures.detail.effectIndicator")}</dt>
        <dd>
          {measure.effectIndicator ? (
            <RouterLink to="/indicators/$id" params={{ id: String(measure.effectIndicator.id) }}>
              {measure.effectIndicator.code} {measure.effectIndicator.name}
            </RouterLink>
          ) : (
            t("measures.noDate")
          )}
        </dd>
        <dt>{t("measures.detail.effectTarget")}</dt>
        <dd>{measure.effectTarget ?? t("measures.noDate")}</dd>
        <dt>{t("measures.detail.fullEffect")}</dt>
        <dd>{words.date(measure.fullEffectDate)}</dd>
      </dl>
      {measure.description && (
        <>
          <Heading level={3} data-size="xs">
            {t("measures.detail.description")}
          </Heading>
          <Markdown text={measure.description} />
        </>
      )}
      {measure.expectedEffect && (
        <>
          <Heading level={3} data-size="xs">
            {t("measures.detail.expectedEffect")}
          </Heading>
          <Markdown text={measure.expectedEffect} />
        </>
      )}
    </section>
  );
}

function MeasureLinks({ measure }: { measure: Measure }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="measure-links">
      <Heading level={2} data-size="sm" id="measure-links">
        {t("measures.detail.links")}
      </Heading>
      {measure.links.length === 0 ? (
        <Paragraph>{t("measures.detail.noLinks")}</Paragraph>
      ) : (
        <ul>
          {measure.links.map((link) => (
            <li key={`${link.kind}-${link.targetId}`}>
              {t(`measures.detail.link.${link.kind}`)}:{" "}
              {!link.readable ? (
                t("measures.detail.unreadable")
              ) : link.kind === "indicator" ? (
                <RouterLink to="/indicators/$id" params={{ id: String(link.targetId) }}>
                  {[link.number, link.title].filter(Boolean).join(" ")}
                </RouterLink>
              ) : (
                [link.number, link.title, link.context && `(${link.context})`].filter(Boolean).join(" ")
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeasureLog({ measure }: { measure: Measure }) {
  const { t, locale } = useLocale();
  const words = usePhaseStatus();
  return (
    <section aria-labelledby="measure-log">
      <Heading level={2} data-size="sm" id="measure-log">
        {t("measures.log.title")}
      </Heading>
      {measure.log.length === 0 ? (
        <Paragraph>{t("measures.log.none")}</Paragraph>
      ) : (
        <ul className="measure-log">
          {measure.log.map((entry) => (
            <li key={entry.id}>
              <strong>
                {t("measures.log.entry", {
                  period: entry.period,
                  on: words.date(entry.on),
                  phase: words.phase(entry.phase),
                  status: words.status(entry.status),
                  actor: entry.actorName,
                })}
              </strong>
              <span className="visually-hidden"> {formatDateTime(entry.at, locale)}</span>
              <Markdown text={entry.text} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
