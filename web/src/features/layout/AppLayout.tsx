import { Button, SkipLink, Spinner } from "@digdir/designsystemet-react";
import { Link, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useLogout, useMe } from "../../api/hooks.ts";
import type { Me } from "../../api/types.ts";
import { useT } from "../../i18n/i18n.tsx";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { SignedInUserContext } from "./signedInUser.tsx";
import { UnitPicker } from "./UnitPicker.tsx";
import "./layout.css";

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

/** Three bars, the usual sign of a menu; the button's text names it. */
function MenuIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header. On narrow screens (under 64rem, app.css) everything but the name and a "Menu"
 * button is folded away: the button opens the unit picker, the user's links and the main
 * navigation below the header, and navigating to a page or pressing Escape folds them again. On
 * wide screens the button is hidden and everything is shown, so its state does not matter there.
 */
function SignedInShell({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  const pathname = useLocation({ select: (location) => location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // A link in the menu was followed (or the address changed otherwise): the page gets the screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => {
    setMenuOpen(false);
  }, [pathname]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate({ to: "/login", search: { redirect: undefined } }),
    });

  return (
    <div className="app">
      <SkipLink href="#main">{t("skipLink")}</SkipLink>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape folds the menu from wherever focus is in it. */}
      <header className="app-header" onKeyDown={closeOnEscape}>
        <div className="app-header__inner">
          <Link to="/" activeOptions={{ exact: true }} className="app-header__brand">
            {t("app.name")}
          </Link>
          <NotificationBell />
          <Button
            ref={menuButton}
            type="button"
            variant="secondary"
            data-size="sm"
            className="app-menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon />
            {t("layout.menu")}
          </Button>
          <div id="app-menu" className="app-menu" data-open={menuOpen || undefined}>
            <UnitPicker me={me} />
            <div className="app-header__user">
              <span className="app-header__signed-in">
                {t("header.signedInAs")} <strong>{me.displayName}</strong>
              </span>
              <Link to="/account" className="app-header__link">
                {t("account.title")}
              </Link>
              <Link to="/help" className="app-header__link">
                {t("layout.help")}
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
                <li>
                  <Link to="/measures">{t("measures.nav")}</Link>
                </li>
                <li>
                  {/* Action plans are reached from the programmes' page; the entry stands for both. */}
                  <Link
                    to="/programmes"
                    aria-current={pathname.startsWith("/action-plans") ? "page" : undefined}
                  >
                    {t("programmes.nav")}
                  </Link>
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
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
