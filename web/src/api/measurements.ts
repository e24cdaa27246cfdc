// Importing monthly measurements from a file (src/features/measurements/routes.ts); the report's
// type is the server's schema (src/features/measurements/schema.ts, type-only).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportReportView } from "../../../src/features/measurements/schema.ts";
import { apiUpload } from "./client.ts";
import { queryKeys } from "./hooks.ts";
import { scorecardKeys } from "./scorecards.ts";

export type {
  ImportChangeView as ImportChange,
  ImportReportView as ImportReport,
} from "../../../src/features/measurements/schema.ts";

export function useImportMeasurements() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      apiUpload<ImportReportView>(`/api/measurements/import?dryRun=${dryRun}`, file),
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
