/** PostgreSQL schema that holds the read models (kept apart from bookkeeping such as migrations). */
export const READ_MODEL_SCHEMA = 'read_model';
