import { Button } from "@digdir/designsystemet-react";
import { useNavigate } from "@tanstack/react-router";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { useLogoutEverywhere } from "./accountApi.ts";

/** Ends the user's sessions in every browser, e.g. after using a shared or lost computer. */
export function SignOutEverywhereButton() {
  const t = useT();
  const navigate = useNavigate();
  const logoutEverywhere = useLogoutEverywhere();

  const signOutEverywhere = () =>
    logoutEverywhere.mutate(undefined, {
      onSuccess: () => navigate({ to: "/login", search: { redirect: undefined } }),
    });

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={signOutEverywhere}
        loading={logoutEverywhere.isPending}
      >
        {t("account.signOutEverywhere")}
      </Button>
      <ProblemAlert error={logoutEverywhere.error} headingLevel={3} />
    </>
  );
}
