import "./actionPlans.css";
import { Card, Details, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useActionPlans } from "../../api/actionPlans.ts";
import { formatDate } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { PortfolioTabs } from "../programmes/PortfolioTabs.tsx";
import { NewPlanForm } from "./PlanForm.tsx";
import { PlanStatus } from "./planWords.tsx";

/**
 * The action plans the user may read (issue 14, seed 004), each by its newest version: title,
 * owner, years, version and status. Older versions are reached from the plan's page.
 */
export function ActionPlansPage() {
  const { t, locale } = useLocale();
  const plans = useActionPlans(undefined);
  const latest = (plans.data ?? []).filter((plan) => plan.latest);
  // An editor somewhere writes plans there; the form offers those units and the server checks again.
  const me = useSignedInUser();
  const mayCreate = me.isSystemAdmin || me.roles.some((role) => role.role === "editor");

  return (
    <div className="page action-plans-page">
      <PageTitle>{t("actionPlans.title")}</PageTitle>
      <PortfolioTabs />
      <Paragraph className="page-intro">{t("actionPlans.introAll")}</Paragraph>
      {mayCreate && (
        <Card className="plan-editing__card">
          <Details>
            <Details.Summary>{t("planEdit.plan.new")}</Details.Summary>
            <Details.Content>
              <NewPlanForm />
            </Details.Content>
          </Details>
        </Card>
      )}
      <ProblemAlert error={plans.error} headingLevel={2} />
      {plans.isPending && <Spinner aria-label={t("common.loading")} />}
      {plans.data && latest.length === 0 && <Paragraph>{t("actionPlans.none")}</Paragraph>}
      {latest.length > 0 && (
        <ScrollRegion label={t("actionPlans.table.label")}>
          <Table data-size="sm" className="action-plans-table">
            <caption className="action-plan-sr-only">{t("actionPlans.table.label")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("actionPlans.table.title")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.table.owner")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.table.years")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.table.version")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.table.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {latest.map((plan) => (
                <Table.Row key={plan.id}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to="/action-plans/$id" params={{ id: String(plan.id) }}>
                      {plan.title}
                    </RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell>{plan.owner.name}</Table.Cell>
                  <Table.Cell>
                    {plan.fromYear}–{plan.toYear}
                  </Table.Cell>
                  <Table.Cell>{plan.versionNumber}</Table.Cell>
                  <Table.Cell>
                    <PlanStatus status={plan.status} />
                    {plan.adoptedOn && plan.status !== "draft" && (
                      <>
                        <br />
                        <span className="action-plan-muted">
                          {t("actionPlans.status.adoptedOn", { date: formatDate(plan.adoptedOn, locale) })}
                        </span>
                      </>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </div>
  );
}
