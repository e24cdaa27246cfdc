// Parts of the Word file that are not content: list numbering, core properties with the
// snapshot's time, and bookmark ids numbered in document order (so equal content is equal bytes).

import { AlignmentType, LevelFormat } from "docx";
import type { DocumentContent } from "./model.ts";

export const bulletReference = "tertial-bullets";
export const numberReference = "tertial-numbers";
export const listLevels = 5;
export const indentPerLevel = 360;

export function listNumbering() {
  const bulletGlyphs = ["•", "◦", "▪"];
  const numberFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  const levels = (kind: "bullet" | "number") =>
    Array.from({ length: listLevels }, (_, level) => ({
      level,
      format: kind === "bullet" ? LevelFormat.BULLET : (numberFormats[level % 3] ?? LevelFormat.DECIMAL),
      text: kind === "bullet" ? (bulletGlyphs[level % 3] ?? "•") : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      start: 1,
      style: { paragraph: { indent: { left: (level + 1) * 2 * indentPerLevel, hanging: indentPerLevel } } },
    }));
  return {
    config: [
      { reference: bulletReference, levels: levels("bullet") },
      { reference: numberReference, levels: levels("number") },
    ],
  };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Core properties with the snapshot's time instead of the clock's. */
export function coreProperties(content: DocumentContent): string {
  const time = new Date(content.metadata.takenAt);
  const stamp = Number.isNaN(time.getTime()) ? "1980-01-01T00:00:00Z" : `${time.toISOString().slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(content.title)}</dc:title>` +
    `<dc:subject>${escapeXml(`${content.metadata.unitName} ${content.metadata.periodLabel}`)}</dc:subject>` +
    "<dc:creator>Tertial</dc:creator><cp:lastModifiedBy>Tertial</cp:lastModifiedBy><cp:revision>1</cp:revision>" +
    `<dc:language>${content.locale === "nb" ? "nb-NO" : "en-GB"}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * docx numbers bookmarks from a counter that lives as long as the process; numbered here from 1 in
 * document order, the same content gives the same bytes however many documents came before.
 */
export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(/<w:bookmark(Start|End)\b([^>]*?)w:id="(\d+)"/g, (_, kind, between, id: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = ids.size + 1;
      ids.set(id, next);
    }
    return `<w:bookmark${kind}${between}w:id="${next}"`;
  });
}
