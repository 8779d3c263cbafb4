import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RequestTrace } from '../../src/observability/requestTrace';

function tracedRequest() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('test');
  const requestTrace = new RequestTrace({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
  requestTrace.enter(tracer.startSpan('query', {}, requestTrace.context), tracer);
  return { requestTrace, exporter };
}

test('url.full never carries credentials: user info is dropped and secret query parameters are redacted', () => {
  const { requestTrace, exporter } = tracedRequest();
  const attempt = requestTrace.startAttempt({
    storeId: 'shop',
    method: 'GET',
    route: '/products',
    baseUrl: 'https://user:pass@api.example.com:8443/api/v3/',
    path: '/products',
    query: { productId: '1,2', token: 'secret_1', api_key: 'secret_2', limit: 100, skipped: undefined },
  });
  attempt.end(200);
  const [span] = exporter.getFinishedSpans();
  expect(span.attributes['url.full']).toBe('https://api.example.com:8443/api/v3/products?productId=1%2C2&token=REDACTED&api_key=REDACTED&limit=100');
  expect(span.attributes).toMatchObject({ 'server.address': 'api.example.com', 'server.port': 8443, 'url.template': '/products' });
  expect(JSON.stringify(span.attributes)).not.toMatch(/secret_|pass/);
});

test("an attempt without an answer is an error typed by the transport's failure", () => {
  const { requestTrace, exporter } = tracedRequest();
  requestTrace
    .startAttempt({ storeId: 'shop', method: 'GET', baseUrl: 'http://127.0.0.1:9', path: '/x' })
    .end(undefined, Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
  requestTrace.startAttempt({ storeId: 'shop', method: 'GET', baseUrl: 'http://127.0.0.1:9', path: '/x' }).end(undefined, new DOMException('late', 'TimeoutError'));
  const [refused, late] = exporter.getFinishedSpans();
  expect(refused).toMatchObject({ name: 'GET', attributes: expect.objectContaining({ 'error.type': 'ECONNREFUSED', 'server.port': 9 }), status: { code: 2 } });
  expect(late.attributes['error.type']).toBe('timeout');
  expect(refused.attributes['http.response.status_code']).toBeUndefined();
});
