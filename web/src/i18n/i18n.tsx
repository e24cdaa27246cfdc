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
import { formatNumber } from "./numbers.ts";

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
    (key, values) => formatMessage((catalogues[locale] ?? nb)[key], values, locale),
    [locale],
  );

  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(count: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** The index of the `}` that closes the `{` at `open`, or -1 when it is not closed. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "{") depth++;
    else if (text[index] === "}" && --depth === 0) return index;
  }
  return -1;
}

/** `one {# indikator} other {# indikatorer}` as [["one", "# indikator"], ["other", "# indikatorer"]]. */
function pluralBranches(options: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let rest = options.trim();
  while (rest) {
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    if (!selector) return null;
    const open = selector[0].length - 1;
    const close = closingBrace(rest, open);
    if (close < 0) return null;
    branches.set(selector[1] ?? "other", rest.slice(open + 1, close));
    rest = rest.slice(close + 1).trim();
  }
  return branches.has("other") ? branches : null;
}

/** `#` in a plural branch is the count, written as a number of the locale; nested braces keep theirs. */
function replaceHash(branch: string, count: string): string {
  let depth = 0;
  let result = "";
  for (const character of branch) {
    if (character === "{") depth++;
    else if (character === "}") depth--;
    result += character === "#" && depth === 0 ? count : character;
  }
  return result;
}

/**
 * Fills a catalogue string: `{name}` is replaced by the value as given, and a small subset of ICU
 * plurals picks the form for a count by the locale's plural rules:
 * `{count, plural, =0 {ingen indikatorer} one {# indikator} other {# indikatorer}}`.
 * Anything it does not understand is left as written, so a mistake shows instead of vanishing.
 */
export function formatMessage(
  template: string,
  values: Record<string, string | number> | undefined,
  locale: Locale,
): string {
  if (!values || !template.includes("{")) return template;
  let result = "";
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf("{", index);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    result += template.slice(index, open);
    result +=
      fillPlaceholder(template.slice(open + 1, close), values, locale) ?? template.slice(open, close + 1);
    index = close + 1;
  }
  return result + template.slice(index);
}

function fillPlaceholder(
  inner: string,
  values: Record<string, string | number>,
  locale: Locale,
): string | null {
  const simple = /^\s*(\w+)\s*$/.exec(inner);
  if (simple) {
    const name = simple[1] ?? "";
    return name in values ? String(values[name]) : null;
  }
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
  if (!plural) return null;
  const count = values[plural[1] ?? ""];
  const branches = pluralBranches(plural[2] ?? "");
  if (typeof count !== "number" || !branches) return null;
  const branch =
    branches.get(`=${count}`) ?? branches.get(pluralCategory(count, locale)) ?? branches.get("other");
  return formatMessage(replaceHash(branch ?? "", formatNumber(count, locale)), values, locale);
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
