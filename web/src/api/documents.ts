// Board documents and their templates: the answers' types come from the server's schemas
// (src/features/documents/schema.ts); here are the queries and changes the pages use.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DocumentType } from "../../../src/domain/documentKinds.ts";
import type {
  DocumentComparisonView,
  DocumentHeaderView,
  DocumentTemplate,
  GenerateDocumentInput,
  StoredDocumentView,
  TemplateView,
} from "../../../src/features/documents/schema.ts";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";

export {
  type DocumentLocale,
  type DocumentType,
  documentLocales,
  documentTypes,
  type SectionKey,
  sectionKeys,
} from "../../../src/domain/documentKinds.ts";
export type {
  BlockChange,
  BoardCaseInput,
  ChangeKind,
  DocumentTemplate,
  GenerateDocumentInput,
  SectionComparison,
  TemplateSection,
  TemplateView,
} from "../../../src/features/documents/schema.ts";

/** A stored document as listed (GET /api/documents). */
export type StoredDocument = StoredDocumentView;

/** What generating answers (POST /api/documents): the header, with `type` rather than `documentType`. */
export type GeneratedDocument = DocumentHeaderView;

export type DocumentComparison = DocumentComparisonView;

export const documentKeys = {
  all: ["documents"] as const,
  list: ["documents", "list"] as const,
  compare: (from: number, to: number) => ["documents", "compare", from, to] as const,
  templates: ["document-templates"] as const,
  template: (type: DocumentType, unitId: number | null) => ["document-templates", type, unitId] as const,
};

/** Where the browser opens or downloads a stored document. */
export const documentUrls = {
  preview: (id: number) => `/api/documents/${id}/preview`,
  docx: (id: number) => `/api/documents/${id}/docx`,
};

export function useStoredDocuments() {
  return useQuery({
    queryKey: documentKeys.list,
    queryFn: () => api.get<StoredDocument[]>("/api/documents?limit=500"),
  });
}

export function useGenerateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateDocumentInput) => api.post<GeneratedDocument>("/api/documents", input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.list }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]),
  });
}

export function useDocumentComparison(pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: pair ? documentKeys.compare(pair.from, pair.to) : ["documents", "compare", "none"],
    queryFn: () =>
      api.get<DocumentComparison>(`/api/documents/compare?from=${pair?.from ?? 0}&to=${pair?.to ?? 0}`),
    enabled: pair !== null,
    // Stored documents never change: a comparison made once stays right.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDocumentTemplate(type: DocumentType, unitId: number | null, enabled = true) {
  return useQuery({
    queryKey: documentKeys.template(type, unitId),
    queryFn: () =>
      api.get<TemplateView>(`/api/document-templates/${type}${unitId === null ? "" : `?unitId=${unitId}`}`),
    enabled,
  });
}

export function useSaveDocumentTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      type,
      ...body
    }: {
      type: DocumentType;
      unitId: number | null;
      version: number;
      template: DocumentTemplate;
    }) => api.put<TemplateView>(`/api/document-templates/${type}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(documentKeys.template(saved.documentType, saved.unitId), saved);
      return Promise.all([
        // A unit without its own template follows the organisation's, so every cached one may change.
        queryClient.invalidateQueries({ queryKey: documentKeys.templates }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]);
    },
  });
}
