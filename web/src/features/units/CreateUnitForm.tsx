import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useCreateUnit } from "../../api/hooks.ts";
import type { Unit, UnitKind } from "../../api/types.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useResetOnChange } from "../../components/useResetOnChange.ts";
import { useT } from "../../i18n/i18n.tsx";
import { KindSelect, kindBelow } from "./KindSelect.tsx";

export function CreateUnitForm({ parent, onDone }: { parent: Unit; onDone: (message: string) => void }) {
  const t = useT();
  const createUnit = useCreateUnit();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>(kindBelow(parent.kind));
  const [validFrom, setValidFrom] = useState(todayIsoDate);

  const reset = () => {
    setCode("");
    setName("");
    setKind(kindBelow(parent.kind));
    setValidFrom(todayIsoDate());
    createUnit.reset();
  };
  useResetOnChange(String(parent.id), reset);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createUnit.mutate(
      { code, name, kind, parentId: parent.id, validFrom: validFrom || undefined },
      {
        onSuccess: (created) => {
          reset();
          onDone(t("units.create.done", { name: created.name }));
        },
      },
    );
  };

  const error = createUnit.error;
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("units.create.intro", { name: parent.name })}</Paragraph>
      <Textfield
        label={t("field.code")}
        description={t("units.codeHelp")}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError(error, "code")}
        required
      />
      <Textfield
        label={t("field.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError(error, "name")}
        required
      />
      <KindSelect value={kind} onChange={setKind} error={fieldError(error, "kind")} />
      <Textfield
        label={t("field.validFrom")}
        type="date"
        value={validFrom}
        onChange={(event) => setValidFrom(event.target.value)}
        error={fieldError(error, "validFrom")}
      />
      <ProblemAlert error={error} headingLevel={4} />
      <div>
        <Button type="submit" loading={createUnit.isPending}>
          {t("units.create.submit")}
        </Button>
      </div>
    </form>
  );
}
