import { setFieldError } from './editor-panel.client.js';
import { type EditorUi, type ErrorBody, errorOf, type Problem } from './editor-ui.client.js';

/**
 * The interior editor and the server: the validator as you edit (POST …/proposals/preview 400 ms after the last
 * edit, its answer in the live region #ed-status) and sending the proposal (POST …/proposals). Browser-only.
 */
interface PreviewAnswer extends ErrorBody {
  attributes?: string[];
  diff?: unknown[];
}
interface ProposalAnswer extends ErrorBody {
  id?: string;
}

const stationPath = (ui: EditorUi) => `/api/v1/transit/stations/${encodeURIComponent(ui.session.data.stationId)}`;
/** The problems of an error answer: its details, or one line of its code (or HTTP status) and message. */
const problemsOf = (body: ErrorBody | null, res: Response, fallback: string): Problem[] => {
  const err = errorOf(body);
  return Array.isArray(err.details) && err.details.length ? err.details : [{ path: err.code || String(res.status), message: err.message || fallback }];
};

/** Returns `schedule`: call it after every edit; the check runs 400 ms after the last, and only the latest answer is shown. */
export function setUpValidator(ui: EditorUi) {
  const { $, session: s } = ui;
  const t = s.t;
  const status = $('ed-status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  function showStatus(lines: string[], problems?: Problem[]) {
    status.textContent = '';
    for (const line of lines) {
      const p = document.createElement('p');
      p.textContent = line;
      status.appendChild(p);
    }
    status.classList.toggle('is-invalid', !!problems?.length);
    if (problems?.length) {
      const ul = document.createElement('ul');
      for (const d of problems) {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = d.path || '';
        li.append(code, document.createTextNode(` ${d.message ?? ''}`));
        ul.appendChild(li);
      }
      status.appendChild(ul);
    }
  }

  function done() {
    status.removeAttribute('aria-busy');
    $('ed-checking').textContent = '';
  }

  async function check() {
    const mine = ++seq;
    // The live region is busy (not read out) until the answer is in; "checking" is for the eyes only.
    status.setAttribute('aria-busy', 'true');
    $('ed-checking').textContent = t('editor.status.checking');
    try {
      const res = await ui.post(`${stationPath(ui)}/proposals/preview`, { ops: s.ops });
      const body = (await res.json().catch(() => null)) as PreviewAnswer | null;
      if (mine !== seq) return;
      done();
      if (res.ok) {
        const attributes = (body?.attributes ?? []).map((a) => t(`editor.attr.${a}`)).join(', ');
        showStatus([t('editor.status.valid', { n: (body?.diff ?? []).length, attributes })]);
      } else {
        const details = problemsOf(body, res, res.statusText);
        showStatus([t('editor.status.invalid', { n: details.length })], details);
      }
    } catch {
      if (mine === seq) {
        done();
        showStatus([t('editor.status.offline')]);
      }
    }
  }

  return function schedule() {
    clearTimeout(timer);
    if (!s.ops.length) {
      seq++;
      done();
      showStatus([t('editor.status.idle')]);
      return;
    }
    timer = setTimeout(check, 400);
  };
}

/** Sends the proposal (title, operations, note) and opens it; a refusal is listed under the form. */
export function setUpSubmit(ui: EditorUi) {
  const { $, session: s } = ui;
  const t = s.t;
  $('ed-submit').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = $('ed-submit-status');
    const title = $<HTMLInputElement>('ed-title');
    const say = (lead: string, problems?: Problem[]) => {
      out.textContent = '';
      const p = document.createElement('p');
      p.textContent = lead;
      out.appendChild(p);
      if (problems?.length) {
        const ul = document.createElement('ul');
        for (const d of problems) {
          const li = document.createElement('li');
          li.textContent = `${d.path ?? ''}: ${d.message ?? ''}`;
          ul.appendChild(li);
        }
        out.appendChild(ul);
      }
    };
    setFieldError(title, null);
    if (!s.ops.length) {
      say(t('editor.nothingToSend'));
      return;
    }
    if (title.value.trim().length < 3) {
      setFieldError(title, t('editor.titleRequired'));
      title.focus();
      return;
    }
    say(t('editor.submitting'));
    try {
      const note = $<HTMLTextAreaElement>('ed-note').value.trim();
      const res = await ui.post(`${stationPath(ui)}/proposals`, { title: title.value.trim(), ops: s.ops, ...(note ? { note } : {}) });
      const body = (await res.json().catch(() => null)) as ProposalAnswer | null;
      if (res.status === 201 && body?.id) {
        window.location.assign(`/transit/proposals/${encodeURIComponent(body.id)}`);
        return;
      }
      say(t('editor.submitFailed'), problemsOf(body, res, ''));
    } catch {
      say(t('editor.status.offline'));
    }
  });
}
