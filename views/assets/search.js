// Progressive enhancement only: the header search box is a plain GET form to /cari without this file.
// With it, the input becomes a combobox (WAI-ARIA 1.2 pattern) showing as-you-type suggestions from
// /api/v1/search/suggest: Up/Down move through them (aria-activedescendant), Enter opens the chosen
// one, Escape closes the list. Titles are inserted with textContent, never as HTML.
(function () {
  'use strict';
  var DELAY_MS = 200;
  var MIN_LENGTH = 2;

  function enhance(form) {
    var input = form.querySelector('[data-suggest-url]');
    var listbox = form.querySelector('[role="listbox"]');
    if (!input || !listbox || !window.fetch) return;
    // Combobox semantics only once the script can honour them; without it the input stays a plain search field.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-expanded', 'false');
    var url = input.getAttribute('data-suggest-url');
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      listbox.hidden = true;
      listbox.textContent = '';
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
    }

    function show(suggestions) {
      close();
      if (suggestions.length === 0) return;
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement('li');
        option.id = 'site-search-option-' + i;
        option.className = 'site-search__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-url', suggestion.url);
        var title = document.createElement('span');
        title.textContent = suggestion.title;
        var type = document.createElement('span');
        type.className = 'site-search__option-type';
        type.textContent = suggestion.typeLabel;
        option.appendChild(title);
        option.appendChild(type);
        // mousedown, not click: it fires before the input's blur closes the list.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          window.location.assign(suggestion.url);
        });
        listbox.appendChild(option);
        items.push(option);
      });
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function load() {
      var q = input.value.trim();
      if (q.length < MIN_LENGTH) return close();
      var request = ++latest;
      fetch(url + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.json() : { data: [] }; })
        .then(function (body) {
          // A slower answer to an older query must not replace a newer one.
          if (request === latest && document.activeElement === input) show(body.data || []);
        })
        .catch(close);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(load, DELAY_MS);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        if (!listbox.hidden) event.preventDefault();
        close();
      } else if (event.key === 'ArrowDown' && items.length > 0) {
        event.preventDefault();
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === 'ArrowUp' && items.length > 0) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === 'Enter' && active >= 0) {
        // Enter without a chosen suggestion submits the form: the full results page.
        event.preventDefault();
        window.location.assign(items[active].getAttribute('data-url'));
      }
    });
    input.addEventListener('blur', close);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form.site-search').forEach(enhance);
  });
})();
