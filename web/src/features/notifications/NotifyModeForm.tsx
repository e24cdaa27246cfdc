import { Button, Fieldset, Paragraph, Radio, Spinner } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import {
  type NotifyMode,
  notifyModes,
  useNotificationPreferences,
  useSetNotifyMode,
} from "../../api/notifications.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import "./notifications.css";

/** The account page's choice of e-mail for notifications: a daily digest, each at once, or none. */
export function NotifyModeForm({ onDone }: { onDone: (message: string) => void }) {
  const t = useT();
  const preferences = useNotificationPreferences();
  const save = useSetNotifyMode();
  const [mode, setMode] = useState<NotifyMode | null>(null);
  useEffect(() => {
    if (preferences.data && mode === null) setMode(preferences.data.notifyMode);
  }, [preferences.data, mode]);

  if (preferences.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (!preferences.data) return <ProblemAlert error={preferences.error} headingLevel={3} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode) save.mutate(mode, { onSuccess: () => onDone(t("notifications.prefs.saved")) });
  };

  return (
    <form onSubmit={submit} className="notify-mode-form">
      <Paragraph data-size="sm">{t("notifications.prefs.intro")}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t("notifications.prefs.legend")}</Fieldset.Legend>
        {notifyModes.map((value) => (
          <Radio
            key={value}
            name="notifyMode"
            value={value}
            label={t(`notifications.prefs.${value}`)}
            checked={mode === value}
            onChange={() => setMode(value)}
          />
        ))}
      </Fieldset>
      {!preferences.data.hasEmail && <Paragraph data-size="sm">{t("notifications.prefs.noEmail")}</Paragraph>}
      {!preferences.data.mailEnabled && (
        <Paragraph data-size="sm">{t("notifications.prefs.mailOff")}</Paragraph>
      )}
      <ProblemAlert error={save.error} headingLevel={3} />
      <div>
        <Button type="submit" variant="secondary" data-size="sm" loading={save.isPending}>
          {t("notifications.prefs.save")}
        </Button>
      </div>
    </form>
  );
}
