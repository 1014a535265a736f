/* Vector maps without a tile server: draws a GeoJSON layer of communes as SVG, and points.
   <figure class="carte" data-geojson="URL" data-lien="/communes/00000/"
           data-surligne="CODE" data-classes='[{"max":…,"couleur":…}]'
           data-points='[{"lat":…,"lon":…,"nom":…,"n":1,"numeros":[1],"lien":…,"centre":false}]'
           data-taille-points="petite"
           data-tuiles="https://…/{z}/{x}/{y}.png" data-tuiles-zoom-max="18"
           data-tuiles-attribution="© …">
   Every attribute may be absent. A point's `n` is its number in the list beside the map, or
   the label of a group of places at one address (« 3, 4 »); a `lien` starting with « # »
   moves to that item of the list. With `data-tuiles` (an optional setting) the map is drawn
   in Web Mercator over raster tiles of that server, with their attribution.
   The SVG is hidden from assistive technologies: a table or a list next to each map carries
   the same information and links. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var LARGEUR = 1000;
  var TUILE = 256;

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

  function element(nom, attributs) {
    var e = document.createElementNS(SVG, nom);
    Object.keys(attributs || {}).forEach(function (cle) { e.setAttribute(cle, attributs[cle]); });
    return e;
  }

  function suivre(lien) {
    if (lien.charAt(0) !== "#") { window.location.href = lien; return; }
    var cible = document.getElementById(lien.slice(1));
    if (!cible) { return; }
    cible.scrollIntoView({ block: "start" });
    var focalisable = cible.querySelector("a");
    if (focalisable) { focalisable.focus({ preventScroll: true }); }
  }

  // Web Mercator, in world units (0 to 1 from the antimeridian and from the north).
  function mercator(lon, lat) {
    var phi = Math.max(Math.min(lat, 85.05), -85.05) * Math.PI / 180;
    return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
  }

  // Raster tiles under the layer: the zoom whose pixels are closest to the drawing's units.
  function tuiles(figure, svg, bornes) {
    var modele = figure.dataset.tuiles;
    var zoomMax = parseInt(figure.dataset.tuilesZoomMax || "18", 10);
    var z = Math.floor(Math.log(LARGEUR / (TUILE * Math.max(bornes.largeur, 1e-12))) / Math.LN2);
    z = Math.max(0, Math.min(zoomMax, z));
    var echelle = TUILE * Math.pow(2, z);
    var groupe = element("g", { "class": "tuiles" });
    var n = Math.pow(2, z);
    var x0 = Math.floor(bornes.x * n), x1 = Math.floor((bornes.x + bornes.largeur) * n);
    var y0 = Math.floor(bornes.y * n), y1 = Math.floor((bornes.y + bornes.hauteur) * n);
    for (var ty = Math.max(0, y0); ty <= Math.min(n - 1, y1); ty++) {
      for (var tx = x0; tx <= x1; tx++) {
        var tuile = element("image", {
          x: (tx * TUILE - bornes.x * echelle).toFixed(1), y: (ty * TUILE - bornes.y * echelle).toFixed(1),
          width: TUILE, height: TUILE, preserveAspectRatio: "none"
        });
        tuile.setAttribute("href", modele.replace("{z}", z)
          .replace("{x}", ((tx % n) + n) % n).replace("{y}", ty));
        groupe.appendChild(tuile);
      }
    }
    svg.appendChild(groupe);
    return echelle;
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
    var avecTuiles = !!figure.dataset.tuiles;
    var projeter, echelle;
    var svg = element("svg", { focusable: "false" });
    if (avecTuiles) {
      var no = mercator(minX, maxY), se = mercator(maxX, minY);
      var bornes = { x: no[0], y: no[1], largeur: se[0] - no[0], hauteur: se[1] - no[1] };
      echelle = tuiles(figure, svg, bornes);
      projeter = function (lon, lat) {
        var m = mercator(lon, lat);
        return [(m[0] - bornes.x) * echelle, (m[1] - bornes.y) * echelle];
      };
      figure.classList.add("carte--tuiles");
    } else {
      // Equirectangular projection, true to scale at the middle latitude of the layer.
      var k = Math.cos((minY + maxY) / 2 * Math.PI / 180);
      echelle = LARGEUR / Math.max((maxX - minX) * k, 1e-9);
      projeter = function (lon, lat) { return [(lon - minX) * k * echelle, (maxY - lat) * echelle]; };
    }
    var coin = projeter(maxX, minY);
    var largeur = Math.max(coin[0], 1), hauteur = Math.max(coin[1], 1);
    svg.setAttribute("viewBox", "0 0 " + largeur.toFixed(0) + " " + hauteur.toFixed(0));
    var classes = figure.dataset.classes ? JSON.parse(figure.dataset.classes) : null;
    // data-valeurs: {code: value} coloured instead of the density (e.g. distance to help).
    var valeurs = figure.dataset.valeurs ? JSON.parse(figure.dataset.valeurs) : null;
    var surligne = figure.dataset.surligne;
    var lien = figure.dataset.lien;
    collection.features.forEach(function (f) {
      var d = anneaux(f.geometry).map(function (anneau) {
        return "M" + anneau.map(function (p) {
          var xy = projeter(p[0], p[1]);
          return xy[0].toFixed(1) + " " + xy[1].toFixed(1);
        }).join("L") + "Z";
      }).join("");
      var chemin = element("path", { d: d });
      var props = f.properties || {};
      var teinte = couleur(classes, valeurs ? valeurs[props.code] : props.densite);
      if (teinte) { chemin.style.fill = teinte; }
      if (surligne && props.code === surligne) { chemin.setAttribute("class", "surligne"); }
      var titre = element("title");
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
    var rayon = Math.max(largeur, hauteur) / (figure.dataset.taillePoints === "petite" ? 90 : 32);
    points.forEach(function (p) {
      var xy = projeter(p.lon, p.lat), x = xy[0], y = xy[1];
      var etiquette = p.n === undefined || p.n === null ? "" : String(p.n);
      var groupe = element("g", { "class": p.centre ? "point point--centre" : (p.numeros && p.numeros.length > 1 ? "point point--groupe" : "point") });
      if (p.numeros) { groupe.setAttribute("data-numeros", p.numeros.join(",")); }
      var titre = element("title");
      titre.textContent = (etiquette && !(p.numeros && p.numeros.length > 1) ? etiquette + ". " : "") + p.nom;
      groupe.appendChild(titre);
      var taillePolice = rayon * 1.1;
      // A pill as wide as its label: one or two digits fit in a circle, « 3, 4 » does not.
      var demiLargeur = Math.max(rayon, etiquette.length * taillePolice * 0.32 + rayon * 0.45);
      var r = p.centre ? rayon / 2 : rayon;
      groupe.appendChild(element("rect", {
        x: (x - (p.centre ? r : demiLargeur)).toFixed(1), y: (y - r).toFixed(1),
        width: (2 * (p.centre ? r : demiLargeur)).toFixed(1), height: (2 * r).toFixed(1),
        rx: r.toFixed(1), ry: r.toFixed(1)
      }));
      if (etiquette) {
        var texte = element("text", {
          x: x.toFixed(1), y: (y + rayon * 0.4).toFixed(1), "font-size": taillePolice.toFixed(1)
        });
        texte.textContent = etiquette;
        groupe.appendChild(texte);
      }
      if (p.lien) {
        groupe.addEventListener("click", function () { suivre(p.lien); });
      }
      svg.appendChild(groupe);
    });
    zone.textContent = "";
    zone.appendChild(svg);
    if (avecTuiles && figure.dataset.tuilesAttribution && !figure.querySelector(".carte__attribution")) {
      var attribution = document.createElement("p");
      attribution.className = "carte__attribution";
      attribution.textContent = "Fond de carte : " + figure.dataset.tuilesAttribution;
      zone.insertAdjacentElement("afterend", attribution);
    }
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
