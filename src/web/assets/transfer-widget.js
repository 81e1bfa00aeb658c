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
 */
(() => {
  
  var script = document.currentScript;
  var origin = new URL(script?.src ? script.src : '/', location.href).origin;
  var PROFILES = ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'];
  var TITLE = { ko: '환승 지도와 단계별 안내 (열린 서울)', en: 'Transfer map and steps (Open Seoul)' };

  function pageLang(el) {
    var own = (el.getAttribute('lang') || '').slice(0, 2);
    if (own === 'ko' || own === 'en') return own;
    var page = (document.documentElement.lang || '').slice(0, 2);
    return page === 'en' ? 'en' : 'ko';
  }

  class OpenSeoulTransfer extends HTMLElement {
    static get observedAttributes() { return ['station', 'from', 'to', 'profile', 'lang', 'title']; }

    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      var style = document.createElement('style');
      style.textContent = ':host{display:block;max-width:100%}iframe{display:block;width:100%;min-height:320px;border:1px solid #b1b8be;border-radius:8px;background:#fff}';
      var frame = document.createElement('iframe');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.style.height = '640px';
      root.append(style, frame);
      this.frame = frame;
      this.onMessage = (event) => {
        if (event.origin !== origin || event.source !== frame.contentWindow) return;
        var data = event.data;
        if (data && data.type === 'open-seoul:embed-height' && typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
          frame.style.height = `${Math.ceil(data.height) + 2}px`;
        }
      };
    }

    connectedCallback() {
      window.addEventListener('message', this.onMessage);
      this.render();
    }

    disconnectedCallback() { window.removeEventListener('message', this.onMessage); }

    attributeChangedCallback() { if (this.isConnected) this.render(); }

    render() {
      var station = this.getAttribute('station');
      if (!station) return;
      var lang = pageLang(this);
      var profile = this.getAttribute('profile');
      var params = new URLSearchParams({ station: station, lang: lang, profile: PROFILES.indexOf(profile) >= 0 ? profile : 'walking' });
      if (this.getAttribute('from')) params.set('from', this.getAttribute('from'));
      if (this.getAttribute('to')) params.set('to', this.getAttribute('to'));
      this.frame.title = this.getAttribute('title') || TITLE[lang];
      this.frame.setAttribute('lang', lang);
      var src = `${origin}/transit/embed/transfer?${params.toString()}`;
      if (this.frame.getAttribute('src') !== src) this.frame.setAttribute('src', src);
    }
  }

  if (!customElements.get('open-seoul-transfer')) customElements.define('open-seoul-transfer', OpenSeoulTransfer);
})();
