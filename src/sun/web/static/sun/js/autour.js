/* « Autour de moi »: asks the browser for the position and runs the search around it.
   Optional: without JavaScript or without permission, the commune field does the job. */
(function () {
  "use strict";
  var bouton = document.getElementById("autour-de-moi");
  var etat = document.getElementById("autour-etat");
  var formulaire = document.getElementById("recherche-lieux");
  if (!bouton || !formulaire || !("geolocation" in navigator)) { return; }
  bouton.hidden = false;
  bouton.addEventListener("click", function () {
    etat.textContent = "Recherche de votre position…";
    navigator.geolocation.getCurrentPosition(function (position) {
      var donnees = new FormData(formulaire);
      donnees.delete("ou");
      donnees.delete("page");
      // About 100 m (3 decimals), never the device's precise position: the URL is kept in
      // the history and the logs. The server rounds the same way (web/forms/position.py).
      donnees.set("lat", position.coords.latitude.toFixed(3));
      donnees.set("lon", position.coords.longitude.toFixed(3));
      window.location.href = formulaire.action.split("#")[0] + "?" + new URLSearchParams(donnees).toString() + "#resultats";
    }, function () {
      etat.textContent = "Position non disponible : indiquez votre commune ou votre code postal.";
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
  });
})();
