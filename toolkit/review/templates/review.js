// Filters: hide translation columns by locale, findings by locale, category and severity, and
// (on request) segments with no finding or gap left; a highlight goes with its findings.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var onlyProblems = document.getElementById("only-problems");
  var count = document.getElementById("shown-count");

  function chosen(name) {
    var values = new Set();
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) values.add(box.value);
    });
    return values;
  }

  function some(elements, test) {
    return Array.prototype.some.call(elements, test);
  }

  function visible(element) {
    return !element.hidden;
  }

  function apply() {
    var locales = chosen("locale");
    var categories = chosen("category");
    var severities = chosen("severity");
    document.querySelectorAll("[data-column]").forEach(function (cell) {
      cell.hidden = !locales.has(cell.dataset.column);
    });
    var shown = 0;
    document.querySelectorAll("li.finding").forEach(function (finding) {
      var data = finding.dataset;
      var on = (!data.locale || locales.has(data.locale)) &&
        categories.has(data.category) && severities.has(data.severity);
      finding.hidden = !on;
      if (on) shown += 1;
    });
    document.querySelectorAll("mark[data-refs]").forEach(function (mark) {
      var on = mark.dataset.refs.split(" ").some(function (id) {
        var finding = document.getElementById(id);
        return finding !== null && !finding.hidden;
      });
      mark.classList.toggle("off", !on);
    });
    document.querySelectorAll("section.document").forEach(function (section) {
      var rows = section.querySelectorAll("tr.segment");
      rows.forEach(function (row) {
        row.hidden = onlyProblems.checked &&
          !some(row.querySelectorAll("li.finding"), visible) &&
          !some(row.querySelectorAll("td.gap"), visible);
      });
      var nothing = section.querySelector(".nothing");
      if (nothing) nothing.hidden = rows.length === 0 || some(rows, visible);
    });
    count.textContent = String(shown);
  }

  form.addEventListener("change", apply);
  apply();
})();
