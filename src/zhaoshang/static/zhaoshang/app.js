// Behaviour every page may use, declared in the markup so templates hold no inline script or handler (the
// Content-Security-Policy allows scripts from our own files only):
// - <form data-confirm="…"> or <button data-confirm="…">: asks before submitting (the button's question first);
// - <form data-busy="#id">: shows that element (an .htmx-indicator) while a plain, non-htmx form is submitted;
// - <button data-busy-text="保存中…">: the pressed button says so and cannot be pressed twice.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const button = event.submitter;
  const question = (button && button.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  const busy = form.dataset.busy && document.querySelector(form.dataset.busy);
  if (busy) busy.style.opacity = "1";
  if (button && button.dataset.busyText) {
    button.textContent = button.dataset.busyText;
    setTimeout(() => { button.disabled = true; }, 0);  // after the form's data (with this button's value) is taken
  }
});
