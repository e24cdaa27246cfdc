import type { layoutNb } from "./layout.ts";

export const layoutEn: Record<keyof typeof layoutNb, string> = {
  "layout.menu": "Menu",
  "layout.help": "Help",
  "help.title": "User guide",
  "help.loading": "Loading the user guide …",
  "help.failed": "The user guide could not be loaded. Reload the page to try again.",
};
