import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import { useLogin, useSetupStatus, useSignInOptions } from "../../api/hooks.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasMessage, useT } from "../../i18n/i18n.tsx";
import { LanguageSwitch } from "../layout/LanguageSwitch.tsx";
import { LoginField } from "./LoginField.tsx";

const loginRoute = getRouteApi("/login");

const firstAdminCommand = 'npm run tertial -- user add --username admin --name "Your Name" --admin';

/** Only paths inside this app are followed after sign-in, never another site ("//evil"). */
function safeRedirect(target: string | undefined): string {
  return target?.startsWith("/") && !target.startsWith("//") && !target.startsWith("/login") ? target : "/";
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const { redirect, sso_error: ssoError } = loginRoute.useSearch();
  const setup = useSetupStatus();
  const options = useSignInOptions();
  const sso = options.data?.sso;
  // Until the options are known the form shows, as it always did; it goes only when turned off.
  const localSignIn = options.data?.localSignIn ?? true;
  const ssoErrorKey = `sso.error.${ssoError}`;
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = {
      username: username.trim() ? undefined : t("login.usernameRequired"),
      password: password ? undefined : t("login.passwordRequired"),
    };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate({ href: safeRedirect(redirect), replace: true }) },
    );
  };

  const wrongCredentials = isApiProblem(login.error) && login.error.status === 401;

  return (
    <div className="public-page">
      <header className="public-header">
        <span className="app-header__brand">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-main">
        <Card className="login-card">
          <PageTitle>{t("login.title")}</PageTitle>
          <Paragraph>
            {!sso ? t("login.intro") : localSignIn ? t("sso.introBoth") : t("sso.introOnly")}
          </Paragraph>
          {ssoError && (
            <Alert data-color="danger" role="alert">
              <Heading level={2} data-size="xs">
                {t("sso.refusedTitle")}
              </Heading>
              <Paragraph data-size="sm">
                {hasMessage(ssoErrorKey) ? t(ssoErrorKey) : t("sso.error.sso_provider_error")}
              </Paragraph>
            </Alert>
          )}
          {sso && (
            <div className="sso-choice">
              <Button asChild variant={localSignIn ? "secondary" : "primary"}>
                <a href={`/api/auth/sso/start?returnTo=${encodeURIComponent(safeRedirect(redirect))}`}>
                  {sso.name ? t("sso.button", { name: sso.name }) : t("sso.buttonGeneral")}
                </a>
              </Button>
              {localSignIn && <Paragraph data-size="sm">{t("sso.or")}</Paragraph>}
            </div>
          )}
          {setup.data?.needsFirstAdmin && (
            <Alert data-color="info" className="setup-hint">
              <Heading level={2} data-size="xs">
                {t("login.setupTitle")}
              </Heading>
              <Paragraph data-size="sm">{t("login.setupBody")}</Paragraph>
              <pre className="command">
                <code>{firstAdminCommand}</code>
              </pre>
            </Alert>
          )}
          {localSignIn && (
            <form onSubmit={submit} noValidate className="form-stack">
              <LoginField
                label={t("login.username")}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(event) => {
                  setUsername(event.target.value);
                  setMissing((current) => ({ ...current, username: undefined }));
                }}
                error={missing.username}
              />
              <LoginField
                label={t("login.password")}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => {
                  setPassword(event.target.value);
                  setMissing((current) => ({ ...current, password: undefined }));
                }}
                error={missing.password}
              />
              {wrongCredentials ? (
                <Alert data-color="danger" role="alert">
                  {t("login.wrongCredentials")}
                </Alert>
              ) : (
                <ProblemAlert error={login.error} headingLevel={2} />
              )}
              <div>
                <Button type="submit" loading={login.isPending}>
                  {t("login.submit")}
                </Button>
              </div>
            </form>
          )}
        </Card>
      </main>
    </div>
  );
}
