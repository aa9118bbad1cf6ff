import { Body, Controller, Logger, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { AcceptsBody } from './accepts-body';
import { ApiExceptionFilter } from './api-exception.filter';
import { createHttpAdapter } from './create-http-adapter';
import { TextBody } from './parse-text-body';

const MEDIA_TYPES = { notJson: 'JSON only, please.', notNdjson: 'NDJSON goes to /many.' };

@Controller()
class EchoController {
  @Post('one')
  one(@Body() body: unknown): unknown {
    return body;
  }

  @Post('many')
  @AcceptsBody({ limitFrom: 'BATCH_BODY_LIMIT_BYTES', ndjson: true })
  many(@Body() body: unknown): unknown {
    return body;
  }

  @Post('text')
  @AcceptsBody({ limit: 2048, text: true })
  text(@Body() body: unknown): unknown {
    return body instanceof TextBody ? { mediaType: body.mediaType, text: body.text } : body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('AcceptsBody, applied by createHttpAdapter', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const config = loadConfig({ BODY_LIMIT_BYTES: '1024', BATCH_BODY_LIMIT_BYTES: '4096' });
    app = await NestFactory.create<NestFastifyApplication>(
      EchoModule,
      createHttpAdapter({ config, mediaTypes: MEDIA_TYPES }),
      { bodyParser: false, logger: false },
    );
    app.useGlobalFilters(new ApiExceptionFilter([], MEDIA_TYPES));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  const post = async (path: string, contentType: string, body: string) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { statusCode: response.status, json: () => response.json() };
  };

  /** A JSON string of exactly `bytes` bytes. */
  const jsonOf = (bytes: number) => JSON.stringify('x'.repeat(bytes - 2));

  it("gives the route the limit of the setting it names, the others the service's", async () => {
    expect((await post('/many', 'application/json', jsonOf(4096))).statusCode).toBe(201);
    expect((await post('/many', 'application/json', jsonOf(4097))).statusCode).toBe(413);
    expect((await post('/one', 'application/json', jsonOf(1024))).statusCode).toBe(201);
    const tooLarge = await post('/one', 'application/json', jsonOf(1025));
    expect(tooLarge.statusCode).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('takes NDJSON on the route that accepts it, and refuses it elsewhere', async () => {
    const ndjson = '{"a":1}\n{"a":2}\n';
    const accepted = await post('/many', 'application/x-ndjson', ndjson);
    expect(accepted.statusCode).toBe(201);
    expect(await accepted.json()).toEqual({
      lines: [
        { line: 1, ok: true, text: '{"a":1}' },
        { line: 2, ok: true, text: '{"a":2}' },
      ],
    });
    const refused = await post('/one', 'application/x-ndjson', ndjson);
    expect(refused.statusCode).toBe(415);
    expect(await refused.json()).toEqual({
      error: 'unsupported_media_type',
      message: 'NDJSON goes to /many.',
      details: [],
    });
  });

  it('answers a body of any other type with what the service takes', async () => {
    const refused = await post('/many', 'text/plain', 'hello');
    expect(refused.statusCode).toBe(415);
    expect(await refused.json()).toMatchObject({ message: 'JSON only, please.' });
  });

  it('takes UTF-8 text and HTML on the route that accepts them, with its own limit', async () => {
    const plain = await post('/text', 'text/plain; charset=utf-8', 'Київ, 2 грудня');
    expect(plain.statusCode).toBe(201);
    expect(await plain.json()).toEqual({ mediaType: 'text/plain', text: 'Київ, 2 грудня' });
    const html = await post('/text', 'text/html', '<p>x</p>');
    expect(await html.json()).toEqual({ mediaType: 'text/html', text: '<p>x</p>' });
    expect((await post('/text', 'application/json', '{"a":1}')).statusCode).toBe(201);
    expect((await post('/text', 'text/plain', 'x'.repeat(2048))).statusCode).toBe(201);
    expect((await post('/text', 'text/plain', 'x'.repeat(2049))).statusCode).toBe(413);
    const latin1 = await post('/text', 'text/plain; charset=iso-8859-1', 'x');
    expect(latin1.statusCode).toBe(415);
    expect(await latin1.json()).toMatchObject({ error: 'unsupported_media_type' });
    const response = await fetch(`${baseUrl}/text`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from([0x41, 0xff, 0x42]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_request' });
    const elsewhere = await post('/one', 'text/html', '<p>x</p>');
    expect(elsewhere.statusCode).toBe(415);
    expect(await elsewhere.json()).toMatchObject({ message: 'JSON only, please.' });
  });
});
