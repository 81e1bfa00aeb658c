import { html, type Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import type { TextDiff } from '../domain/rule-diff.js';
import { startupsT } from '../messages.js';
import type { RuleView } from '../use-cases/describe-rules.js';
import { localized } from './startups-view.js';

type Version = RuleView['versions'][number];

/** "In force from …" or "Promulgated …" (the source gave no effective date), said as what it is. */
export function versionDate(ctx: PageContext, v: Pick<Version, 'effectiveOn' | 'dateKind'>): Html {
  const t = startupsT(ctx.locale);
  return v.dateKind === 'promulgated'
    ? html`<span data-date-kind="promulgated">${t('rules.promulgated', { date: v.effectiveOn })}</span>`
    : html`<span data-date-kind="effective">${t('rules.effective', { date: v.effectiveOn })}</span>`;
}

/** A word diff with the added and removed words marked for sight (ins/del) and for screen readers (words said). */
function diffText(ctx: PageContext, lang: 'ko' | 'en', d: TextDiff): Html {
  const t = startupsT(ctx.locale);
  const hidden = (word: string) => html`<span class="visually-hidden">[${word}] </span>`;
  return html`<p lang="${lang}" class="prewrap rule-diff">${d.parts.map((p) =>
    p.op === 'added'
      ? html`<ins>${hidden(t('rules.added'))}${p.text}</ins>`
      : p.op === 'removed'
        ? html`<del>${hidden(t('rules.removed'))}${p.text}</del>`
        : p.text,
  )}</p>`;
}

function textChanges(ctx: PageContext, v: Version): Html {
  const t = startupsT(ctx.locale);
  if (!v.textChanges) return html`<p>${t('rules.firstVersion')}</p>`;
  const langs = ctx.locale === 'ko' ? (['ko', 'en'] as const) : (['en', 'ko'] as const);
  return html`${langs.map((lang) => {
    const d = v.textChanges![lang];
    if (!d) return lang === ctx.locale ? html`<p>${t('rules.noTextToCompare')}</p>` : null;
    if (!d.added && !d.removed) return lang === ctx.locale ? html`<p>${t('rules.noTextChange')}</p>` : null;
    return html`<p data-diff-count="${lang}">${t('rules.textChangesCount', { added: d.added, removed: d.removed })}</p>${diffText(ctx, lang, d)}`;
  })}`;
}

/** The versions of a rule, newest first: date, what changed (the keeper's note) and the text compared with the version before. */
export function ruleVersionsList(ctx: PageContext, versions: Version[]): Html {
  const t = startupsT(ctx.locale);
  return html`<ol reversed class="stack">${versions.map(
    (ver) => html`<li data-version="${ver.version}">
    <p><strong>${t('rules.version', { n: ver.version })}</strong> · ${versionDate(ctx, ver)}${ver.change.ko || ver.change.en ? html` — ${t('rules.change')}: ${localized(ver.change, ctx.locale)}` : null}</p>
    ${ver.dateKind === 'promulgated' ? html`<p class="muted">${t('rules.promulgatedNote')}</p>` : null}
    <details${ver.version === versions[0]?.version && ver.textChanges ? html` open` : null}><summary>${t('rules.textChanges')}</summary>${textChanges(ctx, ver)}</details></li>`,
  )}</ol>`;
}
