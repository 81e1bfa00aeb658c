// Copy buttons for the data pages (attribution line, API address, SQL). Progressive enhancement: without
// this script the text is still there to select; with it, a button per block copies it and says so.
// Bundled by src/web/islands.ts, served at /assets/data-copy.js.
(() => {
  if (!navigator.clipboard) return;
  const done = document.documentElement.lang === 'en' ? 'Copied' : '복사했습니다';
  document.querySelectorAll<HTMLElement>('[data-copy]').forEach((slot) => {
    const source = document.getElementById(slot.getAttribute('data-copy') ?? '');
    if (!source) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-secondary btn-small';
    button.textContent = slot.getAttribute('data-label') || 'Copy';
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'muted';
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(source.textContent || '').then(() => {
        status.textContent = ` ${done}`;
        setTimeout(() => {
          status.textContent = '';
        }, 3000);
      });
    });
    slot.appendChild(button);
    slot.appendChild(status);
  });
})();

export {}; // a module: its names stay its own
