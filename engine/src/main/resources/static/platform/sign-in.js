// Signs the platform operator in; the answer sets the Cockpit cookie (HttpOnly, path /camunda), then Cockpit opens.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('sign-in');
  const error = document.getElementById('error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      error.textContent = 'Enter your username and password.';
      error.hidden = false;
      (username ? form.elements.password : form.elements.username).focus();
      return;
    }
    try {
      const response = await fetch('/api/v1/auth/platform/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (response.ok) {
        window.location.assign('/camunda/app/cockpit/default/');
        return;
      }
      const problem = await response.json().catch(() => ({}));
      error.textContent =
        response.status === 401
          ? 'Username or password is not correct.'
          : problem.detail || 'Sign-in failed (' + response.status + ').';
    } catch {
      error.textContent = 'Salesflow cannot be reached. Check your connection and try again.';
    }
    error.hidden = false;
    form.elements.password.select();
    form.elements.password.focus();
  });
});
