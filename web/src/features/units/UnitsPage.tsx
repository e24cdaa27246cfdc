import { Alert, Card, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import type { Unit } from "../../api/types.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { CreateUnitForm } from "./CreateUnitForm.tsx";
import { UnitDetails } from "./UnitDetails.tsx";
import { UnitTree } from "./UnitTree.tsx";
import { ancestorIds, childrenByParent } from "./unitTree.ts";

export function UnitsPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit, setSelectedUnitId } = useSelectedUnit(me, units.data);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [status, setStatus] = useState<string | null>(null);

  const tree = useMemo(() => childrenByParent(units.data ?? [], locale), [units.data, locale]);

  // The tree starts with the top level and the selected unit open, so the first view shows the
  // units the user most likely works with. Later selections (here or in the header) open only
  // what is needed to show the selected unit.
  const opened = useRef(false);
  useEffect(() => {
    if (!selectedUnit) return;
    const toOpen = ancestorIds(selectedUnit);
    if (!opened.current) {
      opened.current = true;
      toOpen.push(selectedUnit.id, ...(tree.get(null) ?? []).map((unit) => unit.id));
    }
    setExpanded((current) =>
      toOpen.every((id) => current.has(id)) ? current : new Set([...current, ...toOpen]),
    );
  }, [selectedUnit, tree]);

  const toggle = (id: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const select = (unit: Unit) => {
    setSelectedUnitId(unit.id);
    setStatus(null);
  };

  const announce = (message: string, revealChildrenOf?: number) => {
    setStatus(message);
    if (revealChildrenOf !== undefined) setExpanded((current) => new Set([...current, revealChildrenOf]));
  };

  return (
    <div className="page">
      <PageTitle>{t("units.title")}</PageTitle>
      <Paragraph className="page-intro">{t("units.intro")}</Paragraph>
      <LiveStatus message={status} />
      {units.isPending && <Spinner aria-label={t("common.loading")} />}
      {units.isError && <ProblemAlert error={units.error} headingLevel={2} />}
      {units.data && (
        <div className="units-layout">
          <Card className="units-layout__tree">
            <Heading level={2} data-size="sm" id="unit-tree-heading">
              {t("units.treeHeading")}
            </Heading>
            {units.data.length === 0 ? (
              <Paragraph>{t("units.empty")}</Paragraph>
            ) : (
              <UnitTree
                tree={tree}
                expanded={expanded}
                selectedId={selectedUnit?.id ?? null}
                onToggle={toggle}
                onSelect={select}
                label={t("units.treeHeading")}
              />
            )}
            {me.can.createTopLevelUnit && (
              <Details>
                <Details.Summary>{t("units.createTop.title")}</Details.Summary>
                <Details.Content>
                  <CreateUnitForm parent={null} onDone={announce} problemHeadingLevel={3} />
                </Details.Content>
              </Details>
            )}
          </Card>
          <section className="units-layout__details" aria-live="off">
            {selectedUnit ? (
              <UnitDetails unit={selectedUnit} units={units.data} me={me} onDone={announce} />
            ) : (
              <Alert data-color="info">{t("units.noneSelected")}</Alert>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
