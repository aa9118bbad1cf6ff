import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

/** How many clients follow `GET /v1/stream`, and how often one could not keep up. */
@Injectable()
export class StreamMetrics {
  private readonly clients: Gauge;
  private readonly fullClients: Counter;

  constructor(@Inject(Registry) registry: Registry) {
    this.clients = new Gauge({
      name: 'newsline_stream_clients',
      help: 'Clients following GET /v1/stream',
      registers: [registry],
    });
    this.fullClients = new Counter({
      name: 'newsline_stream_client_full_total',
      help:
        'Times a stream client left STREAM_CLIENT_BUFFER_BYTES unsent and was sent nothing ' +
        'more until it had taken it (it then reads what it missed from the database)',
      registers: [registry],
    });
  }

  /** Counts a client in; returns the function that counts it out. */
  clientJoined(): () => void {
    this.clients.inc();
    return () => this.clients.dec();
  }

  countFull(): void {
    this.fullClients.inc();
  }
}
