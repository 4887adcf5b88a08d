// The browser's time zone goes with the sign-in, so dates and "today" are the user's rather than the server's.
(function () {
  var field = document.getElementById('timeZone');
  if (field) {
    try { field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { field.value = ''; }
  }
})();
