import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import { queryKeys, useSaveLocale } from "../api/hooks.ts";
import type { Me } from "../api/types.ts";
import { type MessageKey, type Messages, nb } from "./nb.ts";

export type Locale = "nb" | "en";

// Bokmål, the default, comes with the first page; English is fetched the first time it is chosen
// (or when the browser or the user's profile asks for it), so that most visits never load it.
const catalogues: Partial<Record<Locale, Messages>> = { nb };
const loadEnglish = () => import("./en.ts").then((module) => module.en);
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

function storeLocale(locale: Locale) {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered on this device, but the switch still works for this visit.
  }
}

/** The signed-in user as cached by TanStack Query: undefined before it is asked, null when signed out. */
function useCachedMe(): Me | null | undefined {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  return useSyncExternalStore(subscribe, () => queryClient.getQueryData<Me | null>(queryKeys.me));
}

/**
 * The interface language follows the signed-in user (saved on the server, so it follows them to
 * every browser). Before sign-in, on the login page, it is this browser's last choice, which is
 * kept in step with the user's so that signing out does not switch language.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const me = useCachedMe();
  const saveLocale = useSaveLocale();
  const [deviceLocale, setDeviceLocale] = useState<Locale>(storedLocale);
  const wanted = me?.locale ?? deviceLocale;
  const [, setLoadedCount] = useState(0);
  // Until the wanted catalogue has arrived the page stays in bokmål, marked as such.
  const locale: Locale = catalogues[wanted] ? wanted : "nb";

  useEffect(() => {
    if (catalogues[wanted] || wanted !== "en") return;
    let current = true;
    loadEnglish()
      .then((messages) => {
        catalogues.en = messages;
        if (current) setLoadedCount((count) => count + 1);
      })
      // Offline or a release changed the file: the page stays in bokmål, the next choice retries.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    // Screen readers pick their pronunciation from <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);

  const userLocale = me?.locale;
  useEffect(() => {
    if (!userLocale) return;
    setDeviceLocale(userLocale);
    storeLocale(userLocale);
  }, [userLocale]);

  const { mutate: save } = saveLocale;
  const signedIn = Boolean(me);
  const setLocale = useCallback(
    (next: Locale) => {
      setDeviceLocale(next);
      storeLocale(next);
      if (signedIn) save(next);
    },
    [signedIn, save],
  );

  const t = useCallback<Translate>(
    (key, values) => {
      const template = (catalogues[locale] ?? nb)[key];
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
