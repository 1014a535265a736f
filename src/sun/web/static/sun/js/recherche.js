/* Commune search suggestions: an ARIA 1.2 combobox over /api/communes.
   Without JavaScript the form still submits to the results page. */
(function () {
  "use strict";
  var input = document.getElementById("recherche-commune");
  if (!input || !window.fetch) { return; }
  var liste = document.getElementById(input.getAttribute("aria-controls"));
  var statut = document.getElementById("suggestions-statut");
  var resultats = [];
  var actif = -1;
  var minuteur = null;
  var controleur = null;

  function fermer() {
    liste.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    actif = -1;
  }

  function ouvrirCommune(i) {
    window.location.href = input.dataset.lien.replace("00000", resultats[i].code_insee);
  }

  function marquer(i) {
    var options = liste.querySelectorAll("[role=option]");
    options.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
    actif = i;
    if (i >= 0) { input.setAttribute("aria-activedescendant", options[i].id); }
    else { input.removeAttribute("aria-activedescendant"); }
  }

  function afficher(communes) {
    resultats = communes;
    liste.textContent = "";
    communes.forEach(function (c, i) {
      var li = document.createElement("li");
      li.id = "suggestion-commune-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = c.nom + " (" + (c.codes_postaux.join(", ") || c.code_insee) + ")";
      li.addEventListener("mousedown", function (e) { e.preventDefault(); ouvrirCommune(i); });
      liste.appendChild(li);
    });
    liste.hidden = communes.length === 0;
    input.setAttribute("aria-expanded", communes.length ? "true" : "false");
    actif = -1;
    statut.textContent = communes.length
      ? communes.length + " suggestion" + (communes.length > 1 ? "s" : "") + " : flèches haut et bas pour choisir, Entrée pour ouvrir."
      : "Aucune commune ne correspond.";
  }

  function chercher() {
    var texte = input.value.trim();
    if (texte.length < 2) { fermer(); return; }
    if (controleur) { controleur.abort(); }
    controleur = new AbortController();
    var url = input.dataset.suggestions + "?taille=8&q=" + encodeURIComponent(texte);
    if (input.dataset.departement) { url += "&departement=" + encodeURIComponent(input.dataset.departement); }
    fetch(url, { signal: controleur.signal, headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { resultats: [] }; })
      .then(function (d) { afficher(d.resultats || []); })
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(minuteur);
    minuteur = setTimeout(chercher, 200);
  });
  input.addEventListener("keydown", function (e) {
    if (liste.hidden) { return; }
    if (e.key === "ArrowDown") { e.preventDefault(); marquer((actif + 1) % resultats.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); marquer(actif <= 0 ? resultats.length - 1 : actif - 1); }
    else if (e.key === "Enter" && actif >= 0) { e.preventDefault(); ouvrirCommune(actif); }
    else if (e.key === "Escape") { fermer(); }
  });
  input.addEventListener("blur", function () { setTimeout(fermer, 150); });
})();
