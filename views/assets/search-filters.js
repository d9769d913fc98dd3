// Progressive enhancement only: without this file the search page shows its filter form in full.
// On a narrow screen the form comes before the results and fills the first screens, so the script
// folds it behind a disclosure button (aria-expanded) and unfolds it again on a wide screen.
(function () {
  'use strict';

  function enhance(form) {
    var narrow = window.matchMedia('(max-width: 48rem)');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary search-filters-toggle';
    button.textContent = form.getAttribute('data-toggle-label');
    button.setAttribute('aria-controls', form.id);
    form.parentNode.insertBefore(button, form);

    function show(open) {
      form.hidden = !open;
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }

    function fit() {
      button.hidden = !narrow.matches;
      show(!narrow.matches);
    }

    button.addEventListener('click', function () {
      show(form.hidden);
    });
    if (narrow.addEventListener) narrow.addEventListener('change', fit);
    fit();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-toggle-label]');
    if (form && window.matchMedia) enhance(form);
  });
})();
