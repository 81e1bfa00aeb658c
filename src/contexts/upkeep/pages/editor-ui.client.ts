import type { EditorSession } from './editor-session.js';

/**
 * What the interior editor island's parts share (interior-editor.island.ts builds it): the session and the
 * page's controls. Browser-only (*.client.ts: the DOM types, typechecked by tsconfig.islands.json).
 */
export interface EditorUi {
  session: EditorSession;
  /** #ed-app, the island's root, rendered by the page (editor.page.ts islandShell). */
  app: HTMLElement;
  /** #ed-canvas: the editable drawings of the levels. */
  canvas: HTMLElement;
  /** An element of the island by id: present whenever #ed-app is. */
  $: <T extends HTMLElement = HTMLElement>(id: string) => T;
  /** Redraws the levels, the list of changes and the side panel, keeping the focus where it was. */
  render(): void;
  /** The proposal changed: the validator checks it 400 ms after the last edit. */
  changed(): void;
  /** The side panel forgets what it shows, so the next render fills it from the interior as edited. */
  resetPanel(): void;
  /** Says (in a live region) what the next click will do: the other end of a connection, or where to move. */
  announcePending(message: string): void;
  /** POST as the signed-in steward (CSRF token of the page), JSON both ways. */
  post(path: string, body: unknown): Promise<Response>;
}

/** A problem as the API reports it (error.details), or as the island words one. */
export interface Problem {
  path?: string;
  message?: string;
}
/** What the island reads of the API's error answers (local types until the generated API client is wired in). */
export interface ErrorBody {
  error?: { code?: string; message?: string; details?: Problem[] };
}
export const errorOf = (body: ErrorBody | null) => body?.error ?? {};
