// Shows every <time datetime="..."> in the viewer's own time zone and language; without script the server's UTC
// text stays.
function localTimes(root) {
  const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      {dateStyle: 'medium', timeStyle: 'short'});
  root.querySelectorAll('time[datetime]').forEach(time => {
    const at = new Date(time.getAttribute('datetime'));
    if (!isNaN(at)) {
      time.textContent = format.format(at);
      time.title = time.getAttribute('datetime');
    }
  });
}
document.addEventListener('DOMContentLoaded', () => localTimes(document));
document.addEventListener('htmx:afterSettle', event => localTimes(event.target));
