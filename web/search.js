// search.js: the search box. Typing searches as you type (after a pause)
// and offers places from /api/places as suggestions: choosing one shows
// the entries near that place. The box follows the ARIA 1.2 combobox
// pattern (list popup, aria-activedescendant), so it works by keyboard
// and with a screen reader.
import * as api from './api.js';
import { t, label } from './i18n.js';

const DEBOUNCE_MS = 300;

export function init({ input, list, form, onQuery, onPlace }) {
  let timer = 0;
  let items = [];
  let active = -1;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    items = [];
    active = -1;
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    const place = items[i];
    close();
    if (place) onPlace(place);
  }

  async function suggest(q) {
    if (q.trim().length < 2) return close();
    let res;
    try {
      res = await api.places(q.trim());
    } catch (e) {
      if (e.name !== 'AbortError') close();
      return;
    }
    if (input.value !== q) return; // typed on meanwhile
    items = res.items || [];
    if (!items.length) return close();
    list.replaceChildren(...items.map((p, i) => {
      const li = document.createElement('li');
      li.id = `q-opt-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = t('placeOption', p.name, label('land', p.land));
      // mousedown, not click: it must come before the input loses focus.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i);
      });
      return li;
    }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value;
    timer = setTimeout(() => {
      onQuery(q, { replace: true });
      suggest(q);
    }, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden && items.length;
    if (ev.key === 'ArrowDown' && open) {
      ev.preventDefault();
      setActive((active + 1) % items.length);
    } else if (ev.key === 'ArrowUp' && open) {
      ev.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (ev.key === 'Enter' && open && active >= 0) {
      ev.preventDefault();
      choose(active);
    } else if (ev.key === 'Escape' && open) {
      ev.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    close();
    onQuery(input.value, { replace: false });
  });

  return {
    // Show the state's query without triggering a search.
    set(q) {
      if (document.activeElement !== input || !input.value) input.value = q;
    },
  };
}
