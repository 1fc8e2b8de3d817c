// What the explorer knows of the registry comes from the schema itself (introspection): which types are records,
// their fields, and the bilingual labels the schema's descriptions carry ("Name in Chinese 企业名称.").
import { graphql } from './api.js';

const introspection = `{ __schema { types { kind name description
  interfaces { name }
  fields { name description type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`;

// Labels for the few fields whose descriptions carry no Chinese.
const chineseFallback = {
  id: '全局编号', code: '代码', nameEn: '英文名称', titleEn: '英文标题', summaryEn: '英文摘要', url: '网址',
  descriptionEn: '英文简介', quote: '原文',
};

// Fields not shown as plain fields: the row version, and lists that have views of their own.
const hiddenFields = new Set(['version', 'history', 'sources']);

let types = null;

/** Loads the schema once; every other function here needs it. */
export async function loadSchema() {
  if (types) return;
  const data = await graphql(introspection);
  types = new Map(data.__schema.types.map(type => [type.name, type]));
}

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
const cjkRun = /[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff/／、·（）]*/;

/** { zh, en } from a description such as "Number of employees 职工人数 (synthetic for sample records)." */
export function splitLabel(description, name) {
  const text = description ?? '';
  const zh = text.match(cjkRun)?.[0] ?? chineseFallback[name] ?? null;
  const beforeChinese = cjk.test(text) ? text.split(cjk)[0] : text.split(/[.;:(]|, /)[0];
  const en = beforeChinese.replace(/[\s.,:;(]+$/, '').trim() || name;
  return { zh, en };
}

function unwrap(type) {
  let inner = type;
  let list = false;
  while (inner.ofType) {
    if (inner.kind === 'LIST') list = true;
    inner = inner.ofType;
  }
  return { kind: inner.kind, name: inner.name, list };
}

const typeOf = name => types.get(name);

/** `... on T { … }` naming each record type, for a field whose records may be of any type. */
export const titleFragments = () => nodeTypeNames().map(name => [name, titleSelection(name)])
  .filter(([, selection]) => selection).map(([name, selection]) => `... on ${name} { ${selection} }`);

/** The record types: every object type implementing Node. */
export const nodeTypeNames = () =>
  [...types.values()].filter(t => t.kind === 'OBJECT' && t.interfaces?.some(i => i.name === 'Node')).map(t => t.name);

export const typeLabel = name => splitLabel(typeOf(name)?.description, name);

const connectionNodeType = name => {
  const nodes = typeOf(name)?.fields?.find(f => f.name === 'nodes');
  return nodes ? unwrap(nodes.type).name : null;
};

/**
 * The fields of a record type, each with its label and how it is read: 'value' (scalars, enums and lists of them),
 * 'record' (a to-one relation) or 'connection' (a to-many relation, with the type of its nodes).
 */
export function recordFields(typeName) {
  return typeOf(typeName).fields.filter(f => !hiddenFields.has(f.name)).map(field => {
    const type = unwrap(field.type);
    const label = splitLabel(field.description, field.name);
    if (type.kind === 'SCALAR' || type.kind === 'ENUM') return { name: field.name, label, read: 'value', type: type.name };
    // A relation whose description has no Chinese ("Regions this quote states facts of.") takes its type's (区域).
    const related = name => ({ ...label, zh: label.zh ?? typeLabel(name).zh });
    if (type.kind === 'OBJECT' && type.name.endsWith('Connection')) {
      const nodes = connectionNodeType(type.name);
      return { name: field.name, label: related(nodes), read: 'connection', type: nodes };
    }
    if ((type.kind === 'OBJECT' || type.kind === 'INTERFACE') && !type.list)
      return { name: field.name, label: related(type.name), read: 'record', type: type.name };
    return null;
  }).filter(Boolean);
}

export const hasField = (typeName, field) => typeOf(typeName)?.fields?.some(f => f.name === field) ?? false;

/** The root list field of a record type (enterprises for Enterprise), for the CSV export. */
export function rootListOf(typeName) {
  const field = typeOf('Query').fields.find(f => {
    const type = unwrap(f.type);
    return type.name.endsWith('Connection') && connectionNodeType(type.name) === typeName;
  });
  return field?.name ?? null;
}

/** The fields that name a record of this type in a list, a graph or a link. */
export function titleSelection(typeName) {
  const has = field => hasField(typeName, field);
  const sample = has('isSample') ? ' isSample' : '';
  if (typeName === 'Citation') return 'code quote';
  if (typeName === 'PilotEnrollment') return `isSample enterprise { name nameEn } program { name nameEn }`;
  if (typeName === 'IndicatorValue') return 'value periodStart periodEnd asOf indicator { name nameEn unit }';
  if (has('name')) return `name${has('nameEn') ? ' nameEn' : ''}${sample}`;
  if (has('title')) return `title${has('titleEn') ? ' titleEn' : ''}${sample}`;
  return has('code') ? 'code' : '';
}

const shorten = (text, length) => (text && text.length > length ? `${text.slice(0, length)}…` : text);

/** { zh, en } naming a record read with titleSelection. */
export function titleOf(node) {
  if (!node) return { zh: null, en: null };
  switch (node.__typename) {
    case 'Citation':
      return { zh: shorten(node.quote, 48), en: node.code };
    case 'PilotEnrollment':
      return {
        zh: [node.enterprise?.name, node.program?.name].filter(Boolean).join(' · '),
        en: [node.enterprise?.nameEn, node.program?.nameEn].filter(Boolean).join(' · ') || null,
      };
    case 'IndicatorValue': {
      const when = node.asOf ?? [node.periodStart, node.periodEnd].filter(Boolean).join('–');
      const figure = `${node.value} ${node.indicator?.unit ?? ''}`.trim();
      return { zh: `${node.indicator?.name ?? ''}：${figure}${when ? `（${when}）` : ''}`, en: node.indicator?.nameEn ?? null };
    }
    default:
      return { zh: node.name ?? node.title ?? node.code ?? node.id, en: node.nameEn ?? node.titleEn ?? null };
  }
}

/**
 * The where of the CSV export that finds this one record by its natural key (the keys the import matches on):
 * code, else name, else title; an enrollment by its firm, an indicator value by indicator, region and date.
 */
export function naturalKeyFilter(typeName, record) {
  if (typeName === 'PilotEnrollment') return record.enterprise ? { enterprise: { name: { eq: record.enterprise.name } } } : null;
  if (typeName === 'IndicatorValue') {
    return {
      indicator: { code: { eq: record.indicator?.code ?? null } },
      region: { name: { eq: record.region?.name ?? null } },
      asOf: { eq: record.asOf ?? null },
      periodStart: { eq: record.periodStart ?? null },
    };
  }
  const key = ['code', 'name', 'title'].find(field => hasField(typeName, field) && record[field]);
  return key ? { [key]: { eq: record[key] } } : null;
}
