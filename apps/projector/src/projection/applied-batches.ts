import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { ProjectedEvent } from '@app/read-model';

/** Batches the live projection has committed, in log order, for whoever follows them. */
@Injectable()
export class AppliedBatches {
  private readonly committed = new Subject<ProjectedEvent[]>();

  get batches(): Observable<ProjectedEvent[]> {
    return this.committed.asObservable();
  }

  notify(events: ProjectedEvent[]): void {
    if (events.length > 0) this.committed.next(events);
  }
}
