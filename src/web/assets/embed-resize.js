// Runs inside /transit/embed/* pages: tells the page that frames it (the <open-seoul-transfer> widget) how tall
// the content is, so the frame fits it without a scrollbar. Only a height is sent; nothing else leaves the frame.
(() => {
  
  if (window.parent === window) return;
  var sent = 0;
  function report() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'open-seoul:embed-height', height: height }, '*');
  }
  report();
  window.addEventListener('load', report);
  if ('ResizeObserver' in window) new ResizeObserver(report).observe(document.body);
})();
