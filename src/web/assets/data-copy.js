// Copy buttons for the data pages (attribution line, API address, SQL). Progressive enhancement: without
// this script the text is still there to select; with it, a button per block copies it and says so.
(() => {
  
  if (!navigator.clipboard) return;
  var done = document.documentElement.lang === 'en' ? 'Copied' : '복사했습니다';
  document.querySelectorAll('[data-copy]').forEach((slot) => {
    var source = document.getElementById(slot.getAttribute('data-copy'));
    if (!source) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-secondary btn-small';
    button.textContent = slot.getAttribute('data-label') || 'Copy';
    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'muted';
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(source.textContent || '').then(() => {
        status.textContent = ` ${done}`;
        setTimeout(() => { status.textContent = ''; }, 3000);
      });
    });
    slot.appendChild(button);
    slot.appendChild(status);
  });
})();
