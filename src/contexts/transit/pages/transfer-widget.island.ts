/*
 * Open Seoul transfer widget: shows a station's transfer map and its numbered steps on any website.
 *
 *   <script src="https://<open-seoul-host>/assets/transfer-widget.js" defer></script>
 *   <open-seoul-transfer station="seoul-330" from="seoul-330:platform:2:seoul-224" to="seoul-330:platform:3"
 *                        profile="wheelchair" lang="ko">
 *     <a href="https://<open-seoul-host>/transit/stations/seoul-330/transfers">교대역 환승 지도</a>
 *   </open-seoul-transfer>
 *
 * Attributes: station (required, a station id), from and to (stop ids of two platforms; default: the station's
 * first transfer), profile (walking, wheelchair, powered_wheelchair, elderly, stroller, pregnant, low_vision;
 * default walking), lang (ko or en; default the page's language, else ko), title (the frame's accessible name;
 * default "환승 지도와 단계별 안내 (열린 서울)" or its English). The station transfer page (/transit/stations/<id>/transfers) gives the code
 * for each transfer. The element's content is the fallback shown when scripts do not run.
 *
 * The widget draws an <iframe> of /transit/embed/transfer on the server this script came from, with a title for
 * screen readers; the frame's page reports its height so no inner scrollbar appears. Nothing is sent to the
 * embedding page but that height, and the frame loads nothing from anywhere else.
 *
 * Written in TypeScript and bundled by src/web/islands.ts; the URL /assets/transfer-widget.js is public (partner
 * sites load it): keep it.
 */

/** The embedded page's message (see embed-resize.island.ts): the one thing that crosses the frame. */
interface EmbedHeight {
  type: 'open-seoul:embed-height';
  height: number;
}
type Lang = 'ko' | 'en';

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = new URL(script?.src ? script.src : '/', location.href).origin;
  const PROFILES = ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'];
  const TITLE: Record<Lang, string> = { ko: '환승 지도와 단계별 안내 (열린 서울)', en: 'Transfer map and steps (Open Seoul)' };

  function pageLang(el: Element): Lang {
    const own = (el.getAttribute('lang') || '').slice(0, 2);
    if (own === 'ko' || own === 'en') return own;
    const page = (document.documentElement.lang || '').slice(0, 2);
    return page === 'en' ? 'en' : 'ko';
  }
  const isHeight = (data: unknown): data is EmbedHeight => {
    const d = data as Partial<EmbedHeight> | null;
    return !!d && d.type === 'open-seoul:embed-height' && typeof d.height === 'number' && d.height > 0 && d.height < 20000;
  };

  class OpenSeoulTransfer extends HTMLElement {
    static get observedAttributes() {
      return ['station', 'from', 'to', 'profile', 'lang', 'title'];
    }
    private readonly frame: HTMLIFrameElement;
    private readonly onMessage: (event: MessageEvent) => void;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent =
        ':host{display:block;max-width:100%}iframe{display:block;width:100%;min-height:320px;border:1px solid #b1b8be;border-radius:8px;background:#fff}';
      const frame = document.createElement('iframe');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.style.height = '640px';
      root.append(style, frame);
      this.frame = frame;
      this.onMessage = (event) => {
        if (event.origin !== origin || event.source !== frame.contentWindow) return;
        if (isHeight(event.data)) frame.style.height = `${Math.ceil(event.data.height) + 2}px`;
      };
    }

    connectedCallback() {
      window.addEventListener('message', this.onMessage);
      this.render();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    render() {
      const station = this.getAttribute('station');
      if (!station) return;
      const lang = pageLang(this);
      const profile = this.getAttribute('profile') ?? '';
      const params = new URLSearchParams({ station, lang, profile: PROFILES.includes(profile) ? profile : 'walking' });
      const from = this.getAttribute('from');
      const to = this.getAttribute('to');
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      this.frame.title = this.getAttribute('title') || TITLE[lang];
      this.frame.setAttribute('lang', lang);
      const src = `${origin}/transit/embed/transfer?${params.toString()}`;
      if (this.frame.getAttribute('src') !== src) this.frame.setAttribute('src', src);
    }
  }

  if (!customElements.get('open-seoul-transfer')) customElements.define('open-seoul-transfer', OpenSeoulTransfer);
})();

export {}; // a module: its names stay its own
