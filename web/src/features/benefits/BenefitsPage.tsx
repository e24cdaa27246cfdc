import "../scorecard/scorecard.css";
import "./benefits.css";
import { Alert, Button, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { type BenefitOwnerKind, useBenefitPlan, useDeleteBenefit } from "../../api/benefits.ts";
import { formatDate } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { BenefitChartSection } from "./BenefitChartSection.tsx";
import { EditBenefitForm, NewBenefitForm } from "./BenefitForm.tsx";
import { BenefitPlanTable } from "./BenefitPlanTable.tsx";
import { ConfirmDeleteButton } from "./ConfirmDeleteButton.tsx";
import { CostsSection } from "./CostsSection.tsx";

const programmeBenefitsRoute = getRouteApi("/app/programmes/$id/benefits");
const actionPlanBenefitsRoute = getRouteApi("/app/action-plans/$id/benefits");

export function ProgrammeBenefitsPage() {
  const { id } = programmeBenefitsRoute.useParams();
  return <BenefitsPage kind="programme" ownerId={Number(id)} />;
}

export function ActionPlanBenefitsPage() {
  const { id } = actionPlanBenefitsRoute.useParams();
  return <BenefitsPage kind="action_plan" ownerId={Number(id)} />;
}

/**
 * A programme's or an action plan's benefits (DFØ's gevinstrealisering): the benefits plan, one
 * benefit's expected and realised values over time with a form for a new reading, the investments
 * and costs, and the economic benefits summed against them. The owner unit's editors change them.
 */
function BenefitsPage({ kind, ownerId }: { kind: BenefitOwnerKind; ownerId: number }) {
  const { t, locale } = useLocale();
  const deleteBenefit = useDeleteBenefit();
  const plan = useBenefitPlan(kind, ownerId);
  const [chosen, setChosen] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [addRound, setAddRound] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      {kind === "programme" ? (
        <RouterLink to="/programmes/$id" params={{ id: String(ownerId) }}>
          {t("benefits.crumbs.programme")}
        </RouterLink>
      ) : (
        <a href={`/action-plans/${ownerId}`}>{t("benefits.crumbs.actionPlan")}</a>
      )}
    </nav>
  );
  if (plan.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (plan.isError)
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("benefits.title")}</PageTitle>
        <ProblemAlert error={plan.error} headingLevel={2} />
      </div>
    );
  const data = plan.data;
  const numbered = data.benefits.filter((benefit) => benefit.kind !== "qualitative");
  const shown =
    (chosen !== null && numbered.some((benefit) => benefit.id === chosen) ? chosen : null) ??
    numbered[0]?.id ??
    null;
  const edited = data.benefits.find((benefit) => benefit.id === editing);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  return (
    <div className="page benefits-page">
      {crumbs}
      <PageTitle>{t("benefits.titleOf", { title: data.owner.title })}</PageTitle>
      <Paragraph className="page-intro">
        {t("benefits.intro", { title: data.owner.title, on: formatDate(data.on, locale) })}
      </Paragraph>
      {!data.can.edit && <Alert data-color="info">{t("benefits.readOnly")}</Alert>}
      <LiveStatus message={message} />

      <section aria-labelledby="benefit-plan-title">
        <Heading level={2} data-size="sm" id="benefit-plan-title">
          {t("benefits.table.title")}
        </Heading>
        {data.benefits.length === 0 ? (
          <Paragraph>{t("benefits.table.none")}</Paragraph>
        ) : (
          <BenefitPlanTable
            plan={data}
            chosen={shown}
            onChoose={setChosen}
            actions={
              data.can.edit
                ? (row) => (
                    <>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-expanded={editing === row.id}
                        aria-label={t("benefits.edit.label", { title: row.title })}
                        onClick={() => setEditing(editing === row.id ? null : row.id)}
                      >
                        {t("benefits.edit.button")}
                      </Button>
                      <ConfirmDeleteButton
                        words={{
                          button: t("benefits.delete.button"),
                          label: t("benefits.delete.label", { title: row.title }),
                          title: t("benefits.delete.title", { title: row.title }),
                          body: t("benefits.delete.body"),
                          confirm: t("benefits.delete.confirm"),
                          done: t("benefits.delete.done", { title: row.title }),
                        }}
                        remove={() => deleteBenefit.mutateAsync(row)}
                        onDone={done}
                      />
                    </>
                  )
                : undefined
            }
          />
        )}
        {edited && (
          <section aria-labelledby="benefit-edit-title" className="benefit-edit">
            <Heading level={3} data-size="xs" id="benefit-edit-title">
              {t("benefits.edit.title", { title: edited.title })}
            </Heading>
            <EditBenefitForm
              key={edited.id}
              benefit={edited}
              onDone={done}
              onCancel={() => setEditing(null)}
            />
          </section>
        )}
        {data.can.edit && (
          <Details key={addRound}>
            <Details.Summary>{t("benefits.add.title")}</Details.Summary>
            <Details.Content>
              <NewBenefitForm
                kind={kind}
                ownerId={ownerId}
                onDone={(text) => {
                  setAddRound((value) => value + 1);
                  setMessage(text);
                }}
              />
            </Details.Content>
          </Details>
        )}
      </section>

      {shown !== null && (
        <BenefitChartSection benefitId={shown} ownerUnitName={data.owner.ownerUnitName} onDone={setMessage} />
      )}

      <CostsSection plan={data} kind={kind} onDone={setMessage} />
    </div>
  );
}
