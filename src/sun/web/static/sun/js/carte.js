/* Vector maps without a tile server: draws a GeoJSON layer of communes as SVG, and points.
   <figure class="carte" data-geojson="URL" data-lien="/communes/00000/"
           data-surligne="CODE" data-classes='[{"max":…,"couleur":…}]'
           data-points='[{"lat":…,"lon":…,"nom":…,"n":1,"lien":…,"centre":false}]'>
   Either attribute may be absent.
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
    var points = figure.dataset.points ? JSON.parse(figure.dataset.points) : [];
    function etendre(x, y) {
      if (x < minX) { minX = x; } if (x > maxX) { maxX = x; }
      if (y < minY) { minY = y; } if (y > maxY) { maxY = y; }
    }
    collection.features.forEach(function (f) {
      anneaux(f.geometry).forEach(function (anneau) {
        anneau.forEach(function (p) { etendre(p[0], p[1]); });
      });
    });
    points.forEach(function (p) { etendre(p.lon, p.lat); });
    if (minX === Infinity) { zone.textContent = "Aucun contour à afficher."; return; }
    // A margin so that points on the edge stay whole.
    var marge = Math.max(maxX - minX, maxY - minY, 0.01) * 0.06;
    minX -= marge; maxX += marge; minY -= marge; maxY += marge;
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
      // data-valeurs: {code: value} coloured instead of the density (e.g. distance to help).
      var valeurs = figure.dataset.valeurs ? JSON.parse(figure.dataset.valeurs) : null;
      var teinte = couleur(classes, valeurs ? valeurs[props.code] : props.densite);
      if (teinte) { chemin.style.fill = teinte; }
      if (surligne && props.code === surligne) { chemin.setAttribute("class", "surligne"); }
      var titre = document.createElementNS(SVG, "title");
      titre.textContent = props.nom + (props.population !== null && props.population !== undefined
        ? " — " + props.population.toLocaleString("fr-FR") + " hab." : "");
      chemin.appendChild(titre);
      if (lien) {
        chemin.addEventListener("click", function () {
          window.location.href = lien.replace("00000", props.code);
        });
      }
      svg.appendChild(chemin);
    });
    var rayon = Math.max(LARGEUR, hauteur) / 32;
    points.forEach(function (p) {
      var x = (p.lon - minX) * k * echelle, y = (maxY - p.lat) * echelle;
      var groupe = document.createElementNS(SVG, "g");
      groupe.setAttribute("class", p.centre ? "point point--centre" : "point");
      var titre = document.createElementNS(SVG, "title");
      titre.textContent = (p.n ? p.n + ". " : "") + p.nom;
      groupe.appendChild(titre);
      var rond = document.createElementNS(SVG, "circle");
      rond.setAttribute("cx", x.toFixed(1)); rond.setAttribute("cy", y.toFixed(1));
      rond.setAttribute("r", (p.centre ? rayon / 2 : rayon).toFixed(1));
      groupe.appendChild(rond);
      if (p.n) {
        var texte = document.createElementNS(SVG, "text");
        texte.setAttribute("x", x.toFixed(1)); texte.setAttribute("y", (y + rayon * 0.4).toFixed(1));
        texte.setAttribute("font-size", (rayon * 1.1).toFixed(1));
        texte.textContent = p.n;
        groupe.appendChild(texte);
      }
      if (p.lien) {
        groupe.addEventListener("click", function () { window.location.href = p.lien; });
      }
      svg.appendChild(groupe);
    });
    zone.textContent = "";
    zone.appendChild(svg);
  }

  document.querySelectorAll("figure.carte[data-geojson], figure.carte[data-points]").forEach(function (figure) {
    var zone = figure.querySelector(".carte__dessin");
    var couche = figure.dataset.geojson
      ? fetch(figure.dataset.geojson, { headers: { Accept: "application/geo+json" } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      : Promise.resolve({ features: [] });
    couche
      .then(function (collection) { dessiner(figure, zone, collection); })
      .catch(function () {
        if (figure.dataset.points) { dessiner(figure, zone, { features: [] }); return; }
        zone.textContent = "La carte n'a pas pu être chargée ; le tableau donne les mêmes informations.";
      });
  });
})();
