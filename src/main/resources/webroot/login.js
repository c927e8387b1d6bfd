// Inzage sign-in page: the form posts straight to /login (no script needed for that);
// this only shows a message when the server sent us back with ?failed.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('failed')) {
    return;
  }
  const msg = document.createElement('p');
  msg.id = 'login-error';
  msg.className = 'error';
  msg.setAttribute('role', 'alert');
  msg.textContent = 'Sign-in failed: the user name or password is not correct.';
  const box = document.getElementById('login-messages') || document.body;
  box.append(msg);
  const pw = document.getElementById('password');
  if (pw) {
    pw.value = '';
  }
});
