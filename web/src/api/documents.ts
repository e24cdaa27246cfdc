// Board documents and their templates: the shapes of src/features/documents/ (service.ts,
// compare.ts, template.ts) as the API answers, and the queries and changes the pages use.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { queryKeys } from "./hooks.ts";

export const documentTypes = ["annual_report", "tertial_report", "board_case"] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentLocales = ["nb", "en"] as const;
export type DocumentLocale = (typeof documentLocales)[number];

export const sectionKeys = [
  "resolution",
  "introduction",
  "background",
  "requirements",
  "scorecard_summary",
  "scorecard_indicators",
  "risk",
  "measures",
  "assessment",
  "attachments",
] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** A stored document as listed (GET /api/documents). */
export type StoredDocument = {
  id: number;
  documentType: DocumentType;
  unitId: number;
  unitName: string;
  period: string;
  locale: DocumentLocale;
  title: string;
  snapshotHash: string;
  templateSource: "unit" | "general" | "default";
  takenAt: string;
  createdByName: string;
  createdAt: string;
};

/** What generating answers (POST /api/documents): the header, with `type` rather than `documentType`. */
export type GeneratedDocument = Omit<StoredDocument, "documentType"> & { type: DocumentType };

export type BoardCaseInput = {
  caseNumber: string;
  date: string;
  place?: string | null;
  subject?: string | null;
  resolutionPoints: string[];
  background: string;
  assessment: string;
  attachments: string[];
};

export type GenerateDocumentInput = {
  type: DocumentType;
  unitId: number;
  period: string;
  locale: DocumentLocale;
  boardCase?: BoardCaseInput;
};

export type ChangeKind = "added" | "removed" | "changed";

export type BlockChange = {
  change: ChangeKind;
  kind: "paragraph" | "requirement" | "table" | "list";
  label: string;
  before: string | null;
  after: string | null;
  fields?: string[];
};

export type SectionComparison = {
  key: string;
  heading: string;
  change: ChangeKind | "unchanged";
  headingBefore: string | null;
  blocks: BlockChange[];
};

export type DocumentComparison = {
  from: GeneratedDocument;
  to: GeneratedDocument;
  title: { before: string; after: string } | null;
  sections: SectionComparison[];
  counts: Record<ChangeKind | "unchanged", number>;
};

export type TemplateSection = {
  key: SectionKey;
  visible: boolean;
  heading: string | null;
  introduction: string | null;
};

export type DocumentTemplate = {
  title: string | null;
  includeUnitAnswers: boolean;
  sections: TemplateSection[];
};

export type TemplateView = {
  documentType: DocumentType;
  unitId: number | null;
  source: "unit" | "general" | "default";
  version: number;
  template: DocumentTemplate;
  defaultTemplate: DocumentTemplate;
};

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
