// Which encoding a text file (CSV) is in, and decoding it. A byte order mark decides (UTF-8,
// UTF-16 LE or BE); without one, UTF-8 when the whole file is valid UTF-8, else Windows-1252,
// which is what older Excel writes as "CSV" on Norwegian Windows.

import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import { Transform } from "node:stream";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** The encoding a byte order mark names, or null when the data has none. */
export function encodingFromBom(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** Decodes a whole file held in memory, without its byte order mark. */
export function decodeText(data: Uint8Array): string {
  const encoding = encodingFromBom(data) ?? (isUtf8(data) ? "utf-8" : "windows-1252");
  // TextDecoder drops a byte order mark by itself.
  return new TextDecoder(encoding).decode(data);
}

/** The encoding of a file on disk; without a byte order mark the file is read once to check UTF-8. */
export async function detectFileEncoding(filePath: string): Promise<TextEncoding> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    const fromBom = encodingFromBom(head.subarray(0, bytesRead));
    if (fromBom) return fromBom;
  } finally {
    await handle.close();
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 256 * 1024 })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return "utf-8";
  } catch (error) {
    if (error instanceof TypeError) return "windows-1252";
    throw error;
  }
}

/** The first line of a file, decoded, from its first 64 KB. */
export async function readFirstLine(filePath: string, encoding: TextEncoding): Promise<string> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return firstLine(new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead)));
  } finally {
    await handle.close();
  }
}

export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/** Bytes in the given encoding to UTF-8 bytes, without the byte order mark, as a stream. */
export function transcodeToUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), "utf8"));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), "utf8"));
    },
  });
}
