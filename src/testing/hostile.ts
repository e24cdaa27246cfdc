// Hostile requests for property tests: for each route of the OpenAPI description, fast-check
// arbitraries that fill path parameters, query strings and JSON bodies with the values that once made
// the server fail (ids past 2^31, year 0, NUL, 1e308, ...), mixed with values that pass, so a request
// often gets past most of its fields and puts one bad value in front of the service.

import fc from "fast-check";

/** Path parameters and query values, as text. */
export const hostileTexts = [
  "0",
  "-1",
  "1",
  "2",
  "3",
  "2147483647",
  "2147483648",
  "9007199254740992",
  "1e308",
  "-1e308",
  "1e3",
  "0x10",
  " 7",
  "NaN",
  "-0",
  "Infinity",
  "-Infinity",
  "",
  "\u0000",
  "1\u0000",
  "a\u0000b",
  "\u001b[31m",
  "\ud800",
  "x".repeat(300),
  "0000-01-01",
  "9999-12-31",
  "2024-02-30",
  "2024-02-29",
  "1899-12-31",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "2024-03",
  "0000-01",
  "2024-13",
  "2024-T1",
  "2024-T4",
  "2024",
  "garbage",
  "true",
];

/** Numbers for JSON bodies: what an integer column, a double or a sum cannot take, and good ones. */
export const hostileNumbers = [
  0,
  -0,
  -1,
  1,
  2,
  3,
  0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  1e12,
  1e13,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  2024,
];

/** Strings for JSON bodies: codes and periods of the test's data set too, to get past lookups. */
export function hostileStrings(known: readonly string[]): string[] {
  return [...hostileTexts, ...known, "Test", "Ålesund 😀", "line\nbreak\ttab", "y".repeat(400)];
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

const anything = (strings: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...strings),
    fc.constantFrom(...hostileNumbers),
    fc.constantFrom(null, true, [], {}),
  );

/**
 * Values for a JSON schema: mostly ones its JSON form allows (so the request gets past the other
 * fields, and only the rules the JSON form cannot say, such as 2^31 or year 0, stop it), now and
 * then of any type at all.
 */
export function valueFor(schema: Schema, strings: string[], depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: typedValueFor(schema, strings, depth), weight: 12 },
    { arbitrary: anything(strings), weight: 1 },
  );
}

function fitsString(value: string, schema: Schema): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.format === "email" && !value.includes("@")) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, "u").test(value);
}

function fitsNumber(value: number, schema: Schema, integer: boolean): boolean {
  if (integer && !Number.isInteger(value)) return false;
  if (schema.minimum !== undefined && value < schema.minimum) return false;
  if (schema.maximum !== undefined && value > schema.maximum) return false;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false;
  return schema.exclusiveMaximum === undefined || value < schema.exclusiveMaximum;
}

function stringsFor(schema: Schema, strings: string[]): fc.Arbitrary<unknown> {
  const fitting = [...strings, "someone@example.no"].filter((value) => fitsString(value, schema));
  return fitting.length > 0 ? fc.constantFrom(...fitting) : fc.constantFrom(...strings);
}

function numbersFor(schema: Schema, integer: boolean): fc.Arbitrary<unknown> {
  const fitting = hostileNumbers.filter((value) => fitsNumber(value, schema, integer));
  if (fitting.length > 0) return fc.constantFrom(...fitting);
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e6;
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
}

function typedValueFor(schema: Schema, strings: string[], depth: number): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.nullable) options.push(fc.constant(null));
  if (schema.const !== undefined) options.push(fc.constant(schema.const));
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    options.push(typedValueFor(branch, strings, depth));
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (schema.enum || schema.const !== undefined) break;
    if (type === "integer" || type === "number") options.push(numbersFor(schema, type === "integer"));
    if (type === "string") options.push(stringsFor(schema, strings));
    if (type === "boolean") options.push(fc.boolean());
    if (type === "null") options.push(fc.constant(null));
    if (type === "array") {
      const items =
        depth < 3 && schema.items ? valueFor(schema.items, strings, depth + 1) : anything(strings);
      options.push(fc.array(items, { maxLength: 3 }));
    }
    if (type === "object") options.push(objectFor(schema, strings, depth));
  }
  return options.length > 0 ? fc.oneof(...options) : anything(strings);
}

function objectFor(schema: Schema, strings: string[], depth: number): fc.Arbitrary<unknown> {
  if (depth >= 4) return fc.constant({});
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, valueFor(property, strings, depth + 1)]),
    ),
    { requiredKeys: required.filter((name) => name in properties) },
  );
  if (typeof schema.additionalProperties !== "object") return record;
  // A record keyed by text (yearly steps): hostile keys too.
  const extra = fc.dictionary(
    fc.constantFrom(...strings),
    valueFor(schema.additionalProperties, strings, depth + 1),
    { maxKeys: 3 },
  );
  return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...(known as object) }));
}

/** A query value as text: a value of the parameter's type written out, or any hostile text. */
export function queryValueFor(schema: Schema, strings: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    typedValueFor(schema, strings, 3).map((value) =>
      typeof value === "string" ? value : JSON.stringify(value),
    ),
    fc.constantFrom(...hostileTexts),
  );
}

export type Operation = {
  method: string;
  /** OpenAPI form: /api/units/{id}. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  body: Schema | null;
};

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema?: Schema }> };
      }
    >
  >;
};

/** Every operation of the API, from the OpenAPI description the server builds of its own routes. */
export function operationsOf(spec: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith("/api/")) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const ofKind = (kind: string) =>
        parameters.filter((p) => p.in === kind).map((p) => ({ name: p.name, schema: p.schema ?? {} }));
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: ofKind("path"),
        queryParams: ofKind("query"),
        body: operation.requestBody?.content["application/json"]?.schema ?? null,
      });
    }
  }
  return operations;
}

export type HostileRequest = { url: string; payload?: unknown };

/** Requests for one operation: hostile path ids, some query values, and a body when it takes one. */
export function requestsFor(operation: Operation, strings: string[], pathTexts: string[]) {
  const pathValues = fc.tuple(
    ...operation.pathParams.map((param) =>
      param.schema.enum
        ? fc.constantFrom(...param.schema.enum.map(String), ...pathTexts)
        : fc.constantFrom(...pathTexts),
    ),
  );
  const query = fc.tuple(
    ...operation.queryParams.map((param) =>
      fc.option(queryValueFor(param.schema, strings), { nil: undefined }),
    ),
  );
  const body = operation.body ? valueFor(operation.body, strings) : fc.constant(undefined);
  return fc.tuple(pathValues, query, body).map(([path, values, payload]): HostileRequest => {
    let url = operation.path;
    operation.pathParams.forEach((param, index) => {
      url = url.replace(`{${param.name}}`, encodeURIComponent(String(path[index])));
    });
    const search = new URLSearchParams();
    operation.queryParams.forEach((param, index) => {
      const value = values[index];
      if (value !== undefined) search.set(param.name, value);
    });
    const text = search.toString();
    return { url: text ? `${url}?${text}` : url, payload };
  });
}
