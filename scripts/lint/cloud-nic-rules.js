// Redocly plugin with the project's structural lint rules that configurable `rule/...` assertions
// cannot express. Loaded by redocly.yaml (`plugins`).

/** Canonical JSON (sorted keys, descriptions and examples dropped) so that equal shapes compare equal. */
function shapeOf(schema) {
  if (Array.isArray(schema)) return `[${schema.map(shapeOf).join(',')}]`;
  if (schema === null || typeof schema !== 'object') return JSON.stringify(schema);
  const keys = Object.keys(schema)
    .filter((k) => !['description', 'example', 'examples', 'title'].includes(k))
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${shapeOf(schema[k])}`).join(',')}}`;
}

/** An inline object schema with properties that repeats a schema already in components.schemas. */
function NoInlineDuplicateSchema() {
  const components = new Map();
  const inline = [];
  return {
    Root: {
      leave(_root, ctx) {
        for (const { shape, location } of inline) {
          const name = components.get(shape);
          if (name) {
            ctx.report({
              message: `Inline schema duplicates components.schemas.${name}: use $ref: '#/components/schemas/${name}'.`,
              location,
            });
          }
        }
      },
    },
    NamedSchemas: {
      Schema(schema, ctx) {
        components.set(shapeOf(schema), ctx.key);
      },
    },
    Schema: {
      enter(schema, ctx) {
        const pointer = ctx.location.pointer;
        if (/^#\/components\/schemas\/[^/]+$/.test(pointer)) return;
        if (schema && typeof schema === 'object' && schema.properties) {
          inline.push({ shape: shapeOf(schema), location: ctx.location });
        }
      },
    },
  };
}

export default function cloudNicLintPlugin() {
  return {
    id: 'cloud-nic',
    rules: {
      oas3: {
        'no-inline-duplicate-schema': NoInlineDuplicateSchema,
      },
    },
  };
}
