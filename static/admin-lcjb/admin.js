"use strict";
// The site admin is Django's: this names the controls that Django and its scripts leave without
// a name (found by axe: tests/lcjb/test_admin_accessibility.py).
{
  const fix = (root) => {
    // An autocomplete drop-down (Select2) is named by its field's label, as the <select> it
    // replaces was; Select2 names it only by the current choice, which may be empty.
    root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const label = select.id && document.querySelector(`label[for="${select.id}"]`);
      const container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) return;
      label.id = label.id || `${select.id}-label`;
      container.querySelectorAll('[role="combobox"], [role="textbox"]').forEach((control) => {
        const named = (control.getAttribute("aria-labelledby") || "").split(" ");
        const ids = [label.id, ...named.filter((id) => id && id !== label.id)];
        control.setAttribute("aria-labelledby", ids.join(" "));
      });
    });
    // The search icons of a two-box choice (filter_horizontal) carry a label: they are images.
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach((icon) => {
      icon.setAttribute("role", "img");
    });
    // A date and time field's "Date:" and "Time:" become the labels of their boxes.
    root.querySelectorAll(".datetime > input[id]").forEach((input) => {
      let text = input.previousSibling;
      while (text && text.nodeType === Node.TEXT_NODE && !text.textContent.trim()) {
        text = text.previousSibling;
      }
      if (!text || text.nodeType !== Node.TEXT_NODE) return;
      const label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = text.textContent.trim();
      text.replaceWith(label, " ");
    });
  };
  // After Django's own scripts have drawn their widgets: Select2 when the page is ready, the
  // two-box choices and the date shortcuts when it has loaded (fixing twice changes nothing).
  const jQuery = window.django && window.django.jQuery;
  if (jQuery) jQuery(() => window.setTimeout(() => fix(document), 0));
  window.addEventListener("load", () => fix(document));
  document.addEventListener("formset:added", (event) => {
    window.setTimeout(() => fix(event.target), 0);
  });
}
