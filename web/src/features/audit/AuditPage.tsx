import { Button, Card, Heading, Paragraph, Spinner, Textfield } from "@digdir/designsystemet-react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useMemo, useState } from "react";
import { type AuditFilter, useAuditLog, useUnits, useUsers } from "../../api/hooks.ts";
import { indicatorName, useIndicators } from "../../api/indicators.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useResetOnChange } from "../../components/useResetOnChange.ts";
import { hasMessage, useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";
import { AuditTable } from "./AuditTable.tsx";

const auditRoute = getRouteApi("/app/audit");

/** The filter form's fields, as typed: text, so that a half-typed value is kept as it is. */
type FilterDraft = { unitId: string; actorId: string; entityType: string; from: string; to: string };

function draftOf(filter: AuditFilter): FilterDraft {
  return {
    unitId: filter.unitId ? String(filter.unitId) : "",
    actorId: filter.actorId ? String(filter.actorId) : "",
    entityType: filter.entityType ?? "",
    from: filter.from ?? "",
    to: filter.to ?? "",
  };
}

function filterOf(draft: FilterDraft): AuditFilter {
  const actorId = Number(draft.actorId);
  return {
    unitId: draft.unitId ? Number(draft.unitId) : undefined,
    actorId: Number.isInteger(actorId) && actorId > 0 ? actorId : undefined,
    entityType: draft.entityType || undefined,
    from: draft.from || undefined,
    to: draft.to || undefined,
  };
}

export function AuditPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const filter = auditRoute.useSearch();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(filter));
  // Back and forward change the address; the form follows it.
  useResetOnChange(JSON.stringify(filter), () => setDraft(draftOf(filter)));
  const units = useUnits();
  // The user list needs administrator rights; without it the filter takes a user id instead.
  const users = useUsers(me.can.manageUsers);
  const audit = useAuditLog(filter);

  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const entityTypes = audit.data?.pages[0]?.entityTypes ?? [];
  const unitOptions = units.data ? flattenTree(childrenByParent(units.data, locale)) : [];
  const indicators = useIndicators(true);
  const names = useMemo(() => {
    const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
    const userNames = new Map((users.data ?? []).map((user) => [user.id, user.displayName]));
    const indicatorNames = new Map(
      (indicators.data ?? []).map((each) => [each.id, `${each.code} – ${indicatorName(each, locale)}`]),
    );
    return {
      unitName: (id: number) => unitNames.get(id),
      userName: (id: number) => userNames.get(id),
      indicatorName: (id: number) => indicatorNames.get(id),
    };
  }, [units.data, users.data, indicators.data, locale]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate({ to: "/audit", search: filterOf(draft) });
  };
  const resetFilter = () => {
    setDraft(draftOf({}));
    navigate({ to: "/audit", search: {} });
  };
  const set = (field: keyof FilterDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  return (
    <div className="page">
      <PageTitle>{t("audit.title")}</PageTitle>
      <Paragraph className="page-intro">{t("audit.intro")}</Paragraph>

      <Card className="filter-card">
        <form onSubmit={apply} aria-labelledby="audit-filter-heading" noValidate>
          <Heading level={2} data-size="xs" id="audit-filter-heading">
            {t("audit.filtersHeading")}
          </Heading>
          <div className="filter-grid">
            <SelectField label={t("audit.unit")} value={draft.unitId} onChange={set("unitId")}>
              <option value="">{t("audit.allUnits")}</option>
              {unitOptions.map(({ unit, depth }) => (
                <option key={unit.id} value={String(unit.id)}>
                  {indentLabel(`${unit.code} – ${unit.name}`, depth)}
                </option>
              ))}
            </SelectField>
            {users.data ? (
              <SelectField label={t("audit.user")} value={draft.actorId} onChange={set("actorId")}>
                <option value="">{t("audit.allUsers")}</option>
                {users.data.map((user) => (
                  <option key={user.id} value={String(user.id)}>
                    {user.displayName} ({user.username})
                  </option>
                ))}
              </SelectField>
            ) : (
              <Textfield
                label={t("audit.userId")}
                description={t("audit.userIdHelp")}
                inputMode="numeric"
                value={draft.actorId}
                onChange={set("actorId")}
              />
            )}
            <SelectField label={t("audit.entityType")} value={draft.entityType} onChange={set("entityType")}>
              <option value="">{t("audit.allEntityTypes")}</option>
              {entityTypes.map((type) => {
                const key = `entityType.${type}`;
                return (
                  <option key={type} value={type}>
                    {hasMessage(key) ? t(key) : type}
                  </option>
                );
              })}
            </SelectField>
            <Textfield label={t("audit.from")} type="date" value={draft.from} onChange={set("from")} />
            <Textfield label={t("audit.to")} type="date" value={draft.to} onChange={set("to")} />
          </div>
          <div className="button-row">
            <Button type="submit">{t("audit.apply")}</Button>
            <Button type="button" variant="secondary" onClick={resetFilter}>
              {t("audit.reset")}
            </Button>
          </div>
        </form>
      </Card>

      <section aria-labelledby="audit-results-heading" className="audit-results">
        <Heading level={2} data-size="sm" id="audit-results-heading">
          {t("audit.resultsHeading")}
        </Heading>
        <div role="status" aria-live="polite" className="result-count">
          {audit.isSuccess &&
            (entries.length === 0 ? t("audit.empty") : t("audit.count", { count: entries.length }))}
        </div>
        {audit.isPending && <Spinner aria-label={t("common.loading")} />}
        {audit.isError && <ProblemAlert error={audit.error} headingLevel={3} />}
        {entries.length > 0 && <AuditTable entries={entries} names={names} />}
        {audit.hasNextPage && (
          <Button
            type="button"
            variant="secondary"
            onClick={() => audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
          >
            {t("audit.loadMore")}
          </Button>
        )}
      </section>
    </div>
  );
}
