/* The people picker (office/widgets.py): every select[data-picker] becomes a Tom Select,
   searchable by name, pinyin, pinyin initials (data-initials, computed by the server) and
   department. Without this file, or without JavaScript, it stays a plain <select>. */
(function () {
  function init(root) {
    if (typeof TomSelect === "undefined") return;
    var selects = (root || document).querySelectorAll("select[data-picker]");
    selects.forEach(function (select) {
      if (select.tomselect) return;
      var multiple = select.multiple;
      new TomSelect(select, {
        searchField: ["text", "initials", "pinyin", "department"],
        // Several people: a remove button on each; one, not required: a clear button.
        plugins: multiple
          ? { remove_button: { title: select.getAttribute("data-remove-title") || "×" } }
          : select.required ? [] : ["clear_button"],
        maxOptions: null,
        allowEmptyOption: false, // the empty choice shows as the placeholder
        closeAfterSelect: !multiple,
        placeholder: select.getAttribute("data-placeholder") || "",
        onItemAdd: function () {
          if (multiple) { // the next person is typed afresh
            this.setTextboxValue("");
            this.refreshOptions(false);
          }
        },
        render: {
          no_results: function (data, escape) {
            var text = select.getAttribute("data-no-results") || "";
            return '<div class="no-results">' + escape(text) + "</div>";
          },
        },
      });
    });
  }
  if (typeof htmx !== "undefined") {
    htmx.onLoad(init); // the page itself and every piece htmx swaps in
  } else {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  }
})();
