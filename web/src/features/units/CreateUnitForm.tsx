import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useCreateUnit } from "../../api/hooks.ts";
import { type Unit, type UnitKind, unitKinds } from "../../api/types.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useResetOnChange } from "../../components/useResetOnChange.ts";
import { useT } from "../../i18n/i18n.tsx";
import { kindBelow } from "./KindSelect.tsx";
import { UnitFields } from "./UnitFields.tsx";

type CreateUnitFormProps = {
  /** The unit to create under, or null for a new top-level unit (system administrators only). */
  parent: Unit | null;
  onDone: (message: string) => void;
  problemHeadingLevel?: 3 | 4;
};

/** The kind a new unit most likely has: one level below its parent, or the top kind. */
function defaultKind(parent: Unit | null): UnitKind {
  return parent ? kindBelow(parent.kind) : unitKinds[0];
}

export function CreateUnitForm({ parent, onDone, problemHeadingLevel = 4 }: CreateUnitFormProps) {
  const t = useT();
  const createUnit = useCreateUnit();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>(() => defaultKind(parent));
  const [validFrom, setValidFrom] = useState(todayIsoDate);

  const reset = () => {
    setCode("");
    setName("");
    setKind(defaultKind(parent));
    setValidFrom(todayIsoDate());
    createUnit.reset();
  };
  useResetOnChange(String(parent?.id ?? "top"), reset);

  const payload = { code, name, kind, parentId: parent?.id ?? null, validFrom: validFrom || undefined };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    createUnit.mutate(payload, {
      onSuccess: (created) => {
        reset();
        onDone(t("units.create.done", { name: created.name }));
      },
    });
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(createUnit.error, createUnit.variables, payload);
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">
        {parent ? t("units.create.intro", { name: parent.name }) : t("units.createTop.intro")}
      </Paragraph>
      <UnitFields
        {...{ code, setCode, name, setName, kind, setKind, validFrom, setValidFrom }}
        error={error}
      />
      <ProblemAlert error={error} headingLevel={problemHeadingLevel} />
      <div>
        <Button type="submit" loading={createUnit.isPending}>
          {t("units.create.submit")}
        </Button>
      </div>
    </form>
  );
}
