// Quick activity form: show only what concerns the chosen type and place. Without JavaScript
// every section stays visible, and the server checks the same rules.
(function () {
  "use strict";
  var formulaire = document.querySelector("form.formulaire-activite");
  if (!formulaire) return;

  function choisi(nom) {
    var coche = formulaire.querySelector('input[name="' + nom + '"]:checked');
    return coche ? coche.value : "";
  }
  function montrer(element, visible) {
    if (element) element.hidden = !visible;
  }
  function champ(nom) {
    var entree = formulaire.querySelector('[name="' + nom + '"]');
    return entree ? entree.closest(".champ") : null;
  }
  function actualiser() {
    var type = choisi("type"), ou = choisi("type_lieu"), duree = choisi("duree");
    montrer(formulaire.querySelector("[data-pour='individuel']"), type !== "collectif");
    montrer(formulaire.querySelector("[data-pour='collectif']"), type !== "individuel");
    montrer(champ("lieu"), ou === "" || ou === "lieu_activite");
    montrer(champ("commune"), ou !== "lieu_activite");
    montrer(champ("duree_minutes"), duree === "autre");
  }
  formulaire.addEventListener("change", actualiser);
  actualiser();
})();
