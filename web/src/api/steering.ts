// Steering documents: the server's request and answer types (src/features/steering/schema.ts,
// type-only) and the TanStack Query hooks that read and change them.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChapterView,
  ComparisonView,
  createDocumentInput,
  createRequirementInput,
  DiffPartView,
  DocumentHeaderView,
  DocumentListItemView,
  DocumentView,
  FieldChangeView,
  ImportResultView,
  RequirementSnapshotView,
  RequirementView,
  UnitRefView,
  updateRequirementInput,
} from "../../../src/features/steering/schema.ts";
import { api, apiUpload } from "./client.ts";

export {
  type DocumentKind,
  documentKinds,
  type ReportingPoint,
  type RequirementKind,
  reportingPoints,
  requirementKinds,
} from "../../../src/domain/steeringKinds.ts";

export type UnitRef = UnitRefView;
export type DocumentHeader = DocumentHeaderView;
export type DocumentListItem = DocumentListItemView;
export type Chapter = ChapterView;
export type Requirement = RequirementView;
export type SteeringDocument = DocumentView;
export type FieldChange = FieldChangeView;
export type DiffPart = DiffPartView;
export type RequirementSnapshot = RequirementSnapshotView;
export type DocumentComparison = ComparisonView;
export type ImportResult = ImportResultView;

export type RequirementInput = z.input<typeof createRequirementInput>;

export const steeringKeys = {
  all: ["steering"] as const,
  list: ["steering", "list"] as const,
  document: (id: number) => ["steering", "document", id] as const,
  compare: (from: number, to: number) => ["steering", "compare", from, to] as const,
};

export function useSteeringDocuments() {
  return useQuery({
    queryKey: steeringKeys.list,
    queryFn: () => api.get<DocumentListItem[]>("/api/steering-documents"),
  });
}

export function useSteeringDocument(id: number) {
  return useQuery({
    queryKey: steeringKeys.document(id),
    queryFn: () => api.get<SteeringDocument>(`/api/steering-documents/${id}`),
    // No document chosen yet (0) asks for nothing.
    enabled: id > 0,
  });
}

export function useCompareVersions(from: number, to: number | undefined) {
  return useQuery({
    queryKey: steeringKeys.compare(from, to ?? 0),
    queryFn: () => api.get<DocumentComparison>(`/api/steering-documents/${from}/compare?with=${to}`),
    enabled: to !== undefined,
  });
}

/** Every change to a document, its chapters or requirements changes the document and the list. */
function useInvalidateSteering() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: steeringKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["audit"] }),
    ]);
}

export type CreateDocumentInput = z.input<typeof createDocumentInput>;

export function useCreateDocument() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: (input: CreateDocumentInput) => api.post<DocumentHeader>("/api/steering-documents", input),
    onSuccess: invalidate,
  });
}

export function usePublishDocument() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.post<DocumentHeader>(`/api/steering-documents/${id}/publish`, { version }),
    onSuccess: invalidate,
  });
}

export function useNewVersion() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: (id: number) => api.post<DocumentHeader>(`/api/steering-documents/${id}/versions`),
    onSuccess: invalidate,
  });
}

export function useAddChapter(documentId: number) {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: (title: string) =>
      api.post<Chapter>(`/api/steering-documents/${documentId}/chapters`, { title }),
    onSuccess: invalidate,
  });
}

export function useRenameChapter() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ id, version, title }: { id: number; version: number; title: string }) =>
      api.patch<Chapter>(`/api/chapters/${id}`, { version, title }),
    onSuccess: invalidate,
  });
}

export function useDeleteChapter() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<void>(`/api/chapters/${id}?version=${version}`),
    onSuccess: invalidate,
  });
}

export function useAddRequirement(documentId: number) {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: (input: RequirementInput) =>
      api.post<Requirement>(`/api/steering-documents/${documentId}/requirements`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateRequirement() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateRequirementInput> & { id: number }) =>
      api.patch<Requirement>(`/api/requirements/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteRequirement() {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<void>(`/api/requirements/${id}?version=${version}`),
    onSuccess: invalidate,
  });
}

export function useImportRequirements(documentId: number) {
  const invalidate = useInvalidateSteering();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      apiUpload<ImportResult>(
        `/api/steering-documents/${documentId}/requirements/import?dryRun=${dryRun}`,
        file,
      ),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}
