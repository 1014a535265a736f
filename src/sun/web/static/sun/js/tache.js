// A running import: fetch this page again every few seconds and swap in its follow-up block
// (progress, then the report). Without JavaScript the « Actualiser » link does the same.
(function () {
  "use strict";
  var DELAI = 2000;
  function suivre() {
    var bloc = document.getElementById("suivi-tache");
    if (!bloc || !bloc.hasAttribute("data-actif")) return;
    window.setTimeout(function () {
      fetch(bloc.getAttribute("data-url") || window.location.href, { credentials: "same-origin" })
        .then(function (reponse) { return reponse.ok ? reponse.text() : Promise.reject(reponse.status); })
        .then(function (html) {
          var nouveau = new DOMParser().parseFromString(html, "text/html").getElementById("suivi-tache");
          var actuel = document.getElementById("suivi-tache");
          if (nouveau && actuel) actuel.replaceWith(document.importNode(nouveau, true));
          suivre();
        })
        .catch(function () { window.setTimeout(suivre, DELAI * 5); });
    }, DELAI);
  }
  suivre();
})();
