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

// - <button data-today-for="id">: fills today's date (the browser's day) into that date input;
// - <select data-narrows="#links">: the other select offers only the options whose data-chain is the chosen value
//   (all of them when nothing is chosen); a chosen option that no longer fits is cleared.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-today-for]");
  if (!button) return;
  const input = document.getElementById(button.dataset.todayFor);
  if (!input) return;
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  input.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  input.dispatchEvent(new Event("change", { bubbles: true }));
});

function narrowLinks(select) {
  const target = document.querySelector(select.dataset.narrows);
  if (!target) return;
  const chain = select.value;
  target.querySelectorAll("option[data-chain]").forEach((option) => {
    const fits = !chain || option.dataset.chain === chain;
    option.hidden = !fits;
    option.disabled = !fits;
    if (!fits && option.selected) target.value = "";
  });
}

// capturing: before an htmx filter form (listening on the select itself) sends the link that no longer fits
document.addEventListener("change", (event) => {
  if (event.target.matches && event.target.matches("select[data-narrows]")) narrowLinks(event.target);
}, true);
document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("select[data-narrows]").forEach(narrowLinks));
document.addEventListener("htmx:afterSwap", (event) => event.target.querySelectorAll("select[data-narrows]").forEach(narrowLinks));

// - <button data-add-row="#rows">: appends a copy of the container's last row, its inputs emptied, and focuses it.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const container = document.querySelector(button.dataset.addRow);
  const last = container && container.lastElementChild;
  if (!last) return;
  const row = last.cloneNode(true);
  row.querySelectorAll("input, textarea").forEach((input) => { input.value = ""; });
  container.appendChild(row);
  const first = row.querySelector("input, textarea");
  if (first) first.focus();
});
// <input type="checkbox" data-check-all="name">: ticks or unticks every checkbox of that name in its form (the
// `form` attribute counts, so rows of a table may belong to a form outside it).
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.checkAll) return;
  const form = box.form;
  const boxes = form ? form.elements.namedItem(box.dataset.checkAll) : null;
  if (!boxes) return;
  for (const item of boxes instanceof RadioNodeList ? boxes : [boxes]) {
    if (!item.disabled) item.checked = box.checked;
  }
});

// - <form data-dirty-guard>: remembers that something was typed; leaving the page then asks first;
// - <form method="get" data-period-switch="#form">: its select switches at once, asking first if #form has unsaved text.
document.addEventListener("input", (event) => {
  const form = event.target.form;
  if (form && form.matches("[data-dirty-guard]")) form.dataset.dirty = "1";
});
document.addEventListener("submit", (event) => {
  if (event.target.matches("[data-dirty-guard]") && !event.defaultPrevented) delete event.target.dataset.dirty;
});
window.addEventListener("beforeunload", (event) => {
  if (document.querySelector("form[data-dirty-guard][data-dirty]")) event.preventDefault();
});
document.addEventListener("change", (event) => {
  const switcher = event.target.closest("form[data-period-switch]");
  if (!switcher || event.target.tagName !== "SELECT") return;
  const guarded = document.querySelector(switcher.dataset.periodSwitch);
  if (guarded && guarded.dataset.dirty && !window.confirm("切换报送期将放弃尚未保存的内容，确定切换吗？")) {
    event.target.value = event.target.querySelector("option[selected]").value;
    return;
  }
  if (guarded) delete guarded.dataset.dirty;
  switcher.submit();
});
