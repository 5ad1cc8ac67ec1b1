// feedback.js: the feedback form of the accessibility statement. Sends
// the message as JSON to POST /api/feedback and says what happened in
// the status line (a live region); a refusal is shown next to the field
// the server names, and focus goes there.

const form = document.getElementById('feedback');
const status = document.getElementById('fb-status');
const msgError = document.getElementById('fb-message-error');
const message = document.getElementById('fb-message');

function fieldError(text) {
  msgError.textContent = text;
  msgError.hidden = !text;
  if (text) message.setAttribute('aria-invalid', 'true');
  else message.removeAttribute('aria-invalid');
}

async function send(ev) {
  ev.preventDefault();
  fieldError('');
  const body = {
    message: message.value.trim(),
    page: form.elements.page.value.trim() || null,
    contact: form.elements.contact.value.trim() || null,
  };
  if (!body.message) {
    fieldError('Bitte schreiben Sie eine Nachricht.');
    status.textContent = 'Nicht gesendet: Die Nachricht fehlt.';
    message.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  status.textContent = 'Wird gesendet …';
  try {
    const res = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'de' }, // the page is German
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) {
      form.reset();
      status.textContent = answer.status || 'Danke! Ihre Rückmeldung ist angekommen.';
      return;
    }
    const detail = answer.detail || `Fehler ${res.status}`;
    status.textContent = `Nicht gesendet: ${detail}`;
    if (answer.parameter === 'message') {
      fieldError(detail);
      message.focus();
    }
  } catch {
    status.textContent = 'Nicht gesendet: Der Server ist nicht erreichbar. Bitte versuchen Sie es später noch einmal.';
  } finally {
    button.disabled = false;
  }
}

if (form) form.addEventListener('submit', send);
