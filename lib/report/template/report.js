// gapmap report: draws the heatmap, the gap view, the drill-down and the
// provenance from the JSON in #gapmap-data (layout: lib/report/report_data.h).
// Every string from the data goes into the DOM through textContent or an
// attribute, never through HTML parsing. The view lives in location.hash
// (d=dimension&s=stance&shade=...&a=agency&c=category) so that a view can be
// linked to, and reloaded, without a server.
(function () {
  'use strict';
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById('gapmap-data').textContent);
  var tParsed = performance.now();

  var PAGE = 100;  // units drawn at a time in the drill-down
  var STANCE_ORDER = ['all', 'activity', 'gap', 'recommendation', 'context'];
  var DIM_ORDER = ['fourp', 'rectype'];
  var RAMP = [[232, 241, 250], [158, 202, 225], [66, 146, 198], [8, 81, 156], [8, 48, 107]];

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // `name` with a line-break opportunity after each '_' (long category names).
  function breakable(name) {
    var frag = document.createDocumentFragment();
    name.split('_').forEach(function (part, i, parts) {
      frag.appendChild(document.createTextNode(part + (i + 1 < parts.length ? '_' : '')));
      if (i + 1 < parts.length) frag.appendChild(document.createElement('wbr'));
    });
    return frag;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function pct(x) { return (100 * x).toFixed(x > 0 && x < 0.1 ? 1 : 0) + '%'; }
  function rank(list, name) {
    var i = list.indexOf(name);
    return i < 0 ? list.length : i;
  }
  function byPreference(order) {
    return function (a, b) {
      var d = rank(order, a) - rank(order, b);
      return d !== 0 ? d : (a < b ? -1 : a > b ? 1 : 0);
    };
  }

  // ---- indexes over the data ----
  var labelIndex = new Map();  // "dim\0name" -> label index
  D.labels.forEach(function (l, i) { labelIndex.set(D.dims[l[0]] + '\u0000' + l[1], i); });
  var stanceDim = D.dims.indexOf('stance');
  var views = new Map();
  var dims = [];
  D.views.forEach(function (v) {
    views.set(v.dim + '\u0000' + v.stance, v);
    if (dims.indexOf(v.dim) < 0) dims.push(v.dim);
  });
  dims.sort(byPreference(DIM_ORDER));
  var rowUnits = new Map();
  D.rowUnits.forEach(function (r) { rowUnits.set(r.stance, r); });

  function stancesOf(dim) {
    var out = [];
    D.views.forEach(function (v) { if (v.dim === dim) out.push(v.stance); });
    return out.sort(byPreference(STANCE_ORDER));
  }
  function labelText(i) { return D.dims[D.labels[i][0]] + ': ' + D.labels[i][1]; }
  function unitId(u) {
    var n = String(u[1]);
    while (n.length < 4) n = '0' + n;
    return D.docs[u[0]] + ':' + n;
  }
  function unitStance(u) {
    var labels = u[8];
    for (var i = 0; i < labels.length; i++) {
      if (D.labels[labels[i]][0] === stanceDim) return D.labels[labels[i]][1];
    }
    return null;
  }

  // ---- state, kept in location.hash ----
  var state = { dim: null, stance: 'all', shade: D.normalize === 'none' ? 'count' : D.normalize, agency: null, cat: null };
  var drill = { list: [], shown: 0, focus: new Set() };

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var dim = p.get('d');
    state.dim = dims.indexOf(dim) >= 0 ? dim : (dims[0] || null);
    var stances = state.dim ? stancesOf(state.dim) : [];
    var stance = p.get('s');
    state.stance = stances.indexOf(stance) >= 0 ? stance : (stances.indexOf('all') >= 0 ? 'all' : stances[0]);
    var shade = p.get('shade');
    if (shade === 'count' || shade === 'row' || shade === 'col') state.shade = shade;
    state.agency = p.get('a');
    state.cat = p.get('c');
  }
  function writeHash(changes) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    var p = new URLSearchParams();
    p.set('d', state.dim || '');
    p.set('s', state.stance || '');
    p.set('shade', state.shade);
    if (state.agency !== null) p.set('a', state.agency);
    if (state.cat !== null) p.set('c', state.cat);
    var hash = '#' + p.toString();
    if (location.hash !== hash) {
      location.hash = hash;  // renders through hashchange
    } else {
      render();
    }
  }

  function currentView() { return views.get(state.dim + '\u0000' + state.stance) || null; }

  // ---- colour ----
  function rampColour(t) {
    t = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
    var i = Math.min(Math.floor(t), RAMP.length - 2);
    var f = t - i;
    var c = RAMP[i].map(function (x, k) { return Math.round(x + (RAMP[i + 1][k] - x) * f); });
    return 'rgb(' + c[0] + ',' + c[1] + ',' + c[2] + ')';
  }
  function shadeValues(v) {
    // value per cell in the current shading, and the maximum (for the ramp)
    var colSums = v.cats.map(function (_, c) {
      return v.counts.reduce(function (s, row) { return s + row[c]; }, 0);
    });
    var max = 0;
    var values = v.counts.map(function (row, a) {
      return row.map(function (n, c) {
        var x = state.shade === 'row' ? (v.totals[a] ? n / v.totals[a] : 0)
              : state.shade === 'col' ? (colSums[c] ? n / colSums[c] : 0) : n;
        if (x > max) max = x;
        return x;
      });
    });
    return { values: values, max: max, colSums: colSums };
  }
  function formatShade(x) { return state.shade === 'count' ? String(Math.round(x)) : pct(x); }

  function addressing(v, c) {
    var names = [];
    var min = Math.max(D.minParagraphs, 1);
    v.counts.forEach(function (row, a) { if (row[c] >= min) names.push(D.rows[v.agencies[a]]); });
    return names;
  }

  // ---- drawing ----
  function renderControls() {
    var select = $('dimension');
    if (select.options.length !== dims.length) {
      clear(select);
      dims.forEach(function (d) { select.appendChild(el('option', null, d)).value = d; });
    }
    select.value = state.dim;
    var box = $('stances');
    clear(box);
    stancesOf(state.dim).forEach(function (s) {
      var b = el('button', null, s);
      b.type = 'button';
      b.dataset.stance = s;
      b.setAttribute('aria-pressed', String(s === state.stance));
      b.addEventListener('click', function () { writeHash({ stance: s }); });
      box.appendChild(b);
    });
    $('shade').value = state.shade;
  }

  function renderHeatmap(v) {
    var table = $('heatmap');
    clear(table);
    table.dataset.dimension = v.dim;
    table.dataset.stance = v.stance;
    table.dataset.crowded = v.crowded;
    var shading = shadeValues(v);
    var thead = table.appendChild(el('thead'));
    var tr = thead.appendChild(el('tr'));
    tr.appendChild(el('th', 'corner', D.by === 'mentions' ? 'agency mentioned' : 'agency'));
    tr.appendChild(el('th', 'total', 'paragraphs')).title = 'The agency\'s paragraphs in this stance';
    v.cats.forEach(function (cat, c) {
      var cover = ['unaddressed', 'covered', 'crowded'][v.cover[c]];
      var th = tr.appendChild(el('th', 'cat ' + cover));
      th.appendChild(breakable(cat));
      th.dataset.category = cat;
      th.dataset.coverage = cover;
      th.tabIndex = 0;
      th.title = cat + ': ' + (cover === 'unaddressed' ? 'no agency addresses it'
        : plural(addressing(v, c).length, 'agency', 'agencies') + (cover === 'crowded' ? ' (crowded)' : ''));
      if (state.agency === null && state.cat === cat) th.classList.add('selected');
      activate(th, function () { writeHash({ agency: null, cat: cat }); });
    });
    var tbody = table.appendChild(el('tbody'));
    v.agencies.forEach(function (row, a) {
      var agency = D.rows[row];
      var tr = tbody.appendChild(el('tr'));
      tr.dataset.agency = agency;
      var th = tr.appendChild(el('th', 'agency', agency));
      th.scope = 'row';
      th.tabIndex = 0;
      if (state.cat === null && state.agency === agency) th.classList.add('selected');
      activate(th, function () { writeHash({ agency: agency, cat: null }); });
      var total = tr.appendChild(el('td', 'total', v.totals[a]));
      total.dataset.count = v.totals[a];
      v.cats.forEach(function (cat, c) {
        var n = v.counts[a][c];
        var td = tr.appendChild(el('td', 'cell', n));
        td.dataset.category = cat;
        td.dataset.count = n;
        if (v.cover[c] === 0) td.classList.add('col-unaddressed');
        if (n === 0) {
          td.classList.add('zero');
          td.title = agency + ' × ' + cat + ': none';
          return;
        }
        var t = shading.max > 0 ? shading.values[a][c] / shading.max : 0;
        td.style.backgroundColor = rampColour(0.08 + 0.92 * t);
        if (t > 0.5) td.style.color = '#fff';
        td.title = agency + ' × ' + cat + ': ' + plural(n, 'paragraph') + ' — ' +
          pct(v.totals[a] ? n / v.totals[a] : 0) + ' of the agency\'s, ' +
          pct(shading.colSums[c] ? n / shading.colSums[c] : 0) + ' of the category\'s';
        td.tabIndex = 0;
        if (state.agency === agency && state.cat === cat) td.classList.add('selected');
        activate(td, function () { writeHash({ agency: agency, cat: cat }); });
      });
    });
    var tfoot = table.appendChild(el('tfoot'));
    var fr = tfoot.appendChild(el('tr'));
    fr.appendChild(el('th', 'corner', 'agencies addressing'));
    fr.appendChild(el('td', 'total', ''));
    v.cats.forEach(function (_, c) { fr.appendChild(el('td', null, addressing(v, c).length)); });
    renderLegend(v, shading);

    var note = D.by === 'mentions'
      ? 'Rows: every agency a paragraph names. '
      : 'Rows: the agency whose chapter a paragraph belongs to. ';
    note += 'Cells: paragraphs in stance “' + v.stance + '” labelled with the ' + v.dim +
      ' category (a paragraph may carry several). ' + plural(v.agencies.length, 'agency', 'agencies') + '.';
    $('matrix-note').textContent = note;
  }

  function activate(node, action) {
    node.addEventListener('click', action);
    node.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); action(); }
    });
  }

  function renderLegend(v, shading) {
    var box = $('legend');
    clear(box);
    var what = { count: 'paragraphs', row: 'share of the agency\'s paragraphs', col: 'share of the category\'s paragraphs' }[state.shade];
    var ramp = box.appendChild(el('span', 'ramp'));
    ramp.appendChild(el('span', null, 'Shading (' + what + '):'));
    var steps = 5;
    for (var i = 1; i <= steps; i++) {
      var sw = ramp.appendChild(el('span', 'swatch'));
      sw.style.backgroundColor = rampColour(0.08 + 0.92 * i / steps);
      sw.title = 'up to ' + formatShade(shading.max * i / steps);
    }
    ramp.appendChild(el('span', null, 'up to ' + formatShade(shading.max)));
    var empty = box.appendChild(el('span'));
    empty.appendChild(el('span', 'swatch'));
    empty.appendChild(document.createTextNode(' none'));
    var un = box.appendChild(el('span'));
    un.appendChild(el('span', 'swatch unaddressed'));
    un.appendChild(document.createTextNode(' category no agency addresses'));
    var cr = box.appendChild(el('span'));
    cr.appendChild(el('span', 'swatch crowded'));
    cr.appendChild(document.createTextNode(' crowded: addressed by ≥ ' + v.crowded + ' of ' + plural(v.agencies.length, 'agency', 'agencies')));
  }

  function renderGaps(v) {
    var box = $('gap-view');
    clear(box);
    box.appendChild(el('p', 'note', v.dim + ' · stance ' + v.stance));
    var unaddressed = [], crowded = [], thin = [];
    v.cats.forEach(function (cat, c) {
      var who = addressing(v, c);
      var paragraphs = v.counts.reduce(function (s, row) { return s + row[c]; }, 0);
      var item = { cat: cat, who: who, paragraphs: paragraphs };
      (v.cover[c] === 0 ? unaddressed : v.cover[c] === 2 ? crowded : thin).push(item);
    });
    function order(a, b) {
      return a.who.length - b.who.length || a.paragraphs - b.paragraphs || (a.cat < b.cat ? -1 : 1);
    }
    crowded.sort(function (a, b) { return -order(a, b); });
    thin.sort(order);
    function section(title, cls, items, describe) {
      box.appendChild(el('h3', cls, title + ' (' + items.length + ')'));
      if (!items.length) { box.appendChild(el('p', 'empty', 'none')); return; }
      var ul = box.appendChild(el('ul'));
      ul.dataset.list = cls;
      items.forEach(function (it) {
        var li = ul.appendChild(el('li'));
        li.dataset.category = it.cat;
        if (it.paragraphs > 0) {
          var b = li.appendChild(el('button', 'cat-link', it.cat));
          b.type = 'button';
          b.addEventListener('click', function () { writeHash({ agency: null, cat: it.cat }); });
        } else {
          li.appendChild(el('span', null, it.cat));
        }
        var d = describe(it);
        if (d) li.appendChild(el('span', 'who', ' — ' + d));
      });
    }
    section('Not addressed by any agency', 'unaddressed', unaddressed, function () { return ''; });
    section('Crowded: ≥ ' + v.crowded + ' of ' + plural(v.agencies.length, 'agency', 'agencies'), 'crowded', crowded, function (it) {
      return plural(it.who.length, 'agency', 'agencies') + ': ' + it.who.join(', ');
    });
    section('Covered, fewest agencies first', 'covered', thin, function (it) {
      return it.who.join(', ') + ' (' + plural(it.paragraphs, 'paragraph') + ')';
    });
  }

  // The units of the selection: a cell, an agency's row or a category's column.
  function selection(v) {
    var a = state.agency === null ? -1 : v.agencies.map(function (r) { return D.rows[r]; }).indexOf(state.agency);
    var c = state.cat === null ? -1 : v.cats.indexOf(state.cat);
    var focus = new Set();
    if (v.stance !== 'all' && labelIndex.has('stance\u0000' + v.stance)) focus.add(labelIndex.get('stance\u0000' + v.stance));
    if (c >= 0 && labelIndex.has(v.dim + '\u0000' + v.cats[c])) focus.add(labelIndex.get(v.dim + '\u0000' + v.cats[c]));
    if (D.by === 'mentions' && state.agency !== null && labelIndex.has('mentions\u0000' + state.agency)) {
      focus.add(labelIndex.get('mentions\u0000' + state.agency));
    }
    var stanceText = v.stance === 'all' ? 'all stances' : 'stance ' + v.stance;
    if (state.agency !== null && state.cat !== null) {
      var list = a >= 0 && c >= 0 ? v.units[a][c] : [];
      var total = a >= 0 ? v.totals[a] : 0;
      return { list: list, focus: focus, title: state.agency + ' × ' + state.cat,
        summary: plural(list.length, 'paragraph') + ' of ' + state.agency + ' labelled ' + v.dim + ' ' + state.cat +
          ', ' + stanceText + (total ? ' (' + pct(list.length / total) + ' of its ' + plural(total, 'paragraph') + ')' : '') };
    }
    if (state.agency !== null) {
      var rows = rowUnits.get(v.stance);
      var r = rows ? rows.agencies.map(function (x) { return D.rows[x]; }).indexOf(state.agency) : -1;
      var units = r >= 0 ? rows.units[r] : [];
      return { list: units, focus: focus, title: state.agency,
        summary: plural(units.length, 'paragraph') + ' of ' + state.agency + ', ' + stanceText };
    }
    var seen = new Set();
    if (c >= 0) v.units.forEach(function (row) { row[c].forEach(function (u) { seen.add(u); }); });
    var all = Array.from(seen).sort(function (x, y) { return x - y; });
    return { list: all, focus: focus, title: v.dim + ': ' + state.cat,
      summary: plural(all.length, 'paragraph') + ' labelled ' + v.dim + ' ' + state.cat + ', ' + stanceText +
        ', over ' + plural(c >= 0 ? addressing(v, c).length : 0, 'agency', 'agencies') };
  }

  function renderDrill(v) {
    var list = $('drill-list');
    clear(list);
    if (!v || (state.agency === null && state.cat === null)) {
      $('drill-title').textContent = 'Evidence';
      $('drill-summary').textContent = 'Click a cell, an agency or a category to list its paragraphs with the matched evidence.';
      list.dataset.count = '0';
      drill.list = [];
      drill.shown = 0;
      $('drill-more').hidden = true;
      return;
    }
    var sel = selection(v);
    $('drill-title').textContent = 'Evidence — ' + sel.title;
    $('drill-summary').textContent = sel.summary + '. Highlighted: the matched evidence (darker: the selected labels).';
    list.dataset.count = String(sel.list.length);
    drill.list = sel.list;
    drill.focus = sel.focus;
    drill.shown = 0;
    more();
  }

  function more() {
    var list = $('drill-list');
    var end = Math.min(drill.list.length, drill.shown + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = drill.shown; i < end; i++) frag.appendChild(renderUnit(drill.list[i], drill.focus));
    list.appendChild(frag);
    drill.shown = end;
    var left = drill.list.length - end;
    var button = $('drill-more');
    button.hidden = left <= 0;
    button.textContent = 'Show ' + Math.min(left, PAGE) + ' more (' + left + ' left)';
  }

  function renderUnit(index, focus) {
    var u = D.units[index];
    var li = el('li', 'unit');
    li.dataset.unit = unitId(u);
    var meta = li.appendChild(el('div', 'meta'));
    meta.appendChild(el('span', 'uid', unitId(u)));
    meta.appendChild(el('span', 'lines', u[3] === u[4] ? 'line ' + u[3] : 'lines ' + u[3] + '–' + u[4]));
    meta.appendChild(el('span', 'agency', u[5] >= 0 ? D.agencies[u[5]] : 'no agency chapter'));
    if (u[6] >= 0) meta.appendChild(el('span', 'part', D.parts[u[6]]));
    var stance = unitStance(u);
    if (stance) meta.appendChild(el('span', 'stance stance-' + stance.replace(/[^a-z0-9_-]/gi, '_'), stance));
    meta.appendChild(el('span', 'kind', D.kinds[u[2]]));
    if (D.sections[u[7]]) li.appendChild(el('div', 'path', D.sections[u[7]]));
    li.appendChild(highlight(u[9], u[10], focus));
    // One chip per dimension (stance is in the meta line); selected labels stand out.
    var chips = li.appendChild(el('div', 'chips'));
    var byDim = new Map();
    u[8].forEach(function (l) {
      var d = D.labels[l][0];
      if (d === stanceDim) return;
      if (!byDim.has(d)) byDim.set(d, []);
      byDim.get(d).push(l);
    });
    byDim.forEach(function (labels) {
      labels.sort(function (x, y) { return D.labels[x][1] < D.labels[y][1] ? -1 : 1; });
    });
    byDim.forEach(function (labels, d) {
      var chip = chips.appendChild(el('span', 'chip'));
      chip.dataset.dimension = D.dims[d];
      chip.appendChild(el('span', 'dim', D.dims[d] + ': '));
      labels.forEach(function (l, i) {
        if (i > 0) chip.appendChild(document.createTextNode(', '));
        chip.appendChild(el('span', focus.has(l) ? 'label focus' : 'label', D.labels[l][1]));
      });
    });
    return li;
  }

  // The text with every evidence span in a <mark>; overlapping spans are cut
  // at their boundaries, and a piece names all the rules that cover it.
  function highlight(text, ev, focus) {
    var p = el('p', 'text');
    if (!ev.length) { p.textContent = text; return p; }
    var cuts = [0, text.length];
    for (var i = 0; i < ev.length; i += 4) cuts.push(Math.min(ev[i], text.length), Math.min(ev[i + 1], text.length));
    cuts.sort(function (a, b) { return a - b; });
    var lastKey = null, lastNode = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a === b) continue;
      var covering = [];
      for (var j = 0; j < ev.length; j += 4) if (ev[j] <= a && ev[j + 1] >= b) covering.push(j);
      var key = covering.join(',');
      var piece = text.slice(a, b);
      if (key === lastKey && lastNode) { lastNode.textContent += piece; continue; }
      lastKey = key;
      if (!covering.length) {
        lastNode = p.appendChild(document.createTextNode(piece));
        continue;
      }
      var isFocus = covering.some(function (x) { return focus.has(ev[x + 2]); });
      lastNode = p.appendChild(el('mark', isFocus ? 'focus' : null, piece));
      lastNode.title = covering.map(function (x) { return D.rules[ev[x + 3]] + ' → ' + labelText(ev[x + 2]); }).join('\n');
    }
    return p;
  }

  function renderProvenance() {
    var box = $('prov-body');
    var dl = box.appendChild(el('dl'));
    function row(term, value, cls) {
      dl.appendChild(el('dt', null, term));
      dl.appendChild(el('dd', cls || null, value));
    }
    row('tool', D.tool);
    row('rules hash', D.rulesHash || 'none', 'mono');
    row('rows', D.by === 'mentions' ? 'every agency a paragraph mentions (--by mentions)' : 'the agency chapter a paragraph belongs to (--by agency)');
    row('content units', D.contentUnits + ' (' + D.withoutOwner + ' outside any agency chapter)');
    row('crowded', (D.crowded > 0 ? 'addressed by ≥ ' + plural(D.crowded, 'agency', 'agencies')
      : 'addressed by half of the table\'s agencies or more (at least 3)') +
      ', with ≥ ' + plural(D.minParagraphs, 'paragraph') + ' each (--crowded, --min-paragraphs)');
    var table = box.appendChild(el('table'));
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['input', 'bytes', 'SHA-256'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var body = table.appendChild(el('tbody'));
    D.inputs.forEach(function (input) {
      var tr = body.appendChild(el('tr'));
      tr.appendChild(el('td', null, input[0]));
      tr.appendChild(el('td', null, input[1]));
      tr.appendChild(el('td', 'mono', input[2]));
    });
  }

  function render() {
    var v = currentView();
    renderControls();
    if (v) {
      renderHeatmap(v);
      renderGaps(v);
    } else {
      $('matrix-note').textContent = 'No paragraph is in a cell: ' + (D.by === 'mentions'
        ? 'no paragraph names an agency.'
        : 'no paragraph is in an agency chapter (gapmap report --by mentions counts the agencies named).');
    }
    renderDrill(v);
  }

  // ---- start ----
  var agencyCount = D.rows.length;
  $('summary').textContent = plural(D.docs.length, 'document') + ' · ' + plural(D.contentUnits, 'content unit') +
    ' · ' + plural(agencyCount, 'agency', 'agencies') + ' with paragraphs · ' + D.tool;
  $('dimension').addEventListener('change', function (e) {
    var stances = stancesOf(e.target.value);
    writeHash({ dim: e.target.value, stance: stances.indexOf(state.stance) >= 0 ? state.stance : stances[0], cat: null });
  });
  $('shade').addEventListener('change', function (e) { writeHash({ shade: e.target.value }); });
  $('drill-more').addEventListener('click', more);
  window.addEventListener('hashchange', function () { readHash(); render(); });
  readHash();
  renderProvenance();
  render();
  var tDone = performance.now();
  var body = document.body;
  body.dataset.scriptStartMs = t0.toFixed(1);
  body.dataset.parseMs = (tParsed - t0).toFixed(1);
  body.dataset.renderMs = (tDone - tParsed).toFixed(1);
  body.dataset.readyMs = tDone.toFixed(1);
  body.dataset.ready = 'true';
  window.addEventListener('load', function () { body.dataset.loadMs = performance.now().toFixed(1); });
})();
