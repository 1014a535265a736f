/* Place form: click on the map of the commune (or of the département) to fill latitude and
   longitude. The map is hidden without this script; the fields and « Placer d'après
   l'adresse » work without it. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var LARGEUR = 1000;
  var figure = document.querySelector(".position-carte");
  var latitude = document.getElementById("id_latitude");
  var longitude = document.getElementById("id_longitude");
  var insee = document.getElementById("id_code_insee");
  if (!figure || !latitude || !longitude) { return; }
  var zone = figure.querySelector(".position-carte__dessin");

  function anneaux(g) {
    if (!g) { return []; }
    if (g.type === "Polygon") { return g.coordinates; }
    if (g.type === "MultiPolygon") { return [].concat.apply([], g.coordinates); }
    return [];
  }

  function dessiner(collection) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    collection.features.forEach(function (f) {
      anneaux(f.geometry).forEach(function (a) {
        a.forEach(function (p) {
          minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
          minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
        });
      });
    });
    if (minX === Infinity) { return false; }
    var marge = Math.max(maxX - minX, maxY - minY, 0.01) * 0.08;
    minX -= marge; maxX += marge; minY -= marge; maxY += marge;
    var k = Math.cos((minY + maxY) / 2 * Math.PI / 180);
    var echelle = LARGEUR / ((maxX - minX) * k);
    var hauteur = (maxY - minY) * echelle;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + LARGEUR + " " + hauteur.toFixed(0));
    svg.setAttribute("focusable", "false");
    collection.features.forEach(function (f) {
      var chemin = document.createElementNS(SVG, "path");
      chemin.setAttribute("d", anneaux(f.geometry).map(function (a) {
        return "M" + a.map(function (p) {
          return ((p[0] - minX) * k * echelle).toFixed(1) + " " + ((maxY - p[1]) * echelle).toFixed(1);
        }).join("L") + "Z";
      }).join(""));
      svg.appendChild(chemin);
    });
    var repere = document.createElementNS(SVG, "circle");
    repere.setAttribute("r", (LARGEUR / 80).toFixed(1));
    repere.setAttribute("class", "position-carte__repere");
    function placerRepere() {
      var lat = parseFloat(latitude.value.replace(",", ".")), lon = parseFloat(longitude.value.replace(",", "."));
      if (isNaN(lat) || isNaN(lon)) { repere.style.display = "none"; return; }
      repere.style.display = "";
      repere.setAttribute("cx", ((lon - minX) * k * echelle).toFixed(1));
      repere.setAttribute("cy", ((maxY - lat) * echelle).toFixed(1));
    }
    svg.appendChild(repere);
    svg.addEventListener("click", function (e) {
      var boite = svg.getBoundingClientRect();
      var x = (e.clientX - boite.left) / boite.width * LARGEUR;
      var y = (e.clientY - boite.top) / boite.height * hauteur;
      latitude.value = (maxY - y / echelle).toFixed(6);
      longitude.value = (minX + x / (k * echelle)).toFixed(6);
      placerRepere();
    });
    latitude.oninput = placerRepere;
    longitude.oninput = placerRepere;
    placerRepere();
    zone.textContent = "";
    zone.appendChild(svg);
    figure.hidden = false;
    return true;
  }

  function charger(url) {
    return fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function afficher() {
    var code = insee && /^[0-9][0-9AB][0-9]{3}$/i.test(insee.value.trim()) ? insee.value.trim().toUpperCase() : "";
    var essai = code ? charger(figure.dataset.commune.replace("00000", code)) : Promise.reject();
    return essai.catch(function () {
      if (!figure.dataset.departement) { throw new Error("aucune couche"); }
      return charger(figure.dataset.departement);
    }).then(dessiner).catch(function () { /* the fields remain */ });
  }
  afficher();
  // The map follows the commune: a new INSEE code draws that commune's outline.
  if (insee) { insee.addEventListener("change", afficher); }
})();
