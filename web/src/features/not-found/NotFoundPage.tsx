import { Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useT } from "../../i18n/i18n.tsx";

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <PageTitle>{t("notFound.title")}</PageTitle>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/units">{t("notFound.home")}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
