// Streaming XML from a zip part with saxes. saxes expands only XML's five predefined entities and
// character references, never declared or external ones, so neither a "billion laughs" nor an
// external entity gets anywhere; a DOCTYPE is refused outright all the same, as no part of a
// workbook has one.

import { SaxesParser } from "saxes";
import { AppError } from "../errors.ts";
import { type ReadingBudget, unreadableFile } from "./budget.ts";
import { MAX_XML_DEPTH, type SpreadsheetLimits } from "./limits.ts";
import { readPart, type ZipArchive } from "./zip.ts";

export type XmlHandlers = {
  /** Element names come without their namespace prefix: `x:row` is `row`. */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /** Text and CDATA, possibly in several pieces for one element. */
  text?(text: string): void;
};

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

type XmlFault = "file_xml_doctype" | "file_xml_too_deep" | "file_xml_invalid";

function badXml(budget: ReadingBudget, partName: string, reason: XmlFault) {
  return unreadableFile(reason, { file: budget.name, part: partName, max: MAX_XML_DEPTH });
}

function createParser(partName: string, handlers: XmlHandlers, budget: ReadingBudget) {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  parser.on("doctype", () => {
    throw badXml(budget, partName, "file_xml_doctype");
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > MAX_XML_DEPTH) {
      throw badXml(budget, partName, "file_xml_too_deep");
    }
    handlers.open?.(localName(tag.name), tag.attributes);
  });
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  return parser;
}

/**
 * Parses one part of the archive, one inflated chunk at a time; each step of the generator is one
 * chunk parsed, so a caller can hand over what the handlers collected before the next. Yields
 * nothing when the part is missing, and returns whether it was there.
 */
export async function* parsePart(
  archive: ZipArchive,
  partName: string,
  maxBytes: number,
  limits: SpreadsheetLimits,
  budget: ReadingBudget,
  handlers: XmlHandlers,
): AsyncGenerator<void, boolean> {
  const parser = createParser(partName, handlers, budget);
  const decoder = new TextDecoder("utf-8");
  let found = false;
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // saxes's own words are English and name positions only a developer needs.
      throw badXml(budget, partName, "file_xml_invalid");
    }
  };
  for await (const chunk of readPart(archive, partName, maxBytes, limits, budget)) {
    found = true;
    write(decoder.decode(chunk, { stream: true }));
    yield;
    await budget.breathe();
  }
  if (!found) return false;
  write(decoder.decode());
  try {
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badXml(budget, partName, "file_xml_invalid");
  }
  return true;
}

/** Parses a whole part for what the handlers collect; false when the part is missing. */
export async function parseWholePart(
  archive: ZipArchive,
  partName: string,
  maxBytes: number,
  limits: SpreadsheetLimits,
  budget: ReadingBudget,
  handlers: XmlHandlers,
): Promise<boolean> {
  const steps = parsePart(archive, partName, maxBytes, limits, budget, handlers);
  for (;;) {
    const step = await steps.next();
    if (step.done) return step.value;
  }
}
