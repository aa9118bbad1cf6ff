// The record of every write: kept in memory for the checks, appended to an NDJSON file as
// each write settles, and counted by kind and by the answer it finally got.
const fs = require('node:fs');

class WriteLog {
  constructor(file) {
    this.file = file;
    this.records = [];
    this.counts = {};
    this.batchItems = {};
    this.output = fs.createWriteStream(file, { flags: 'a' });
  }

  add(record) {
    this.records.push(record);
    const byAnswer = (this.counts[record.kind] ??= {});
    byAnswer[record.answer] = (byAnswer[record.answer] ?? 0) + 1;
    for (const item of record.items ?? []) {
      this.batchItems[item.status] = (this.batchItems[item.status] ?? 0) + 1;
    }
    this.output.write(`${JSON.stringify(record)}\n`);
  }

  get total() {
    return this.records.length;
  }

  /** Writes of each kind by final answer, and batch items by status. */
  summary() {
    return { byKind: this.counts, batchItems: this.batchItems, total: this.total };
  }

  close() {
    return new Promise((resolve) => this.output.end(resolve));
  }
}

module.exports = { WriteLog };
