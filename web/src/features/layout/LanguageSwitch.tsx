import { Button } from "@digdir/designsystemet-react";
import { useLocale } from "../../i18n/i18n.tsx";

/**
 * Offers the other language, named in that language and marked with its lang attribute so a
 * screen reader pronounces it correctly (WCAG 3.1.2).
 */
export function LanguageSwitch() {
  const { locale, t, setLocale } = useLocale();
  const other = locale === "nb" ? "en" : "nb";
  return (
    <Button type="button" variant="tertiary" data-size="sm" lang={other} onClick={() => setLocale(other)}>
      {t("header.switchLanguage")}
    </Button>
  );
}
