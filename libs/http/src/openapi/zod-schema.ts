import { isDeepStrictEqual } from 'node:util';
import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** Requests are documented as the client may send them, responses as the service answers. */
export type SchemaDirection = 'input' | 'output';

export const COMPONENT_REF_PREFIX = '#/components/schemas/';

/** Named schemas met so far, by id; each document takes the ones it refers to. */
const knownComponents = new Map<string, SchemaObject>();

/** Formats whose meaning zod also spells out as a long regular expression. */
const SELF_EXPLAINING_FORMATS = new Set(['date', 'date-time', 'uuid']);

/**
 * A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object. Schemas named with
 * `.meta({ id })`, at any depth, become components referred to with `$ref`. Refinements and
 * transforms have no JSON Schema: what they check is left to descriptions.
 */
export function zodSchema(schema: z.ZodType, direction: SchemaDirection = 'output'): SchemaObject {
  const converted = z.toJSONSchema(schema, {
    io: direction,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (jsonSchema.format && SELF_EXPLAINING_FORMATS.has(jsonSchema.format)) {
        delete jsonSchema.pattern;
      }
    },
  });
  const { $defs: definitions = {}, ...root } = converted;
  delete root.$schema;
  for (const [id, definition] of Object.entries(definitions)) {
    remember(id, pointRefsAtComponents(definition) as SchemaObject);
  }
  return pointRefsAtComponents(root) as SchemaObject;
}

/** The component schemas `document` refers to, directly or through other components. */
export function componentsReferencedBy(document: unknown): Record<string, SchemaObject> {
  const used = new Map<string, SchemaObject>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key !== '$ref' || typeof child !== 'string') {
        visit(child);
        continue;
      }
      const id = child.startsWith(COMPONENT_REF_PREFIX) && child.slice(COMPONENT_REF_PREFIX.length);
      const component = id && knownComponents.get(id);
      if (!id || !component || used.has(id)) continue;
      used.set(id, component);
      visit(component);
    }
  };
  visit(document);
  return Object.fromEntries([...used].sort(([a], [b]) => a.localeCompare(b)));
}

function remember(id: string, component: SchemaObject): void {
  const known = knownComponents.get(id);
  if (known && !isDeepStrictEqual(known, component)) {
    throw new Error(`Two different schemas are documented as "${id}"`);
  }
  knownComponents.set(id, component);
}

function pointRefsAtComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pointRefsAtComponents);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string'
        ? child.replace('#/$defs/', COMPONENT_REF_PREFIX)
        : pointRefsAtComponents(child),
    ]),
  );
}
