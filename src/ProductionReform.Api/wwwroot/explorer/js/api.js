// Talks to this API only (same origin): POST /graphql, links to GraphiQL and to the CSV export.
const keyStorage = 'explorer.key';

export const apiKey = () => sessionStorage.getItem(keyStorage);

export function setApiKey(key) {
  if (key) sessionStorage.setItem(keyStorage, key);
  else sessionStorage.removeItem(keyStorage);
}

/** A GraphQL error answer, with the errors as the server gave them. */
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map(e => e.message).join('; '));
    this.errors = errors;
    this.codes = errors.map(e => e.extensions?.code);
  }
}

/** Runs a query; resolves to its data, rejects with GraphQLError. withKey sends the key the user gave, if any. */
export async function graphql(query, variables = {}, { withKey = false } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (withKey && apiKey()) headers.authorization = `Bearer ${apiKey()}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  if (body.errors?.length) throw new GraphQLError(body.errors);
  return body.data;
}

/** GraphiQL at /graphql with this exact document and variables in the URL fragment. */
export function graphiqlHref(query, variables) {
  const params = new URLSearchParams({ query });
  if (variables && Object.keys(variables).length) params.set('variables', JSON.stringify(variables, null, 2));
  return `/graphql#${params}`;
}

/** The CSV export of a root list, filtered and sorted as the GraphQL arguments would be. */
export function exportHref(list, where, order) {
  const params = new URLSearchParams();
  if (where) params.set('where', JSON.stringify(where));
  if (order) params.set('order', JSON.stringify(order));
  const search = params.toString();
  return `/export/${list}.csv${search ? `?${search}` : ''}`;
}
