import { context, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

export interface TracingSettings {
  /** OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces */
  otlpEndpoint: string;
  serviceName: string;
}

export interface Tracing {
  plugin: ApolloServerPlugin<GatewayContext>;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces, when configured: a span per GraphQL operation with a child span per upstream
 * attempt, exported over OTLP/HTTP in batches. The spans are written when the operation ends, from the
 * timings the request already collects, so tracing adds nothing to the resolvers' path.
 */
export async function startTracing(settings: TracingSettings): Promise<Tracing> {
  // Loaded only when tracing is configured: the SDK and the exporter are about 10 MB of a gateway's memory.
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor }, { NodeTracerProvider }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpEndpoint }))],
  });
  const tracer = provider.getTracer('categraph');
  return { plugin: tracingPlugin(tracer), shutdown: () => provider.shutdown() };
}

function tracingPlugin(tracer: Tracer): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = Date.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const span = tracer.startSpan(`graphql ${operation?.operation ?? 'request'} ${operationName ?? 'anonymous'}`, {
            kind: SpanKind.SERVER,
            startTime: startedAt,
            attributes: {
              'graphql.operation.name': operationName ?? 'anonymous',
              'graphql.operation.type': operation?.operation ?? 'invalid',
              'categraph.request_id': contextValue.requestId,
            },
          });
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: `${errors.length} error(s)` });
          const parent = trace.setSpan(context.active(), span);
          for (const timing of contextValue.upstreamTimings) {
            const child = tracer.startSpan(
              `${timing.platform} ${timing.method} ${timing.path}`,
              {
                kind: SpanKind.CLIENT,
                startTime: timing.startedAt,
                attributes: {
                  'http.request.method': timing.method,
                  'url.path': timing.path,
                  'categraph.store': timing.storeId,
                  ...(timing.status !== undefined && { 'http.response.status_code': timing.status }),
                },
              },
              parent,
            );
            if (timing.status === undefined || timing.status >= 500) child.setStatus({ code: SpanStatusCode.ERROR });
            child.end(timing.startedAt + timing.durationMs);
          }
          span.end();
        },
      };
    },
  };
}
