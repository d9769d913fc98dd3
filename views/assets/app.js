// Progressive enhancement only: the site works without this file.
// Moves keyboard/screen-reader focus to the error summary when a form comes back with errors,
// and keeps focus on the field when one of the summary's links is followed.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    });
  });
});
