import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpanKind, SpanStatusCode, Tracer } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { ApolloServerPlugin } from '@apollo/server';
import { operationLabel } from '../../observability/operationLabel';
import type { GatewayContext } from '../context';
import { errorCodeOf } from './requestObservability';

/** Incubating in the semantic conventions, so spelled here rather than imported (the package may rename them). */
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_DOCUMENT = 'graphql.document';

export interface TracingSettings {
  /** OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces */
  otlpEndpoint: string;
  serviceName: string;
  /** The operation's text as `graphql.document`. */
  includeDocument: boolean;
}

export interface Tracing {
  plugin: ApolloServerPlugin<GatewayContext>;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces, when configured, by the semantic conventions for GraphQL and HTTP: a server span
 * per GraphQL operation, child of the caller's `traceparent` when it sent one, with a client span per
 * upstream attempt (started by the upstream client through the request's trace), exported over
 * OTLP/HTTP (JSON) in batches.
 */
export async function startTracing(settings: TracingSettings, knownOperationNames: readonly string[]): Promise<Tracing> {
  // Loaded only when tracing is configured: the SDK and the exporter are about 10 MB of a gateway's memory.
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor }, { NodeTracerProvider }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
  ]);
  const version = packageVersion();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.serviceName,
      [ATTR_SERVICE_VERSION]: version,
      [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpEndpoint }))],
  });
  const tracer = provider.getTracer('categraph', version);
  const plugin = tracingPlugin(tracer, new Set(knownOperationNames), settings.includeDocument);
  return { plugin, shutdown: () => provider.shutdown() };
}

function tracingPlugin(tracer: Tracer, knownOperations: ReadonlySet<string>, includeDocument: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      // Named once the operation is known; an operation that does not parse or validate keeps this name.
      const span = tracer.startSpan('GraphQL Operation', { kind: SpanKind.SERVER, attributes: { 'categraph.request_id': contextValue.requestId } }, contextValue.trace.context);
      contextValue.trace.enter(span, tracer);
      return {
        async didResolveOperation({ operation, operationName, source }) {
          if (!operation) return;
          const type = operation.operation;
          // Clients choose operation names: only the known ones name spans, as the conventions advise.
          const named = operationName && operationLabel(knownOperations, operationName) === operationName;
          span.updateName(named ? `${type} ${operationName}` : type);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
          if (includeDocument) span.setAttribute(ATTR_GRAPHQL_DOCUMENT, source);
        },
        async willSendResponse({ errors }) {
          if (errors?.length) {
            span.setAttribute(ATTR_ERROR_TYPE, String(errorCodeOf(errors[0])));
            span.setStatus({ code: SpanStatusCode.ERROR, message: `${errors.length} error(s)` });
          }
          span.end();
        },
      };
    },
  };
}

/** service.version: the gateway's package.json version (three folders up, from src/ and dist/ alike). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
