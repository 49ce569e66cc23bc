// The admin API's reference, drawn from its OpenAPI document (GET /admin/v1/openapi.json): operations by tag with
// their parameters, bodies and answers, then the schemas. Text only, like every screen: no markup from the document.
import { api } from '../api.js';
import { h } from '../dom.js';
import { card, pageHeader, table } from '../ui.js';

export const title = 'Admin API reference';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function render() {
  const doc = await api.get('/openapi.json');
  const operations = collect(doc);
  return h('div', { class: 'api-reference' },
    pageHeader(title, `${doc.info.title}, version ${doc.info.version}: every path below starts with /admin/v1`,
      h('a', { class: 'btn btn-secondary', href: '/admin/v1/openapi.json', download: 'scimgate-admin-openapi.json' },
        'Download OpenAPI 3.1')),
    h('p', { class: 'api-text' }, doc.info.description || ''),
    (doc.tags || []).map((tag) => card(tag.name,
      h('p', { class: 'muted' }, tag.description || ''),
      operations.filter((op) => op.tags.includes(tag.name)).map((op) => operation(op, doc)))),
    card('Schemas', Object.entries(doc.components.schemas).map(([name, schema]) => schemaBlock(name, schema))));
}

/** Every operation with its path, method and the parameters of its path item. */
function collect(doc) {
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (item[method]) {
        operations.push({ path, method, ...item[method], tags: item[method].tags || [],
          parameters: [...(item.parameters || []), ...(item[method].parameters || [])] });
      }
    }
  }
  return operations;
}

function operation(op, doc) {
  const parameters = op.parameters.map((param) => resolve(param, doc));
  const body = op.requestBody && op.requestBody.content['application/json'];
  return h('details', { class: 'api-op', id: op.operationId },
    h('summary', {}, h('span', { class: `api-method api-${op.method}` }, op.method.toUpperCase()),
      h('code', { class: 'api-path' }, op.path), h('span', { class: 'api-summary' }, op.summary || '')),
    op.security && op.security.length === 0 ? h('p', { class: 'muted' }, 'No credential needed.') : null,
    parameters.length ? table(['Parameter', 'In', 'Type', 'Description'], parameters.map((param) => h('tr', {},
      h('td', {}, h('code', {}, param.name)), h('td', {}, param.in), h('td', {}, typeOf(param.schema)),
      h('td', {}, param.description || '')))) : null,
    body ? h('p', {}, 'Body: ', h('code', {}, typeOf(body.schema)), op.requestBody.required ? '' : ' (optional)')
      : null,
    table(['Answer', 'Body', 'When'], Object.entries(op.responses).map(([status, response]) => {
      const answer = resolve(response, doc);
      const json = answer.content && answer.content['application/json'];
      return h('tr', {}, h('td', { class: 'status-code' }, status), h('td', {}, json ? typeOf(json.schema) : '—'),
        h('td', {}, answer.description || ''));
    })));
}

function schemaBlock(name, schema) {
  const parts = schema.allOf ? schema.allOf.map((part) => typeOf(part)).join(' and ') : null;
  const required = new Set(schema.required || []);
  const properties = Object.entries(schema.properties || {});
  return h('section', { class: 'api-schema', id: `schema-${name}` },
    h('h3', {}, name),
    schema.description ? h('p', { class: 'muted' }, schema.description) : null,
    parts ? h('p', {}, parts) : null,
    schema.enum ? h('p', {}, 'One of: ', schema.enum.join(', ')) : null,
    properties.length ? table(['Field', 'Type', 'Description'], properties.map(([field, property]) => h('tr', {},
      h('td', {}, h('code', {}, field), required.has(field) ? '' : ' (optional)'), h('td', {}, typeOf(property)),
      h('td', {}, property.description || '')))) : null);
}

/** A schema in a few words: a reference's name, a type (with null), an array's items. */
function typeOf(schema) {
  if (!schema) {
    return 'any';
  }
  if (schema.$ref) {
    return schema.$ref.split('/').pop();
  }
  if (schema.oneOf) {
    return schema.oneOf.map(typeOf).join(' or ');
  }
  if (schema.allOf) {
    return schema.allOf.map(typeOf).join(' and ');
  }
  if (schema.not && schema.not.required) {
    return `without ${schema.not.required.join(', ')}`;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type || (schema.required ? 'with' : 'any')];
  const named = types.map((type) => (type === 'array' ? `array of ${typeOf(schema.items)}` : type));
  const extra = schema.format ? ` (${schema.format})` : schema.enum ? `: ${schema.enum.join(' | ')}` : '';
  return (schema.required && !schema.type ? `with ${schema.required.join(', ')}` : named.join(' or ')) + extra;
}

/** A parameter or response given by $ref, looked up in the document's components. */
function resolve(value, doc) {
  if (!value.$ref) {
    return value;
  }
  const [, , section, name] = value.$ref.split('/');
  return doc.components[section][name];
}
