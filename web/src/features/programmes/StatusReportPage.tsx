import "./programmes.css";
import {
  Button,
  Fieldset,
  Paragraph,
  Radio,
  Spinner,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useState } from "react";
import {
  type StatusAspect,
  type StatusColour,
  type StatusReport,
  type StatusReportAction,
  statusAspectList,
  statusColourList,
  useProgramme,
  useSaveStatusReport,
  useStatusReport,
  useStepStatusReport,
} from "../../api/programmes.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ColourBadge, stateWord } from "./programmeWords.tsx";

const reportRoute = getRouteApi("/app/programmes/$id/status-reports/$reportId");

type Draft = Record<`${StatusAspect}Colour`, StatusColour | null> & Record<`${StatusAspect}Text`, string>;

const draftOf = (report: StatusReport): Draft =>
  Object.fromEntries(
    statusAspectList.flatMap((aspect) => [
      [`${aspect}Colour`, report[`${aspect}Colour`]],
      [`${aspect}Text`, report[`${aspect}Text`]],
    ]),
  ) as Draft;

function AspectFields({
  aspect,
  draft,
  setDraft,
  error,
  disabled,
}: {
  aspect: StatusAspect;
  draft: Draft;
  setDraft: (change: (current: Draft) => Draft) => void;
  error: unknown;
  disabled: boolean;
}) {
  const { t } = useLocale();
  const name = useId();
  const colourKey = `${aspect}Colour` as const;
  const textKey = `${aspect}Text` as const;
  return (
    <div className="status-aspect">
      <Fieldset>
        <Fieldset.Legend>{t(`programmes.aspect.${aspect}`)}</Fieldset.Legend>
        <div className="status-colours">
          {statusColourList.map((colour) => (
            <Radio
              key={colour}
              name={name}
              value={colour}
              disabled={disabled}
              label={<ColourBadge colour={colour} t={t} />}
              checked={draft[colourKey] === colour}
              onChange={() => setDraft((current) => ({ ...current, [colourKey]: colour }))}
            />
          ))}
        </div>
        {fieldError(error, colourKey) && (
          <ValidationMessage>{fieldError(error, colourKey)}</ValidationMessage>
        )}
      </Fieldset>
      <Textfield
        label={`${t("programmes.report.text")}: ${t(`programmes.aspect.${aspect}`).toLowerCase()}`}
        multiline
        rows={2}
        readOnly={disabled}
        value={draft[textKey]}
        onChange={(event) => setDraft((current) => ({ ...current, [textKey]: event.target.value }))}
        error={fieldError(error, textKey)}
      />
    </div>
  );
}

/** A status report: colour and text per aspect; save, submit, withdraw, approve or return. */
export function StatusReportPage() {
  const { t } = useLocale();
  const { id, reportId } = reportRoute.useParams();
  const programme = useProgramme(Number(id));
  const report = useStatusReport(Number(id), Number(reportId));
  const save = useSaveStatusReport(Number(id), Number(reportId));
  const step = useStepStatusReport(Number(id), Number(reportId));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const data = report.data;
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);

  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/programmes">{t("programmes.crumbs")}</RouterLink>
      {" / "}
      <RouterLink to="/programmes/$id" params={{ id }}>
        {programme.data ? `${programme.data.code}: ${programme.data.title}` : t("programmes.report.back")}
      </RouterLink>
    </nav>
  );
  if (report.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (report.isError || !data) {
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("programmes.reports")}</PageTitle>
        <ProblemAlert error={report.error} headingLevel={2} />
      </div>
    );
  }
  const current = draft ?? draftOf(data);
  const editable = data.can.save;
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { version: data.version, ...current },
      { onSuccess: () => setMessage(t("programmes.report.saved")) },
    );
  };
  const act = (action: StatusReportAction) => {
    const send = (version: number) =>
      step.mutate(
        { action, version, comment },
        { onSuccess: () => setMessage(t(`programmes.report.done.${action}`)) },
      );
    // Unsaved changes go with a submit, so that what the writer sees is what is sent.
    if (action === "submit" && editable)
      save.mutate({ version: data.version, ...current }, { onSuccess: (saved) => send(saved.version) });
    else send(data.version);
  };
  return (
    <div className="page status-report-page">
      {crumbs}
      <PageTitle>{t("programmes.report.title", { period: data.period })}</PageTitle>
      <Paragraph className="page-intro">
        {t("programmes.report.intro", { programme: programme.data?.title ?? "" })}
      </Paragraph>
      <Paragraph>{t("programmes.report.state", { state: stateWord(data.state, t) })}</Paragraph>
      {data.returnComment && data.state === "draft" && (
        <Paragraph>{t("programmes.report.returned", { comment: data.returnComment })}</Paragraph>
      )}
      {!editable && <Paragraph>{t("programmes.report.readOnly")}</Paragraph>}
      <LiveStatus message={message} />
      {!editable && (
        <dl className="programme-facts status-summary">
          {statusAspectList.map((aspect) => (
            <div key={aspect} style={{ display: "contents" }}>
              <dt>{t(`programmes.aspect.${aspect}`)}</dt>
              <dd>
                <ColourBadge colour={data[`${aspect}Colour`]} t={t} />
                {data[`${aspect}Text`] && <Paragraph data-size="sm">{data[`${aspect}Text`]}</Paragraph>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <form className="programme-form" onSubmit={onSave}>
        {editable &&
          statusAspectList.map((aspect) => (
            <AspectFields
              key={aspect}
              aspect={aspect}
              draft={current}
              setDraft={(change) => setDraft(change(current))}
              error={save.error ?? step.error}
              disabled={!editable}
            />
          ))}
        <ProblemAlert
          error={save.error ?? step.error}
          headingLevel={2}
          labelFor={(field) => {
            const aspect = statusAspectList.find(
              (name) => field === `${name}Colour` || field === `${name}Text`,
            );
            if (!aspect) return undefined;
            const name = t(`programmes.aspect.${aspect}`);
            return field.endsWith("Text") ? `${t("programmes.report.text")}: ${name.toLowerCase()}` : name;
          }}
        />
        {(data.can.approve || data.can.return) && (
          <Textfield
            label={t("programmes.report.returnComment")}
            multiline
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
        <div className="programme-actions">
          {editable && (
            <Button type="submit" variant="secondary" loading={save.isPending && !step.isPending}>
              {t("programmes.report.save")}
            </Button>
          )}
          {(["submit", "withdraw", "approve", "return"] as const)
            .filter((action) => data.can[action])
            .map((action) => (
              <Button
                key={action}
                type="button"
                variant={action === "submit" || action === "approve" ? "primary" : "secondary"}
                loading={step.isPending && step.variables?.action === action}
                onClick={() => act(action)}
              >
                {t(`programmes.report.${action}`)}
              </Button>
            ))}
        </div>
      </form>
    </div>
  );
}
