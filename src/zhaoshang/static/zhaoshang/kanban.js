// Kanban: dragging a card onto another stage's column opens the move form (date, note, evidence) in the modal.
document.addEventListener("DOMContentLoaded", () => {
  const modalElement = document.getElementById("move-modal");
  if (!modalElement) return;
  const modal = bootstrap.Modal.getOrCreateInstance(modalElement);
  let dragged = null;
  document.querySelectorAll(".kanban-card[draggable=true]").forEach((card) => {
    card.addEventListener("dragstart", (event) => {
      dragged = card;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.dataset.moveUrl);
    });
    card.addEventListener("dragend", () => { dragged = null; });
  });
  document.querySelectorAll(".kanban-column").forEach((column) => {
    column.addEventListener("dragover", (event) => { if (dragged) { event.preventDefault(); column.classList.add("drop-target"); } });
    column.addEventListener("dragleave", () => column.classList.remove("drop-target"));
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("drop-target");
      if (!dragged || dragged.closest(".kanban-column") === column) return;
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      const from = encodeURIComponent(dragged.closest(".kanban-column").dataset.stage);  // the stage the user saw
      const url = `${dragged.dataset.moveUrl}?stage=${encodeURIComponent(column.dataset.stage)}&from=${from}&next=${next}`;
      document.getElementById("move-body").innerHTML = '<div class="text-muted small">加载中…</div>';
      htmx.ajax("GET", url, { target: "#move-body", swap: "innerHTML" }).then(() => modal.show());
    });
  });
});
