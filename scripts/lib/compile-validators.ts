// Compiles each operation's JSON request-body schema into standalone validator code with ajv,
// so the clients check bodies exactly as the spec states, with no ajv at run time.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

// ajv ships CommonJS; under NodeNext the default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneModule.default;

/** ajv's runtime helper for maxLength/minLength in code points, inlined (standalone ESM keeps a require()). */
const UCS2LENGTH = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`;

/** An ajv instance configured the way every spec-driven validator in cloud-nic is. */
export function createSpecAjv(options: { code?: boolean } = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateSchema: false,
    discriminator: false,
    ...(options.code ? { code: { source: true, esm: true } } : {}),
  });
  addFormats(ajv);
  return ajv;
}

export function compileRequestValidators(
  doc: Record<string, unknown>,
  pointers: Record<string, string>,
  header: string,
): string | null {
  if (Object.keys(pointers).length === 0) return null;
  const ajv = createSpecAjv({ code: true });
  const id = 'urn:cloud-nic:spec';
  ajv.addSchema({ ...doc, $id: id }, id);
  const refs = Object.fromEntries(
    Object.entries(pointers).map(([operationId, pointer]) => [operationId, `${id}${pointer}`]),
  );
  let code = standaloneCode(ajv, refs);
  code = code.replace(
    /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g,
    (_m, name) => `const ${name} = ucs2length;`,
  );
  if (/\brequire\(/.test(code)) {
    const what = code.match(/require\("([^"]+)"\)/)?.[1];
    throw new Error(
      `standalone validator needs ${what} at run time; use a schema construct that compiles to plain code`,
    );
  }
  return `${header}\n// @ts-nocheck\n${code.replace('"use strict";', '')}\n${UCS2LENGTH}\n`;
}
