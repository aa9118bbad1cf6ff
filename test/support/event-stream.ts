import { waitFor } from './wait-for';

export interface StreamMessage {
  id?: string;
  event?: string;
  data: any;
}

/** A Server-Sent Events client for tests: collects messages as they arrive. */
export class EventStreamReader {
  readonly messages: StreamMessage[] = [];
  /** Messages that were not valid Server-Sent Events with JSON data: any fails `until`. */
  readonly errors: string[] = [];
  /** The server ended the stream, or the connection was lost. */
  closed = false;
  private readonly controller = new AbortController();
  private pending = '';
  private held: { promise: Promise<void>; release: () => void } | null = null;

  private constructor(readonly response: Response) {}

  static async open(url: string, headers: Record<string, string> = {}) {
    const reader = new EventStreamReader(await fetch(url, { headers }));
    if (reader.response.ok) void reader.read();
    return reader;
  }

  async until(count: number): Promise<StreamMessage[]> {
    await waitFor(`${count} stream messages (have ${this.messages.length})`, () => {
      if (this.errors.length > 0) throw new Error(`unreadable messages: ${this.errors.join('; ')}`);
      return this.messages.length >= count ? true : undefined;
    });
    if (this.errors.length > 0) throw new Error(`unreadable messages: ${this.errors.join('; ')}`);
    return this.messages.slice(0, count);
  }

  /** Stops reading (the connection fills up as a slow client's does) until `release`. */
  hold(): void {
    let release = () => {};
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { promise, release };
  }

  release(): void {
    this.held?.release();
    this.held = null;
  }

  close(): void {
    this.controller.abort();
    void this.response.body?.cancel().catch(() => undefined);
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body as unknown as AsyncIterable<Uint8Array>) {
        if (this.held) await this.held.promise;
        this.pending += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.pending.indexOf('\n\n')) !== -1) {
          this.parse(this.pending.slice(0, end));
          this.pending = this.pending.slice(end + 2);
        }
      }
    } catch {
      // the connection was lost; `closed` says so
    } finally {
      this.closed = true;
    }
  }

  private parse(block: string): void {
    const message: Partial<StreamMessage> = {};
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
      else if (field === 'data') data = value;
    }
    if (data === undefined) return;
    try {
      this.messages.push({ ...message, data: JSON.parse(data) });
    } catch (error) {
      this.errors.push(`${(error as Error).message} in ${JSON.stringify(block)}`);
    }
  }
}
