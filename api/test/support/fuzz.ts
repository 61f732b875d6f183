import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  required?: string[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface Route {
  method: Method;
  path: string;
  pathParams: string[];
  query: Parameter[];
  body: Schema | null;
}

export interface FuzzRequest {
  path: string;
  body: string | undefined;
  contentType: string;
}

const METHODS: Method[] = ['get', 'post', 'patch', 'put', 'delete'];

/** Every operation of the document, with its path parameters, query parameters and body schema. */
export function routesOf(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method] as Operation;
      const params = op.parameters ?? [];
      return {
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      };
    }),
  );
}

/** Strings that have broken routes before: NUL, broken surrogates, dates that do not exist, huge years. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '2024-02-30',
  '2024-13-01',
  '+275760-09-13T00:00:00.000Z',
  '275760-01-01',
  'March 7',
  '1',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '-'.repeat(36),
  '00000000-0000-0000-0000-000000000000',
  "'; DROP TABLE clients; --",
  '%00',
  '../../etc/passwd',
  '=HYPERLINK("http://x")',
  'ℌ𝔢𝔩𝔩𝔬 ＦＵＬＬ',
  'x'.repeat(5000),
  '["1","00000000-0000-4000-8000-000000000000"]',
  'WyIxIiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIl0',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

/** Any JSON value, nasty strings included: what a hostile client may put where anything else was expected. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, [], {}),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {};
  const merged = s.allOf?.map((x) => resolve(x, doc));
  if (merged)
    return Object.assign({}, ...merged, {
      properties: Object.assign({}, ...merged.map((m) => m.properties)),
    });
  return (s.oneOf?.[0] ?? s.anyOf?.[0]) ? resolve((s.oneOf?.[0] ?? s.anyOf?.[0]) as Schema, doc) : s;
}

/** A value shaped by the schema most of the time (so validation passes and deeper code runs), junk otherwise. */
export function valueFor(
  schema: Schema,
  doc: OpenApiDocument,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const plausible = plausibleFor(s, doc, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: junk });
}

function plausibleFor(s: Schema, doc: OpenApiDocument, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(s.example ?? 'fuzz (test)') },
        fc.constantFrom(...ids),
        fc.uuid(),
        fc
          .date({ min: new Date('1899-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        // Date-only values, impossible ones (month 13, day 32) included.
        fc
          .tuple(
            fc.integer({ min: 1899, max: 2100 }),
            fc.integer({ min: 0, max: 13 }),
            fc.integer({ min: 0, max: 32 }),
          )
          .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
        fc.constantFrom('fuzz (test)', 'fuzz@demo.test', '12:30', 'housing', 'barc10', 'America/Chicago'),
        nastyString,
      );
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 100 }), fc.integer(), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(valueFor(s.items ?? {}, doc, ids, depth + 1), { maxLength: 12 });
    default:
      if (s.properties && depth <= 4) return objectFor(s, doc, ids, depth);
      return junk;
  }
}

function objectFor(s: Schema, doc: OpenApiDocument, ids: string[], depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  const known = fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, doc, ids, depth + 1)])), {
    requiredKeys: [],
  });
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'id', 'organizationId'),
        junk,
      ),
    },
  );
  const shaped = fc.tuple(known, extra).map(([obj, more]) => {
    const out: Record<string, unknown> = { ...obj };
    if (more) Object.defineProperty(out, more[0], { value: more[1], enumerable: true, writable: true });
    return out;
  });
  // A nested object sent as a list of itself: class-validator's ValidateNested accepts both.
  return depth === 0
    ? shaped
    : fc.oneof(
        { weight: 5, arbitrary: shaped },
        shaped.map((o) => [o]),
      );
}

/** Percent-encodes anything, lone surrogates included (encodeURIComponent throws on them). */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

/** One request for a route: real and random ids or junk in the path, schema-led or junk query and body. */
export function requestFor(route: Route, doc: OpenApiDocument, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const idArb = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyString.filter((x) => x !== '' && x !== '.' && x !== '..') },
  );
  const params = fc.tuple(...route.pathParams.map(() => idArb));
  const query = fc.record(
    Object.fromEntries(
      route.query.map((q) => [q.name, valueFor(q.schema ?? { type: 'string' }, doc, ids).map(toQueryValue)]),
    ),
    { requiredKeys: [] },
  );
  const bodyValue = route.body ? valueFor(route.body, doc, ids) : fc.constant(undefined);
  const rawBody = fc.oneof(
    {
      weight: 8,
      arbitrary: bodyValue.map((b) => ({
        text: b === undefined ? undefined : JSON.stringify(b),
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', '[[[[', '{"name":"\\ud800"}', 'name=x%00')
        .map((text) => ({ text, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('name=a%00b&x=1', 'a=1&a=2')
        .map((text) => ({ text, type: 'application/x-www-form-urlencoded' })),
    },
  );
  return fc.tuple(params, query, rawBody).map(([values, q, body]) => {
    let path = route.path;
    route.pathParams.forEach(
      (name, i) => (path = path.replace(`{${name}}`, encodeSegment(String(values[i])))),
    );
    const search = Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(String(v))}`)
      .join('&');
    return { path: search ? `${path}?${search}` : path, body: body.text, contentType: body.type };
  });
}

function toQueryValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
