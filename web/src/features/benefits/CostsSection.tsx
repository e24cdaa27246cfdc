import { Button, Details, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type BenefitOwnerKind, type BenefitPlan, useDeleteCost } from "../../api/benefits.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatNok } from "./benefitWords.ts";
import { ConfirmDeleteButton } from "./ConfirmDeleteButton.tsx";
import { AddCostForm, EditCostForm } from "./CostForm.tsx";

/** Planned and actual investments and costs per year, and the economic benefits summed against them. */
export function CostsSection({
  plan,
  kind,
  onDone,
}: {
  plan: BenefitPlan;
  kind: BenefitOwnerKind;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const remove = useDeleteCost();
  const [editing, setEditing] = useState<number | null>(null);
  const edited = plan.costs.find((cost) => cost.id === editing);
  const costName = (cost: { kind: BenefitPlan["costs"][number]["kind"]; year: number }) =>
    `${t(`benefits.cost.${cost.kind}`)} ${cost.year}`;
  const removalWords = (cost: BenefitPlan["costs"][number]) => {
    const words = { kind: t(`benefits.cost.${cost.kind}`), year: cost.year };
    return {
      button: t("benefits.costs.remove"),
      label: t("benefits.costs.removeLabel", words),
      title: t("benefits.costs.removeTitle", words),
      body: t("benefits.costs.removeBody", words),
      confirm: t("benefits.costs.removeConfirm"),
      done: t("benefits.costs.removed", words),
    };
  };
  const nok = (value: number | null) => (value === null ? "–" : formatNok(value, locale));
  const sums = [
    "economicTarget",
    "economicExpected",
    "economicRealised",
    "investmentPlanned",
    "investmentActual",
    "costsPlanned",
    "costsActual",
  ] as const;
  return (
    <>
      <section aria-labelledby="benefit-costs-title">
        <Heading level={2} data-size="sm" id="benefit-costs-title">
          {t("benefits.costs.title")}
        </Heading>
        {plan.costs.length === 0 ? (
          <Paragraph>{t("benefits.costs.none")}</Paragraph>
        ) : (
          <ScrollRegion label={t("benefits.costs.caption")}>
            <Table border data-size="sm" zebra>
              <caption className="sr-only">{t("benefits.costs.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("benefits.costs.year")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("benefits.costs.kind")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("benefits.costs.planned")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("benefits.costs.actual")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("benefits.costs.text")}</Table.HeaderCell>
                  {plan.can.edit && (
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">{t("benefits.costs.actions")}</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {plan.costs.map((cost) => (
                  <Table.Row key={cost.id}>
                    <Table.HeaderCell scope="row">{cost.year}</Table.HeaderCell>
                    <Table.Cell>{t(`benefits.cost.${cost.kind}`)}</Table.Cell>
                    <Table.Cell className="numeric">{nok(cost.plannedNok)}</Table.Cell>
                    <Table.Cell className="numeric">{nok(cost.actualNok)}</Table.Cell>
                    <Table.Cell>{cost.text}</Table.Cell>
                    {plan.can.edit && (
                      <Table.Cell>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-expanded={editing === cost.id}
                          aria-label={t("benefits.costs.editLabel", { name: costName(cost) })}
                          onClick={() => setEditing(editing === cost.id ? null : cost.id)}
                        >
                          {t("benefits.costs.edit")}
                        </Button>
                        <ConfirmDeleteButton
                          words={removalWords(cost)}
                          remove={() => remove.mutateAsync(cost)}
                          onDone={onDone}
                        />
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
        {edited && (
          <section aria-labelledby="benefit-cost-edit-title" className="benefit-edit">
            <Heading level={3} data-size="xs" id="benefit-cost-edit-title">
              {t("benefits.costs.editTitle", { name: costName(edited) })}
            </Heading>
            <EditCostForm
              key={edited.id}
              cost={edited}
              onDone={(text) => {
                setEditing(null);
                onDone(text);
              }}
              onCancel={() => setEditing(null)}
            />
          </section>
        )}
        {plan.can.edit && (
          <Details>
            <Details.Summary>{t("benefits.costs.add")}</Details.Summary>
            <Details.Content>
              <AddCostForm kind={kind} ownerId={plan.owner.id} onDone={onDone} />
            </Details.Content>
          </Details>
        )}
      </section>
      <section aria-labelledby="benefit-sums-title">
        <Heading level={2} data-size="sm" id="benefit-sums-title">
          {t("benefits.sums.title")}
        </Heading>
        <Table border data-size="sm" zebra>
          <caption className="sr-only">
            {t("benefits.sums.caption", { on: formatDate(plan.on, locale) })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("benefits.sums.item")}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t("benefits.sums.amount")}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sums.map((key) => (
              <Table.Row key={key}>
                <Table.HeaderCell scope="row">{t(`benefits.sums.${key}`)}</Table.HeaderCell>
                <Table.Cell className="numeric">{nok(plan.sums[key])}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </>
  );
}
