import { Button, Details, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import {
  type BenefitOwnerKind,
  type BenefitPlan,
  type CostKind,
  costKinds,
  useCreateCost,
  useDeleteCost,
} from "../../api/benefits.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatNok, numberOf, problemFor } from "./benefitWords.ts";

function AddCostForm({
  kind,
  ownerId,
  onDone,
}: {
  kind: BenefitOwnerKind;
  ownerId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const create = useCreateCost(kind, ownerId);
  const [draft, setDraft] = useState({
    kind: "investment" as CostKind,
    year: String(new Date().getFullYear()),
    planned: "",
    actual: "",
    text: "",
  });
  const set = (key: keyof typeof draft, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        kind: draft.kind,
        year: numberOf(draft.year) as number,
        plannedNok: (numberOf(draft.planned) ?? 0) as number,
        actualNok: numberOf(draft.actual) as number | null,
        text: draft.text,
      },
      {
        onSuccess: (cost) => {
          setDraft((current) => ({ ...current, planned: "", actual: "", text: "" }));
          onDone(t("benefits.costs.done", { kind: t(`benefits.cost.${cost.kind}`), year: cost.year }));
        },
      },
    );
  };
  const error = (field: string) => problemFor(create.error, field, t);
  return (
    <form className="benefits-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <SelectField
          label={t("benefits.costs.kind")}
          value={draft.kind}
          onChange={(event) => set("kind", event.target.value)}
          error={error("kind")}
        >
          {costKinds.map((each) => (
            <option key={each} value={each}>
              {t(`benefits.cost.${each}`)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("benefits.costs.year")}
          inputMode="numeric"
          value={draft.year}
          onChange={(event) => set("year", event.target.value)}
          error={error("year")}
        />
        <Textfield
          label={t("benefits.costs.planned")}
          inputMode="decimal"
          value={draft.planned}
          onChange={(event) => set("planned", event.target.value)}
          error={error("plannedNok")}
        />
        <Textfield
          label={t("benefits.costs.actual")}
          inputMode="decimal"
          value={draft.actual}
          onChange={(event) => set("actual", event.target.value)}
          error={error("actualNok")}
        />
      </div>
      <Textfield
        label={t("benefits.costs.text")}
        value={draft.text}
        onChange={(event) => set("text", event.target.value)}
        error={error("text")}
      />
      {create.error !== null && <ProblemAlert error={create.error} headingLevel={4} />}
      <div className="form-actions">
        <Button type="submit" disabled={create.isPending}>
          {t("benefits.costs.submit")}
        </Button>
      </div>
    </form>
  );
}

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
                      <span className="sr-only">{t("benefits.costs.remove")}</span>
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
                          disabled={remove.isPending}
                          aria-label={t("benefits.costs.removeLabel", {
                            kind: t(`benefits.cost.${cost.kind}`),
                            year: cost.year,
                          })}
                          onClick={() =>
                            remove.mutate(cost, {
                              onSuccess: () =>
                                onDone(
                                  t("benefits.costs.removed", {
                                    kind: t(`benefits.cost.${cost.kind}`),
                                    year: cost.year,
                                  }),
                                ),
                            })
                          }
                        >
                          {t("benefits.costs.remove")}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
        {remove.error !== null && <ProblemAlert error={remove.error} headingLevel={3} />}
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
