/** What a service's 415 answers tell a client about the bodies it takes. */
export interface MediaTypeMessages {
  /** To a body that is neither JSON nor NDJSON. */
  notJson: string;
  /** To NDJSON sent to a route that takes one JSON document. */
  notNdjson: string;
}
