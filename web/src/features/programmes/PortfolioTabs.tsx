import "./programmes.css";
import { Link } from "@tanstack/react-router";
import { useT } from "../../i18n/i18n.tsx";

// Programmes and action plans share one entry in the main menu (it has no room for two); these
// links lead between their two lists.
export function PortfolioTabs() {
  const t = useT();
  return (
    <nav aria-label={t("programmes.tabs.label")} className="portfolio-tabs">
      <ul>
        <li>
          {/* Exact, or it would also be marked current on the benefits tab below /programmes. */}
          <Link to="/programmes" activeOptions={{ exact: true }}>
            {t("programmes.title")}
          </Link>
        </li>
        <li>
          <Link to="/action-plans">{t("actionPlans.title")}</Link>
        </li>
        <li>
          <Link to="/programmes/benefits">{t("benefits.portfolio.tab")}</Link>
        </li>
      </ul>
    </nav>
  );
}
