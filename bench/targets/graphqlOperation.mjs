// GraphQL over HTTP as autocannon sends it: a POST with the query in a JSON body.

export function graphqlRequest(url, query, variables) {
  const { pathname } = new URL(url);
  return { method: 'POST', path: pathname, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) };
}

/** An operation of one fixed query. */
export function graphqlOperation(url, query) {
  return { url: new URL(url).origin, request: graphqlRequest(url, query) };
}
