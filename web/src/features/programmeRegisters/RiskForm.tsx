// The forms of a programme's risk: rank, area, the risk, likely events, consequences, owner and
// time horizon. Adding and changing share the fields; closing asks once and takes the risk out of
// the register, freeing its rank (its assessments are kept).

import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import {
  type NewProgrammeRisk,
  type ProgrammeRisk,
  type ProgrammeRiskChange,
  type ProgrammeRiskList,
  useCloseProgrammeRisk,
} from "../../api/programmeRegisters.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { areaNamer } from "../unitRisks/areaNames.ts";
import { type FieldsProps, registerForms } from "./registerEditing.tsx";
import { errorOf, numberValue } from "./registerParts.tsx";

const horizons = ["this_year", "one_to_four_years"] as const;

type RiskDraft = {
  rank: string;
  area: string;
  title: string;
  likelyEvents: string;
  consequences: string;
  ownerName: string;
  horizon: (typeof horizons)[number];
};

const draftOf = (risk: ProgrammeRisk): RiskDraft => ({
  rank: String(risk.rank),
  area: risk.area,
  title: risk.title,
  likelyEvents: risk.likelyEvents,
  consequences: risk.consequences,
  ownerName: risk.ownerName,
  horizon: risk.horizon,
});

/** The rank as typed: text that is no number goes as it is, so the server names the field. */
const payloadOf = (draft: RiskDraft) => ({ ...draft, rank: numberValue(draft.rank) as number });

function RiskFields({
  draft,
  change,
  list,
  error: problem,
}: FieldsProps<RiskDraft> & { list: ProgrammeRiskList }) {
  const { t, locale } = useLocale();
  const nameOfArea = areaNamer(list as never, t, locale);
  const error = errorOf(problem);
  // A risk keeps an area the organisation has since taken off its list until it is changed.
  const areas =
    draft.area === "" || list.areas.includes(draft.area) ? list.areas : [draft.area, ...list.areas];
  const text = (field: "title" | "ownerName") => (
    <Textfield
      label={t(`registers.risks.field.${field}`)}
      value={draft[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      error={error(field)}
    />
  );
  const long = (field: "likelyEvents" | "consequences") => (
    <Textfield
      label={t(`registers.risks.field.${field}`)}
      multiline
      rows={3}
      value={draft[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      error={error(field)}
    />
  );
  return (
    <>
      <Textfield
        label={t("registers.risks.field.rank")}
        inputMode="numeric"
        value={draft.rank}
        onChange={(event) => change({ rank: event.target.value })}
        error={error("rank")}
      />
      <SelectField
        label={t("registers.risks.field.area")}
        value={draft.area}
        onChange={(event) => change({ area: event.target.value })}
        error={error("area")}
      >
        <option value="">{t("registers.risks.field.chooseArea")}</option>
        {areas.map((key) => (
          <option key={key} value={key}>
            {nameOfArea(key)}
          </option>
        ))}
      </SelectField>
      {text("title")}
      {long("likelyEvents")}
      {long("consequences")}
      {text("ownerName")}
      <SelectField
        label={t("registers.risks.field.horizon")}
        value={draft.horizon}
        onChange={(event) => change({ horizon: event.target.value as RiskDraft["horizon"] })}
        error={error("horizon")}
      >
        {horizons.map((each) => (
          <option key={each} value={each}>
            {t(`registers.risks.horizon.${each}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The forms of a risk; a new one takes the first free rank. */
export const { NewForm: NewRiskForm, EditForm: RiskEditForm } = registerForms<
  ProgrammeRisk,
  RiskDraft,
  NewProgrammeRisk,
  ProgrammeRiskChange,
  { list: ProgrammeRiskList }
>({
  register: "risks",
  emptyOf: ({ list }) => ({
    rank: String(Math.max(0, ...list.risks.map((risk) => risk.rank)) + 1),
    area: "",
    title: "",
    likelyEvents: "",
    consequences: "",
    ownerName: "",
    horizon: "this_year",
  }),
  draftOf,
  payloadOf,
  nameOf: (risk) => risk.title,
  addLabelKey: "registers.risks.add",
  Fields: RiskFields,
});

/** "Lukk risiko" asks once: the risk leaves the register and its rank is freed. */
export function CloseRiskButton({
  programmeId,
  risk,
  onDone,
}: {
  programmeId: number;
  risk: ProgrammeRisk;
  onDone: (title: string) => void;
}) {
  const { t } = useLocale();
  const close = useCloseProgrammeRisk(programmeId);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div className="register-close">
        <Button type="button" variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {t("registers.risks.close")}
        </Button>
      </div>
    );
  }
  return (
    <div className="register-form register-close">
      <Paragraph>{t("registers.risks.closeConfirm", { title: risk.title, rank: risk.rank })}</Paragraph>
      <div className="register-actions">
        <Button
          type="button"
          data-color="danger"
          loading={close.isPending}
          onClick={() =>
            close.mutate({ id: risk.id, version: risk.version }, { onSuccess: () => onDone(risk.title) })
          }
        >
          {t("registers.risks.closeYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t("registers.cancel")}
        </Button>
      </div>
      {close.error !== null && <ProblemAlert error={close.error} headingLevel={4} />}
    </div>
  );
}
