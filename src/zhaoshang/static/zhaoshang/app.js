// Behaviour every page may use, declared in the markup so templates hold no inline script or handler (the
// Content-Security-Policy allows scripts from our own files only):
// - <form data-confirm="…">: asks before submitting;
// - <form data-busy="#id">: shows that element (an .htmx-indicator) while a plain, non-htmx form is submitted.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  const busy = form.dataset.busy && document.querySelector(form.dataset.busy);
  if (busy) busy.style.opacity = "1";
});
