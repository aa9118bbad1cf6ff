import { IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { ERROR_CODES, ErrorCode } from '@app/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The seed of this run's generated cases: FUZZ_SEED replays a run, else a new one. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${given}`);
  return seed;
}

/** Runs one generated case; a failure names the case and the seed that generates it again. */
export async function checkCase(
  seed: number,
  what: string,
  check: () => void | Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    const shortened = what.length > 300 ? `${what.slice(0, 300)}…` : what;
    throw new Error(`${shortened}\n(FUZZ_SEED=${seed} replays it)\n${(error as Error).message}`);
  }
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: await response.text(),
  };
}

/**
 * A request whose header values go on the wire byte for byte, one byte per character: fetch
 * would send them as UTF-8 and refuses characters above U+00FF. An event stream's answer is
 * cut off after its head.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (response) => {
        const answer = { status: response.statusCode ?? 0, headers: response.headers, text: '' };
        if (response.headers['content-type']?.startsWith('text/event-stream')) {
          response.destroy();
          resolve(answer);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ ...answer, text: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on('error', reject);
    // A string body would be written in one chunk with the head, and the head then as UTF-8.
    outgoing.end(options.body === undefined ? undefined : Buffer.from(options.body));
  });
}

/** Writes a request head no HTTP client would send, and reads until the server hangs up. */
export function sendRaw(url: string, head: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(head, 'latin1'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks))));
  });
}

function parseAnswer(raw: Buffer): Answer {
  const headEnd = raw.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const status = Number(statusLine.split(' ')[1]);
  return { status, headers, text: raw.subarray(headEnd + 4).toString() };
}

export interface ErrorBody {
  error: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

/** API.md's error shape, with a machine code that goes with the status it came with. */
export function errorBodyOf(answer: Answer): ErrorBody {
  const refuse = (why: string): never => {
    throw new Error(`${answer.status} is not a well-formed error (${why}): ${answer.text}`);
  };
  if (!String(answer.headers['content-type']).startsWith('application/json')) {
    refuse(`content-type ${answer.headers['content-type']}`);
  }
  let body: Partial<ErrorBody>;
  try {
    body = JSON.parse(answer.text) as Partial<ErrorBody>;
  } catch {
    return refuse('not JSON');
  }
  if (ERROR_CODES[body.error as ErrorCode] !== answer.status) refuse('unknown error code');
  if (typeof body.message !== 'string' || body.message === '') refuse('no message');
  if (!Array.isArray(body.details)) refuse('no details');
  for (const detail of body.details ?? []) {
    if (typeof detail?.path !== 'string' || typeof detail?.message !== 'string') {
      refuse('a detail without path and message');
    }
  }
  return body as ErrorBody;
}

/** The status is one the contract allows; an error is well-formed; a JSON answer parses. */
export function expectAnswer(answer: Answer, allowed: number[]): void {
  if (!allowed.includes(answer.status)) {
    throw new Error(
      `answered ${answer.status}, expected ${allowed.join(' or ')}: ${answer.text.slice(0, 500)}`,
    );
  }
  if (answer.status >= 400) errorBodyOf(answer);
  else if (String(answer.headers['content-type']).startsWith('application/json')) {
    JSON.parse(answer.text);
  }
}

/** A 400 whose details name each of `parameters` (a path, or a path within it). */
export function expectNamed(answer: Answer, parameters: string[]): void {
  const paths = errorBodyOf(answer).details.map((detail) => detail.path);
  const unnamed = parameters.filter(
    (name) => !paths.some((path) => path.toLowerCase().startsWith(name.toLowerCase())),
  );
  if (unnamed.length > 0) {
    throw new Error(`the 400 does not name ${unnamed.join(', ')}: ${answer.text}`);
  }
}

/** Text as its UTF-8 bytes, one character per byte, as `send` puts it on the wire. */
export const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** A header value as the server reads it: without the whitespace around it. */
export const asReceived = (value: string) => value.replace(/^[\t ]+|[\t ]+$/g, '');

/** Control characters HTTP forbids in a header value become tabs, the one it allows. */
const headerSafe = (bytes: string) => bytes.replace(/[^\t\x20-\x7e\x80-\xff]/g, '\t');

const HOSTILE_HEADER_TEXTS = [
  ...['', ' ', '\t', '"', "'", '""', '"\'"', '\\', '*', ',', ';', '=', 'null', '[]', '{}'],
  ...['0', '-1', '-0', '1e309', 'NaN', 'Infinity', '0x10', '4294967296', '9007199254740993'],
  ...['99999999999999999999', 'W/"1"', '"1"', '"1", "2"', 'Bearer', 'Basic', 'a\tb'],
  ...['%00', '%0d%0aSet-Cookie: a=b', '\\r\\nX-Injected: 1', '<script>alert(1)</script>'],
  ...["' OR '1'='1", '${jndi:ldap://x/a}', '../../etc/passwd', 'Зеленський', '中文', '😀'],
  ...['e\u0301', '\u202eevil', '\ufeff', '\u00a0'],
];

/**
 * Header values HTTP lets through, as bytes: quotes, numbers out of any range, empty, tabs,
 * UTF-8 and bytes that are no UTF-8 at all, and values of a few kilobytes (four of them stay
 * under the 16 KiB header limit).
 */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_HEADER_TEXTS).map(utf8Bytes) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(utf8Bytes) },
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ maxLength: 40 })
      .map((bytes) => headerSafe(Buffer.from(bytes).toString('latin1'))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '9', '"', 'é', '😀'), fc.integer({ min: 1000, max: 3000 }))
      .map(([unit, bytes]) => utf8Bytes(unit.repeat(bytes)).slice(0, bytes)),
  },
);

/**
 * Authorization values that are not `Bearer <secret>`, however close some of them come; now
 * and then none at all.
 */
export function wrongAuthorization(
  secret: string,
  otherTokens: string[],
): fc.Arbitrary<string | undefined> {
  const near = [
    secret,
    `Bearer${secret}`,
    `Bearer ${secret.toUpperCase()}`,
    `Bearer ${secret.slice(0, -1)}`,
    `Bearer ${secret}1`,
    `Bearer ${secret}\u00e9`,
    `Bearer ${secret} ${secret}`,
    `Bearer "${secret}"`,
    `Bearer ${secret},`,
    `Bearer ${secret.replace('-', '\t')}`,
    `Bearer ${secret.repeat(200)}`,
    `Bearer ${Buffer.from(secret).toString('base64')}`,
    `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
    `Basic ${secret}`,
    `Token ${secret}`,
    ...otherTokens.filter((token) => token !== secret).map((token) => `Bearer ${token}`),
  ];
  return fc.option(
    fc.oneof(
      fc.constantFrom(...near),
      hostileHeaderValue.filter((value) => !value.includes(secret)),
    ),
    { nil: undefined, freq: 8 },
  );
}

/** Headers without the ones a case leaves out. */
export function headersOf(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The X-Correlation-Id sent comes back as it was sent; without one (or an empty one), a new
 * UUID does. Bytes above 0x7f come back re-encoded (Node writes the head as UTF-8 when the
 * body is a string), so for those the ASCII around them must come back unchanged.
 */
export function expectCorrelationEcho(answer: Answer, sent: string | undefined): void {
  const received = asReceived(sent ?? '');
  const echoed = answer.headers['x-correlation-id'];
  const ascii = (value: unknown) => String(value).replace(/[\x80-\xff]/g, '');
  if (received === '') expect(echoed).toMatch(UUID);
  else if (/^[\t\x20-\x7e]+$/.test(received)) expect(echoed).toBe(received);
  else expect(ascii(echoed)).toBe(ascii(received));
}
