// Importing monthly measurements from a file (src/features/measurements/routes.ts).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUpload } from "./client.ts";
import { queryKeys } from "./hooks.ts";
import { scorecardKeys } from "./scorecards.ts";

export type ImportChange = {
  row: number;
  indicator: string;
  unit: string;
  month: string;
  change: "new" | "updated";
  before: { numerator: number; denominator: number | null } | null;
  after: { numerator: number; denominator: number | null };
};

export type ImportReport = {
  source: string;
  dryRun: boolean;
  rows: number;
  changed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  changes: ImportChange[];
  moreChanges: number;
  ignoredColumns: string[];
};

export function useImportMeasurements() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      apiUpload<ImportReport>(`/api/measurements/import?dryRun=${dryRun}`, file),
    onSuccess: (report) => {
      if (report.dryRun || report.changed === 0) return;
      // New figures change every scorecard computed from them.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: scorecardKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]);
    },
  });
}
