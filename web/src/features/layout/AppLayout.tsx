import { Button, SkipLink, Spinner } from "@digdir/designsystemet-react";
import { Link, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useLogout, useMe } from "../../api/hooks.ts";
import type { Me } from "../../api/types.ts";
import { useT } from "../../i18n/i18n.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { SignedInUserContext } from "./signedInUser.tsx";
import { UnitPicker } from "./UnitPicker.tsx";

export function FullPageSpinner() {
  const t = useT();
  return (
    <div className="full-page-spinner">
      <Spinner aria-label={t("app.loading")} data-size="lg" />
    </div>
  );
}

/**
 * Sends someone who is no longer signed in (signed out, or the session expired) to the login
 * page, once, to come back to where they were. A <Navigate> would navigate again on every render,
 * and with the address it just changed in its props it never stops.
 */
function SignInRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = useRef(location.href);
  useEffect(() => {
    navigate({ to: "/login", search: { redirect: from.current }, replace: true });
  }, [navigate]);
  return null;
}

/** The frame of every signed-in page: header, main navigation and the page itself. */
export function AppLayout() {
  const me = useMe();
  if (me.isPending) return <FullPageSpinner />;
  if (!me.data) return <SignInRedirect />;
  return (
    <SignedInUserContext.Provider value={me.data}>
      <SignedInShell me={me.data} />
    </SignedInUserContext.Provider>
  );
}

function SignedInShell({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate({ to: "/login", search: { redirect: undefined } }),
    });

  return (
    <div className="app">
      <SkipLink href="#main">{t("skipLink")}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" activeOptions={{ exact: true }} className="app-header__brand">
            {t("app.name")}
          </Link>
          <UnitPicker me={me} />
          <div className="app-header__user">
            <span className="app-header__signed-in">
              {t("header.signedInAs")} <strong>{me.displayName}</strong>
            </span>
            <Link to="/account" className="app-header__account">
              {t("account.title")}
            </Link>
            <LanguageSwitch />
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={signOut}
              loading={logout.isPending}
            >
              {t("header.logout")}
            </Button>
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="app-nav">
          <ul>
            <li>
              <Link to="/inbox">{t("inbox.nav")}</Link>
            </li>
            <li>
              <Link to="/steering">{t("steering.nav")}</Link>
            </li>
            <li>
              <Link to="/units">{t("nav.units")}</Link>
            </li>
            <li>
              <Link to="/scorecard">{t("nav.scorecard")}</Link>
            </li>
            <li>
              <Link to="/indicators">{t("nav.indicators")}</Link>
            </li>
            {me.can.importMeasurements && (
              <li>
                <Link to="/import">{t("nav.import")}</Link>
              </li>
            )}
            <li>
              <Link to="/documents">{t("documents.nav")}</Link>
            </li>
            {me.can.editTemplates && (
              <li>
                <Link to="/document-templates">{t("templates.nav")}</Link>
              </li>
            )}
            {me.can.readAudit && (
              <li>
                <Link to="/audit">{t("nav.audit")}</Link>
              </li>
            )}
            {me.can.manageUsers && (
              <li>
                <Link to="/users">{t("nav.users")}</Link>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
