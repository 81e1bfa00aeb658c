/** The analyses context's tables; pins, chart and result are JSON text. */
export interface AnalysisRow {
  id: string;
  author_id: string;
  title: string;
  sql: string;
  pins: string;
  chart: string | null;
  narrative: string;
  status: 'draft' | 'published';
  forked_from: string | null;
  result: string | null;
  ran_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface AnalysisCommentRow {
  id: string;
  analysis_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    analyses_analysis: AnalysisRow;
    analyses_comment: AnalysisCommentRow;
  }
}
