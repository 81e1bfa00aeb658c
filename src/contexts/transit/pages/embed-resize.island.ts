// Runs inside /transit/embed/* pages: tells the page that frames it (the <open-seoul-transfer> widget) how tall
// the content is, so the frame fits it without a scrollbar. Only a height is sent; nothing else leaves the frame.
// Bundled by src/web/islands.ts, served at /assets/embed-resize.js.
(() => {
  if (window.parent === window) return;
  let sent = 0;
  function report() {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'open-seoul:embed-height', height }, '*');
  }
  report();
  window.addEventListener('load', report);
  if ('ResizeObserver' in window) new ResizeObserver(report).observe(document.body);
})();

export {}; // a module: its names stay its own
