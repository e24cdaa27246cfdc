import { Button, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type SteeringDocument, useNewVersion } from "../../api/steering.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The document's versions: links to each, comparing two, and starting a new version. */
export function VersionsSection({ document }: { document: SteeringDocument }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const newVersion = useNewVersion();
  const others = document.versions.filter((version) => version.id !== document.id);
  const [compareWith, setCompareWith] = useState(String(others.at(-1)?.id ?? ""));
  const openDraft = document.versions.find(
    (version) => version.state === "draft" && version.id !== document.id,
  );

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const other = document.versions.find((version) => String(version.id) === compareWith);
    if (!other) return;
    // Always from the older to the newer version, whichever page it was asked from.
    const [from, to] =
      other.versionNumber < document.versionNumber ? [other.id, document.id] : [document.id, other.id];
    navigate({
      to: "/steering/$documentId/compare",
      params: { documentId: String(from) },
      search: { with: to },
    });
  };

  return (
    <section aria-labelledby="versions-heading">
      <Heading level={2} data-size="sm" id="versions-heading">
        {t("steering.versions.title")}
      </Heading>
      <ul className="inline-list">
        {document.versions.map((version) => (
          <li key={version.id}>
            {version.id === document.id ? (
              <strong aria-current="page">
                {t("steering.versionNumber", { number: version.versionNumber })} (
                {t(`steering.state.${version.state}`)})
              </strong>
            ) : (
              <RouterLink to="/steering/$documentId" params={{ documentId: String(version.id) }}>
                {t("steering.versionNumber", { number: version.versionNumber })} (
                {t(`steering.state.${version.state}`)})
              </RouterLink>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form onSubmit={compare} className="inline-form" noValidate>
          <SelectField
            label={t("steering.versions.compareWith")}
            value={compareWith}
            onChange={(event) => setCompareWith(event.target.value)}
          >
            {others.map((version) => (
              <option key={version.id} value={version.id}>
                {t("steering.versionNumber", { number: version.versionNumber })}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              {t("steering.versions.compare")}
            </Button>
          </div>
        </form>
      )}
      {document.can.newVersion &&
        (openDraft ? (
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="/steering/$documentId" params={{ documentId: String(openDraft.id) }}>
                {t("steering.versions.openDraft", { number: openDraft.versionNumber })}
              </RouterLink>
            </Link>
          </Paragraph>
        ) : (
          <div className="button-row">
            <Button
              type="button"
              variant="secondary"
              loading={newVersion.isPending}
              onClick={() =>
                newVersion.mutate(document.id, {
                  onSuccess: (created) =>
                    navigate({ to: "/steering/$documentId", params: { documentId: String(created.id) } }),
                })
              }
            >
              {t("steering.versions.new")}
            </Button>
          </div>
        ))}
      <ProblemAlert error={newVersion.error} headingLevel={3} />
    </section>
  );
}
