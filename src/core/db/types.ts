/**
 * The database schema as Kysely sees it. Core declares only its own tables; each context adds its own
 * by augmenting this interface (`declare module '…/core/db/types.js' { interface Database { … } }`).
 * Timestamps are ISO-8601 UTC strings on both dialects, so they sort and compare the same everywhere.
 */
export interface Database {
  core_audit: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before_json: string | null;
    after_json: string | null;
    request_id: string | null;
  };
  core_seed: { name: string; applied_at: string };
  core_search_doc: {
    doc_type: string;
    doc_id: string;
    title: string;
    summary: string;
    url: string;
    norm_text: string;
    updated_at: string;
  };
  core_search_token: { doc_type: string; doc_id: string; token: string; weight: number };
}

export type Dialect = 'sqlite' | 'postgres';
