import { Alert, Card, Details, Link as DsLink, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { Me, Unit } from "../../api/types.ts";
import { formatDate } from "../../components/dates.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { CreateUnitForm } from "./CreateUnitForm.tsx";
import { DeactivateUnitForm } from "./DeactivateUnitForm.tsx";
import { EditUnitForm } from "./EditUnitForm.tsx";
import { MoveUnitForm } from "./MoveUnitForm.tsx";

type UnitDetailsProps = {
  unit: Unit;
  units: readonly Unit[];
  me: Me;
  onDone: (message: string, revealChildrenOf?: number) => void;
};

export function UnitDetails({ unit, units, me, onDone }: UnitDetailsProps) {
  const { t, locale } = useLocale();
  const parent = units.find((candidate) => candidate.id === unit.parentId);
  const mayManage = unit.can.manage;

  return (
    <>
      <Card>
        <Heading level={2} data-size="md">
          {unit.name}
        </Heading>
        <dl className="facts">
          <dt>{t("units.code")}</dt>
          <dd>{unit.code}</dd>
          <dt>{t("units.kind")}</dt>
          <dd>{t(`unitKind.${unit.kind}`)}</dd>
          <dt>{t("units.status")}</dt>
          <dd>
            {unit.active ? (
              <Tag data-color="success" data-size="sm">
                {t("units.active")}
              </Tag>
            ) : (
              <Tag data-color="warning" data-size="sm">
                {t("units.inactive")}
              </Tag>
            )}
          </dd>
          <dt>{t("units.parent")}</dt>
          <dd>{parent ? `${parent.code} – ${parent.name}` : t("units.topLevel")}</dd>
          <dt>{t("units.validFrom")}</dt>
          <dd>{formatDate(unit.validFrom, locale)}</dd>
          <dt>{t("units.validTo")}</dt>
          <dd>{unit.validTo ? formatDate(unit.validTo, locale) : t("units.noEndDate")}</dd>
          <dt>{t("units.version")}</dt>
          <dd>{unit.version}</dd>
        </dl>
        <Paragraph>
          <DsLink asChild>
            <RouterLink to="/units/$unitId/risks" params={{ unitId: String(unit.id) }}>
              {t("unitRisks.link")}
            </RouterLink>
          </DsLink>
        </Paragraph>
      </Card>

      {mayManage ? (
        <section className="unit-actions" aria-labelledby="unit-actions-heading">
          <Heading level={3} data-size="sm" id="unit-actions-heading">
            {t("units.actionsHeading")}
          </Heading>
          {unit.active ? (
            <Details>
              <Details.Summary>{t("units.create.title")}</Details.Summary>
              <Details.Content>
                <CreateUnitForm parent={unit} onDone={(message) => onDone(message, unit.id)} />
              </Details.Content>
            </Details>
          ) : (
            <Paragraph data-size="sm">{t("units.create.parentInactive", { name: unit.name })}</Paragraph>
          )}
          <Details>
            <Details.Summary>{t("units.edit.title")}</Details.Summary>
            <Details.Content>
              <EditUnitForm unit={unit} onDone={onDone} />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t("units.move.title")}</Details.Summary>
            <Details.Content>
              <MoveUnitForm unit={unit} units={units} me={me} onDone={onDone} />
            </Details.Content>
          </Details>
          {unit.active && (
            <Details>
              <Details.Summary>{t("units.deactivate.title")}</Details.Summary>
              <Details.Content>
                <DeactivateUnitForm unit={unit} onDone={onDone} />
              </Details.Content>
            </Details>
          )}
        </section>
      ) : (
        <Alert data-color="info" className="unit-read-only">
          {t("units.readOnly")}
        </Alert>
      )}
    </>
  );
}
