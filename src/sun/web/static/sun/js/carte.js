/* Vector maps without a tile server: draws a GeoJSON layer of communes as SVG.
   <figure class="carte" data-geojson="URL" data-lien="/communes/00000/"
           data-surligne="CODE" data-classes='[{"max":…,"couleur":…}]'>
   The SVG is hidden from assistive technologies: a table next to each map carries the
   same information and links. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var LARGEUR = 1000;

  function anneaux(geometrie) {
    if (!geometrie) { return []; }
    if (geometrie.type === "Polygon") { return geometrie.coordinates; }
    if (geometrie.type === "MultiPolygon") { return [].concat.apply([], geometrie.coordinates); }
    return [];
  }

  function couleur(classes, densite) {
    if (!classes || densite === null || densite === undefined) { return null; }
    for (var i = 0; i < classes.length; i++) {
      if (densite <= classes[i].max || i === classes.length - 1) { return classes[i].couleur; }
    }
    return null;
  }

  function dessiner(figure, zone, collection) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    collection.features.forEach(function (f) {
      anneaux(f.geometry).forEach(function (anneau) {
        anneau.forEach(function (p) {
          if (p[0] < minX) { minX = p[0]; } if (p[0] > maxX) { maxX = p[0]; }
          if (p[1] < minY) { minY = p[1]; } if (p[1] > maxY) { maxY = p[1]; }
        });
      });
    });
    if (minX === Infinity) { zone.textContent = "Aucun contour à afficher."; return; }
    // Equirectangular projection, true to scale at the middle latitude of the layer.
    var k = Math.cos((minY + maxY) / 2 * Math.PI / 180);
    var echelle = LARGEUR / Math.max((maxX - minX) * k, 1e-9);
    var hauteur = Math.max((maxY - minY) * echelle, 1);
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + LARGEUR + " " + hauteur.toFixed(0));
    svg.setAttribute("focusable", "false");
    var classes = figure.dataset.classes ? JSON.parse(figure.dataset.classes) : null;
    var surligne = figure.dataset.surligne;
    var lien = figure.dataset.lien;
    collection.features.forEach(function (f) {
      var d = anneaux(f.geometry).map(function (anneau) {
        return "M" + anneau.map(function (p) {
          return ((p[0] - minX) * k * echelle).toFixed(1) + " " + ((maxY - p[1]) * echelle).toFixed(1);
        }).join("L") + "Z";
      }).join("");
      var chemin = document.createElementNS(SVG, "path");
      chemin.setAttribute("d", d);
      var props = f.properties || {};
      var teinte = couleur(classes, props.densite);
      if (teinte) { chemin.style.fill = teinte; }
      if (surligne && props.code === surligne) { chemin.setAttribute("class", "surligne"); }
      var titre = document.createElementNS(SVG, "title");
      titre.textContent = props.nom + (props.population !== null && props.population !== undefined
        ? " — " + props.population.toLocaleString("fr-FR") + " hab." : "");
      chemin.appendChild(titre);
      chemin.addEventListener("click", function () {
        window.location.href = lien.replace("00000", props.code);
      });
      svg.appendChild(chemin);
    });
    zone.textContent = "";
    zone.appendChild(svg);
  }

  document.querySelectorAll("figure.carte[data-geojson]").forEach(function (figure) {
    var zone = figure.querySelector(".carte__dessin");
    fetch(figure.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (collection) { dessiner(figure, zone, collection); })
      .catch(function () { zone.textContent = "La carte n'a pas pu être chargée ; le tableau donne les mêmes informations."; });
  });
})();
