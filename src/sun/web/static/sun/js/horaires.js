/* Weekly hours editor: adds « Copier sur les jours suivants » to each day but the last.
   Without this script the editor is a plain set of fields and works the same. */
(function () {
  "use strict";
  var jours = Array.prototype.slice.call(document.querySelectorAll(".horaires-jour"));
  function valeurs(jour) {
    return Array.prototype.map.call(jour.querySelectorAll("input"), function (champ) {
      return champ.type === "checkbox" ? champ.checked : champ.value;
    });
  }
  function appliquer(jour, liste) {
    Array.prototype.forEach.call(jour.querySelectorAll("input"), function (champ, i) {
      if (champ.type === "checkbox") {
        champ.checked = liste[i];
        champ.dispatchEvent(new Event("change"));
      } else { champ.value = liste[i]; }
    });
  }
  // Ticking « Fermé » empties the day's slots and hides them.
  jours.forEach(function (jour) {
    var ferme = jour.querySelector(".horaires-jour__ferme input[type=checkbox]");
    if (!ferme) { return; }
    var heures = jour.querySelectorAll(".horaires-creneau input");
    var vides = function () {
      return Array.prototype.every.call(heures, function (h) { return !h.value; });
    };
    ferme.addEventListener("change", function () {
      if (ferme.checked) { Array.prototype.forEach.call(heures, function (h) { h.value = ""; }); }
      jour.classList.toggle("horaires-jour--ferme", ferme.checked);
    });
    jour.classList.toggle("horaires-jour--ferme", ferme.checked && vides());
  });
  jours.slice(0, -1).forEach(function (jour, rang) {
    var bouton = document.createElement("button");
    bouton.type = "button";
    bouton.className = "bouton bouton--secondaire horaires-copier";
    var nom = jour.querySelector("legend").textContent;
    bouton.textContent = "Copier sur les jours suivants";
    bouton.setAttribute("aria-label", "Copier les horaires du " + nom.toLowerCase() + " sur les jours suivants");
    var annonce = document.createElement("p");
    annonce.className = "horaires-annonce";
    annonce.setAttribute("role", "status");
    bouton.addEventListener("click", function () {
      var liste = valeurs(jour);
      jours.slice(rang + 1).forEach(function (suivant) { appliquer(suivant, liste); });
      annonce.textContent = "Horaires du " + nom.toLowerCase() + " copiés sur les jours suivants.";
    });
    jour.appendChild(bouton);
    jour.appendChild(annonce);
  });
})();
