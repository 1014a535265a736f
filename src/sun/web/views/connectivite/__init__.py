"""Pages of connectivity (fibre, copper, mobile): the public commune section, the département
and EPCI views, « Ma connexion » for residents, the commune sheets, the difficulties reported
by communes, and the imports of the agent space. Each file lists its addresses: `espace`
(agent space, namespace `espace`) and `publiques`; `sun.web.urls` includes them all."""
