import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { en } from "./en.ts";
import { type MessageKey, type Messages, nb } from "./nb.ts";

export type Locale = "nb" | "en";

const catalogues: Record<Locale, Messages> = { nb, en };
const storageKey = "tertial.locale";

/** Intl locale tags for dates and sorting; "nb-NO" gives Norwegian date order and æøå sorting. */
export const intlLocale: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

type LocaleContextValue = { locale: Locale; setLocale: (locale: Locale) => void; t: Translate };

const LocaleContext = createContext<LocaleContextValue | null>(null);

function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(storageKey) === "en" ? "en" : "nb";
  } catch {
    // Storage can be blocked (private mode, strict settings); bokmål is the default then.
    return "nb";
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    // Screen readers pick their pronunciation from <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
  }, []);

  const t = useCallback<Translate>(
    (key, values) => {
      const template = catalogues[locale][key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
    },
    [locale],
  );

  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale() {
  const context = useContext(LocaleContext);
  if (!context) throw new Error("useLocale must be used inside <LocaleProvider>");
  return context;
}

export function useT(): Translate {
  return useLocale().t;
}

/** True when the catalogue has the key; used for server-given codes such as audit actions. */
export function hasMessage(key: string): key is MessageKey {
  return key in nb;
}
