// map.js: the map of Germany. Leaflet (global L, loaded from /vendor/ by
// index.html) draws the 16 Länder from /laender.geojson — no tile server,
// so the page works without internet — and the entries with a place as
// markers, clustered by leaflet.markercluster where they crowd.
import { t, label } from './i18n.js';

const L = window.L;
let map;
let landLayer;
let cluster;
let zoom;
const markers = new Map(); // entry id -> its markers (one per place)
let handlers = { land() {}, entry() {} };
let selected = '';
let activeLand = '';

const GERMANY = [[47.2, 5.8], [55.1, 15.1]];

// The choropleth of #/vergleich: light to dark, each step distinct from
// the next; the value class decides, the legend and the table name it.
export const COLOURS = ['#f3f1ea', '#c6dbef', '#6baed6', '#2b7bba', '#08306b'];
let choro = null; // { values: Map land -> n, classes: [{from, to}] } or null

function landStyle(code) {
  if (choro) {
    const v = choro.values.get(code) ?? 0;
    const i = Math.max(0, choro.classes.findIndex((c) => v >= c.from && v <= c.to));
    return { color: '#1b1b1b', weight: 1, fillColor: COLOURS[Math.min(i, COLOURS.length - 1)], fillOpacity: 1 };
  }
  const on = code === activeLand;
  // Fill and borders chosen for at least 3:1 against the sea colour.
  return { color: '#3d5a6c', weight: on ? 2.5 : 1, fillColor: on ? '#b7d3e6' : '#f3f1ea', fillOpacity: 1 };
}

export async function init(el, outlines, on) {
  handlers = on;
  map = L.map(el, {
    zoomControl: false,
    attributionControl: false, // credits are in the page footer
    minZoom: 5,
    maxZoom: 12,
    maxBounds: [[45, 2], [57.5, 19]],
    zoomSnap: 0.25,
  });
  map.fitBounds(GERMANY);
  landLayer = L.geoJSON(outlines, {
    style: (f) => landStyle(f.properties.code),
    onEachFeature: (f, layer) => {
      layer.on('click', () => handlers.land(f.properties.code));
      // Names the shape for the browser tests; the Land select and the
      // Land pages are the keyboard and screen reader way to the same.
      layer.on('add', () => layer.getElement()?.setAttribute('data-land', f.properties.code));
    },
  }).addTo(map);
  cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    // The count is the button's visible text; the hidden words say what a
    // press does, for screen readers.
    iconCreateFunction: (c) => {
      const n = c.getChildCount();
      return L.divIcon({
        html: `<span aria-hidden="true">${n}</span><span class="visually-hidden">${t('cluster', n)}</span>`,
        className: 'kl-cluster',
        iconSize: [36, 36],
      });
    },
  });
  map.addLayer(cluster);
  setLang();
}

// Zoom buttons carry their language in title and aria-label: rebuild them.
export function setLang() {
  if (!map) return;
  if (zoom) zoom.remove();
  zoom = L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
  if (cluster) cluster.refreshClusters();
}

// Colour the Länder by a measure (null: back to the plain map). Each
// Land's tooltip names its value.
export function setChoropleth(values, classes, name) {
  if (!landLayer || (!values && !choro)) return;
  choro = values ? { values, classes } : null;
  landLayer.setStyle((f) => landStyle(f.properties.code));
  landLayer.eachLayer((layer) => {
    layer.unbindTooltip();
    const code = layer.feature.properties.code;
    if (choro) layer.bindTooltip(escapeHTML(`${label('land', code)}: ${values.get(code) ?? 0} (${name})`), { sticky: true });
  });
}

export function setLand(code) {
  activeLand = code || '';
  landLayer.setStyle((f) => landStyle(f.properties.code));
  let bounds = null;
  landLayer.eachLayer((layer) => {
    if (layer.feature.properties.code === activeLand) bounds = layer.getBounds();
  });
  // No animation: a marker selected right after must find the map still.
  map.fitBounds(bounds || GERMANY, { maxZoom: 9, animate: false });
}

const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function setEntries(fc) {
  cluster.clearLayers();
  markers.clear();
  const list = [];
  for (const f of fc.features || []) {
    if (!f.geometry || f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const place = p.places?.[0]?.name ?? '';
    const name = `${p.title} (${label('kind', p.kind)}${place ? `, ${place}` : ''})`;
    const m = L.marker([lat, lon], {
      // Leaflet sets title as an attribute (never as HTML): safe for any text.
      title: name,
      icon: L.divIcon({ className: 'kl-marker', iconSize: [18, 18], html: '' }),
      keyboard: true,
      riseOnHover: true,
    });
    m.on('click', () => handlers.entry(p.id));
    // Clusters take markers in and out of the page: mark again on each add.
    m.on('add', markSelected);
    m.bindTooltip(escapeHTML(p.title), { direction: 'top', offset: [0, -8] });
    if (!markers.has(p.id)) markers.set(p.id, []);
    markers.get(p.id).push(m);
    list.push(m);
  }
  cluster.addLayers(list);
  markSelected();
  return markers.size;
}

function markSelected() {
  for (const [id, ms] of markers) {
    for (const m of ms) m.getElement()?.classList.toggle('kl-selected', id === selected);
  }
}

// Mark the entry's markers; a single one is brought into view (its
// cluster opened), an entry with many places keeps the whole map.
export function select(id) {
  selected = id || '';
  const ms = markers.get(selected);
  if (ms?.length === 1) cluster.zoomToShowLayer(ms[0], markSelected);
  else markSelected();
}

export const markerCount = () => [...markers.values()].reduce((n, ms) => n + ms.length, 0);

// Leaflet measures its container: tell it when the layout changed.
export function resize() {
  if (map) map.invalidateSize();
}
