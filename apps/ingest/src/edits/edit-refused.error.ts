import { Refusal } from './decide-edit';

/** An edit the development's events do not allow. */
export class EditRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.refused);
    this.name = 'EditRefusedError';
  }
}
