import { Button, Fieldset, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import {
  type DocumentLocale,
  type DocumentType,
  documentLocales,
  documentTypes,
  type GenerateDocumentInput,
  type GeneratedDocument,
  useGenerateDocument,
} from "../../api/documents.ts";
import type { Me, Unit } from "../../api/types.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { type Translate, useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";

type Part = "year" | "T1" | "T2";

/** The parts of a year each type is written for: the annual report for the year, the tertial report for T1 or T2. */
const partsFor: Record<DocumentType, Part[]> = {
  annual_report: ["year"],
  tertial_report: ["T1", "T2"],
  board_case: ["year", "T1", "T2"],
};

type BoardCaseDraft = {
  caseNumber: string;
  date: string;
  place: string;
  subject: string;
  resolutionPoints: string;
  background: string;
  assessment: string;
  attachments: string;
};

type FrontPageDraft = { caseNumber: string; meeting: string; meetingDate: string; date: string };

const emptyFrontPage = (): FrontPageDraft => ({ caseNumber: "", meeting: "", meetingDate: "", date: "" });

const emptyBoardCase = (): BoardCaseDraft => ({
  caseNumber: "",
  date: todayIsoDate(),
  place: "",
  subject: "",
  resolutionPoints: "",
  background: "",
  assessment: "",
  attachments: "",
});

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** The field names the server gives in its problems, in the user's language. */
export function documentFieldLabel(field: string, t: Translate): string | undefined {
  const labels: Record<string, string> = {
    type: t("documents.generate.type"),
    unitId: t("documents.generate.unit"),
    period: t("documents.generate.period"),
    locale: t("documents.generate.locale"),
    boardCase: t("documents.generate.boardCase"),
    "boardCase.caseNumber": t("documents.generate.caseNumber"),
    "boardCase.date": t("documents.generate.date"),
    "boardCase.place": t("documents.generate.place"),
    "boardCase.subject": t("documents.generate.subject"),
    "boardCase.resolutionPoints": t("documents.generate.resolutionPoints"),
    "boardCase.background": t("documents.generate.background"),
    "boardCase.assessment": t("documents.generate.assessment"),
    "boardCase.attachments": t("documents.generate.attachments"),
    frontPage: t("documents.generate.frontPage"),
    "frontPage.caseNumber": t("documents.generate.caseNumber"),
    "frontPage.meeting": t("documents.generate.meeting"),
    "frontPage.meetingDate": t("documents.generate.meetingDate"),
    "frontPage.date": t("documents.generate.documentDate"),
  };
  return (
    labels[field] ??
    (field.startsWith("boardCase.") || field.startsWith("frontPage.")
      ? labels[field.split(".", 2).join(".")]
      : undefined)
  );
}

/**
 * Generates a board document from the data as they are now, and stores it with that data. The
 * units offered are those where the user may generate (editor, approver or administrator).
 */
export function GenerateDocumentForm({
  me,
  units,
  onGenerated,
}: {
  me: Me;
  units: Unit[];
  onGenerated: (document: GeneratedDocument) => void;
}) {
  const { t, locale } = useLocale();
  const generate = useGenerateDocument();
  const { selectedUnit } = useSelectedUnit(me, units);
  const options = flattenTree(childrenByParent(units, locale)).filter(
    ({ unit }) => unit.can.generateDocuments,
  );
  const initialUnit =
    options.find(({ unit }) => unit.id === selectedUnit?.id)?.unit ?? options[0]?.unit ?? null;

  const [type, setType] = useState<DocumentType>("annual_report");
  const [unitId, setUnitId] = useState(initialUnit ? String(initialUnit.id) : "");
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [part, setPart] = useState<Part>("year");
  const [documentLocale, setDocumentLocale] = useState<DocumentLocale>(locale);
  const [boardCase, setBoardCase] = useState<BoardCaseDraft>(emptyBoardCase);
  const [front, setFront] = useState<FrontPageDraft>(emptyFrontPage);

  const parts = partsFor[type];
  const chosenPart = parts.includes(part) ? part : (parts[0] as Part);
  const period = chosenPart === "year" ? year.trim() : `${year.trim()}-${chosenPart}`;

  const changeType = (next: DocumentType) => {
    setType(next);
    if (!partsFor[next].includes(part)) setPart(partsFor[next][0] as Part);
  };
  const setCase = (field: keyof BoardCaseDraft) => (event: { target: { value: string } }) =>
    setBoardCase((current) => ({ ...current, [field]: event.target.value }));
  const setFrontField = (field: keyof FrontPageDraft) => (event: { target: { value: string } }) =>
    setFront((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: GenerateDocumentInput = {
      type,
      unitId: Number(unitId),
      period,
      locale: documentLocale,
      frontPage: {
        // A board case's number is in its own fields.
        caseNumber: type === "board_case" ? null : front.caseNumber.trim() || null,
        meeting: front.meeting.trim() || null,
        meetingDate: front.meetingDate || null,
        date: front.date || null,
      },
      ...(type === "board_case"
        ? {
            boardCase: {
              caseNumber: boardCase.caseNumber.trim(),
              date: boardCase.date,
              place: boardCase.place.trim() || null,
              subject: boardCase.subject.trim() || null,
              resolutionPoints: lines(boardCase.resolutionPoints),
              background: boardCase.background,
              assessment: boardCase.assessment,
              attachments: lines(boardCase.attachments),
            },
          }
        : {}),
    };
    generate.mutate(input, {
      onSuccess: (document) => {
        if (type === "board_case") setBoardCase(emptyBoardCase());
        onGenerated(document);
      },
    });
  };

  if (options.length === 0) {
    return <Paragraph>{t("documents.generate.notAllowed")}</Paragraph>;
  }

  const error = generate.error;
  const caseError = (field: string) => fieldError(error, `boardCase.${field}`);
  const frontError = (field: string) => fieldError(error, `frontPage.${field}`);
  return (
    <form onSubmit={submit} className="form-stack" aria-labelledby="generate-heading" noValidate>
      <div className="documents-grid">
        <SelectField
          label={t("documents.generate.type")}
          value={type}
          onChange={(event) => changeType(event.target.value as DocumentType)}
          error={fieldError(error, "type")}
        >
          {documentTypes.map((each) => (
            <option key={each} value={each}>
              {t(`documents.type.${each}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("documents.generate.unit")}
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          error={fieldError(error, "unitId")}
        >
          {options.map(({ unit, depth }) => (
            <option key={unit.id} value={String(unit.id)}>
              {indentLabel(`${unit.code} – ${unit.name}`, depth)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("documents.generate.year")}
          inputMode="numeric"
          maxLength={4}
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={fieldError(error, "period")}
          required
        />
        {parts.length > 1 && (
          <SelectField
            label={t("documents.generate.part")}
            value={chosenPart}
            onChange={(event) => setPart(event.target.value as Part)}
          >
            {parts.map((each) => (
              <option key={each} value={each}>
                {t(`documents.part.${each}`)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t("documents.generate.locale")}
          value={documentLocale}
          onChange={(event) => setDocumentLocale(event.target.value as DocumentLocale)}
        >
          {documentLocales.map((each) => (
            <option key={each} value={each}>
              {t(`documents.locale.${each}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <Fieldset>
        <Fieldset.Legend>{t("documents.generate.frontPage")}</Fieldset.Legend>
        <Fieldset.Description>{t("documents.generate.frontPageHelp")}</Fieldset.Description>
        <div className="documents-grid">
          {type !== "board_case" && (
            <Textfield
              label={t("documents.generate.caseNumberOptional")}
              maxLength={40}
              value={front.caseNumber}
              onChange={setFrontField("caseNumber")}
              error={frontError("caseNumber")}
            />
          )}
          <Textfield
            label={t("documents.generate.meeting")}
            description={t("documents.generate.meetingHelp")}
            maxLength={120}
            value={front.meeting}
            onChange={setFrontField("meeting")}
            error={frontError("meeting")}
          />
          <Textfield
            label={t("documents.generate.meetingDate")}
            type="date"
            value={front.meetingDate}
            onChange={setFrontField("meetingDate")}
            error={frontError("meetingDate")}
          />
          <Textfield
            label={t("documents.generate.documentDate")}
            description={t("documents.generate.documentDateHelp")}
            type="date"
            value={front.date}
            onChange={setFrontField("date")}
            error={frontError("date")}
          />
        </div>
      </Fieldset>

      {type === "board_case" && (
        <Fieldset>
          <Fieldset.Legend>{t("documents.generate.boardCase")}</Fieldset.Legend>
          <Fieldset.Description>{t("documents.generate.boardCaseHelp")}</Fieldset.Description>
          <div className="documents-grid">
            <Textfield
              label={t("documents.generate.caseNumber")}
              value={boardCase.caseNumber}
              onChange={setCase("caseNumber")}
              error={caseError("caseNumber")}
              required
            />
            <Textfield
              label={t("documents.generate.date")}
              type="date"
              value={boardCase.date}
              onChange={setCase("date")}
              error={caseError("date")}
              required
            />
            <Textfield
              label={t("documents.generate.place")}
              value={boardCase.place}
              onChange={setCase("place")}
              error={caseError("place")}
            />
            <Textfield
              label={t("documents.generate.subject")}
              description={t("documents.generate.subjectHelp")}
              value={boardCase.subject}
              onChange={setCase("subject")}
              error={caseError("subject")}
            />
          </div>
          <Textfield
            multiline
            rows={4}
            label={t("documents.generate.resolutionPoints")}
            description={t("documents.generate.onePerLine")}
            value={boardCase.resolutionPoints}
            onChange={setCase("resolutionPoints")}
            error={caseError("resolutionPoints")}
          />
          <Textfield
            multiline
            rows={5}
            label={t("documents.generate.background")}
            description={t("documents.generate.markdownHelp")}
            value={boardCase.background}
            onChange={setCase("background")}
            error={caseError("background")}
          />
          <Textfield
            multiline
            rows={5}
            label={t("documents.generate.assessment")}
            description={t("documents.generate.markdownHelp")}
            value={boardCase.assessment}
            onChange={setCase("assessment")}
            error={caseError("assessment")}
          />
          <Textfield
            multiline
            rows={3}
            label={t("documents.generate.attachments")}
            description={t("documents.generate.onePerLine")}
            value={boardCase.attachments}
            onChange={setCase("attachments")}
            error={caseError("attachments")}
          />
        </Fieldset>
      )}

      <ProblemAlert error={error} headingLevel={3} labelFor={(field) => documentFieldLabel(field, t)} />
      <div className="button-row">
        <Button type="submit" loading={generate.isPending}>
          {t("documents.generate.submit")}
        </Button>
      </div>
    </form>
  );
}
