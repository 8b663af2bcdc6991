// Live updates for the Xent explorer. The form is the state: on every input the script sends the form as a query string
// to /view, puts each returned [data-slot] into the panel with the same data-target, and writes the query into the address
// bar. Only one request is in flight; a change made meanwhile is sent when it returns (the latest state wins).
(() => {
  "use strict";
  const form = document.getElementById("state");
  let busy = false, pending = false, sequence = 0;
  window.xentUpdates = 0;

  const query = () => new URLSearchParams(new FormData(form)).toString();

  const place = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    for (const slot of template.content.querySelectorAll("[data-slot]")) {
      const target = document.querySelector(`[data-target="${slot.dataset.slot}"]`);
      if (target) target.replaceChildren(slot);
    }
  };

  const update = async () => {
    document.body.dataset.idle = "false";
    if (busy) { pending = true; return; }
    busy = true;
    const started = performance.now();
    const qs = query();
    try {
      const response = await fetch("/view?" + qs, { headers: { "Accept": "text/html" } });
      window.xentServerTiming = response.headers.get("Server-Timing") || "";
      place(await response.text());
      history.replaceState(null, "", "/?" + qs + compressionQuery());
    } catch (e) {
      document.querySelector('[data-target="messages"]').textContent = "The server did not answer: " + e.message;
    } finally {
      busy = false;
      window.xentLastUpdateMs = performance.now() - started;
      window.xentUpdates = ++sequence;
      document.body.dataset.updates = String(sequence);
      if (pending) { pending = false; update(); }
      else document.body.dataset.idle = "true";
    }
  };

  form.addEventListener("input", (event) => {
    const t = event.target;
    if (t.dataset.for) {
      const number = document.getElementById(t.dataset.for);
      number.value = t.value;
    } else if (t.id) {
      const slider = form.querySelector(`input[type=range][data-for="${t.id}"]`);
      if (slider && t.value !== "") {
        if (Number(t.value) > Number(slider.max)) slider.max = t.value;
        slider.value = t.value;
      }
    }
    update();
  });
  document.getElementById("weights-on").addEventListener("change", (event) => {
    for (const w of form.querySelectorAll("input.weight")) w.disabled = !event.target.checked;
    update();
  });
  // Enter in a field updates in place; the add/remove buttons submit the form (the server changes the outcomes).
  form.addEventListener("submit", (event) => {
    if (!event.submitter || event.submitter.name !== "op") { event.preventDefault(); update(); }
  });

  // Compression: sent on demand, the text kept in the address bar when it is short enough to share.
  const compressForm = document.getElementById("compress-form");
  const text = document.getElementById("text");
  const compressionQuery = () => text.value.length > 0 && text.value.length <= 2000
    ? "&" + new URLSearchParams({ text: text.value, order: compressForm.elements.order.value }).toString() : "";
  const measure = async () => {
    const out = document.getElementById("compression-out");
    out.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/compress", { method: "POST", body: new URLSearchParams(new FormData(compressForm)) });
      out.innerHTML = await response.text();
      history.replaceState(null, "", "/?" + query() + compressionQuery());
    } catch (e) {
      out.textContent = "The server did not answer: " + e.message;
    } finally {
      out.removeAttribute("aria-busy");
      document.body.dataset.compressions = String(Number(document.body.dataset.compressions || 0) + 1);
    }
  };
  compressForm.addEventListener("submit", (event) => { event.preventDefault(); measure(); });
  const initial = new URLSearchParams(location.search);
  if (initial.has("text")) {
    text.value = initial.get("text");
    if (initial.has("order")) compressForm.elements.order.value = initial.get("order");
    measure();
  }
  document.body.dataset.ready = "true";
})();
