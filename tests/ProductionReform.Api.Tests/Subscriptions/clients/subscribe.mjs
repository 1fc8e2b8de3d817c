// Drives the reference clients for the subscription tests: node subscribe.mjs '<spec as JSON>'.
// spec: { transport: "ws" | "sse", url, connectionParams?, headers?, operations: [{ query, variables?, take }] }
// All operations share one client (one WebSocket; one event stream each over SSE). Prints one JSON line per message:
// {"index", "type": "next", "payload"} | {"index", "type": "error", "error"} | {"index", "type": "complete"},
// and leaves once every operation has taken `take` results, completed or failed.
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const spec = JSON.parse(process.argv[2]);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const client = spec.transport === 'ws'
  ? createWsClient({
    url: spec.url,
    webSocketImpl: WebSocket,
    connectionParams: spec.connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: (error) => print({ index: -1, type: 'error', error: describe(error) }),
  })
  : createSseClient({ url: spec.url, headers: spec.headers, retryAttempts: 0 });

function describe(error) {
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) return { closeCode: error.code, reason: error.reason };
  if (Array.isArray(error)) return { errors: error };
  if (error instanceof Error) return { message: error.message };
  return error;
}

await Promise.all(spec.operations.map((operation, index) => new Promise((resolve) => {
  let taken = 0;
  let dispose = () => {};
  const finish = (line) => {
    if (line) print(line);
    dispose();
    resolve();
  };
  dispose = client.subscribe({ query: operation.query, variables: operation.variables }, {
    next: (payload) => {
      print({ index, type: 'next', payload });
      if (++taken >= operation.take) finish();
    },
    error: (error) => finish({ index, type: 'error', error: describe(error) }),
    complete: () => finish({ index, type: 'complete' }),
  });
})));
await client.dispose();
process.exit(0);
