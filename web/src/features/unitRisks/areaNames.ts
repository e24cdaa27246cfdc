// The name of a risk area in the user's language: the organisation's own list when it has one
// (set with its risk scale, sent as `ownAreas`), else the built-in areas' words, else the key.

import { createContext, useContext } from "react";
import type { UnitRiskList } from "../../api/unitRisks.ts";
import type { Locale, Translate } from "../../i18n/i18n.tsx";
import { areaName } from "./unitRiskWords.ts";

type OwnArea = { key: string; label: Record<Locale, string> };

// Read loosely so that the page works with a server that sends no own areas yet.
function ownAreasOf(list: UnitRiskList): OwnArea[] {
  const own = (list as { ownAreas?: OwnArea[] }).ownAreas;
  return Array.isArray(own) ? own : [];
}

export function areaNamer(list: UnitRiskList, t: Translate, locale: Locale): (area: string) => string {
  const own = new Map(ownAreasOf(list).map((area) => [area.key, area.label[locale]]));
  return (area) => own.get(area) || areaName(area, t);
}

export const AreaNames = createContext<(area: string) => string>((area) => area);

export const useAreaName = () => useContext(AreaNames);
