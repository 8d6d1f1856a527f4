(function(){
'use strict';
// The page's data is one JSON payload (report.py `payload`); this draws it on demand: a page of
// rows or of articles at a time. Every value goes in as text (textContent); the only HTML put in
// is an article's marked-up text, escaped by report.py (render_marked).
// The first page comes in a small payload before this script (`depeche-first`), the whole one
// after it (`depeche-data`): the first page is drawn before the browser has read the rest.
function load(id){return JSON.parse(document.getElementById(id).textContent);}
var D=load('depeche-first');
var ROWS=D.page.rows, ARTS=D.page.articles;

function el(tag, cls, text){var e=document.createElement(tag); if(cls){e.className=cls;}
  if(text!==undefined&&text!==null){e.textContent=String(text);} return e;}
function fold(s){return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g,'').toLowerCase();}
function fmt(v){if(v===null||v===undefined){return '';} if(typeof v==='number'){return Number.isInteger(v)?String(v):String(+v.toPrecision(6));} return String(v);}
function textOf(v){return Array.isArray(v)?v[0]:fmt(v);}
function link(text, href){var a=el('a', '', text); a.setAttribute('href', href); return a;}

// -- paging ------------------------------------------------------------------------------------
function pager(box, st, count, size){
  box.textContent='';
  var pages=Math.max(1, Math.ceil(count/size)); if(st.p>=pages){st.p=pages-1;}
  if(pages<2){box.textContent='('+count+')'; return;}
  var prev=el('button', '', '\u2039'), next=el('button', '', '\u203A');
  prev.disabled=st.p===0; next.disabled=st.p>=pages-1;
  prev.setAttribute('aria-label', 'previous page'); next.setAttribute('aria-label', 'next page');
  prev.onclick=function(){st.p--; st.draw();}; next.onclick=function(){st.p++; st.draw();};
  box.appendChild(prev); box.appendChild(el('span', '', 'page '+(st.p+1)+' / '+pages+' ('+count+')')); box.appendChild(next);
}

// -- charts ------------------------------------------------------------------------------------
function charts(){
  var box=document.getElementById('charts-body');
  D.charts.forEach(function(c){
    var fig=el('figure', 'chart'); fig.appendChild(el('figcaption', '', c.title));
    if(!c.bars.length){fig.appendChild(el('p', 'mut', 'nothing to chart')); box.appendChild(fig); return;}
    var top=Math.max.apply(null, c.bars.map(function(b){return b[1];}))||1, ol=el('ol', 'bars');
    c.bars.forEach(function(b){
      var li=el('li'), lab=el('span', 'lab', b[0]), track=el('span', 'track'), fill=el('i');
      lab.title=b[0]; fill.style.width=(100*b[1]/top).toFixed(1)+'%'; fill.style.background=c.colour;
      track.appendChild(fill); li.appendChild(lab); li.appendChild(track); li.appendChild(el('span', 'v', fmt(b[1])));
      ol.appendChild(li);
    });
    fig.appendChild(ol); box.appendChild(fig);
  });
}

function timeline(){
  var t=D.timeline, box=document.getElementById('timeline-body');
  if(!t.buckets.length){box.appendChild(el('p', 'mut', 'No article of this run has a publication date: no period to draw.')); return;}
  var first=t.buckets[0].period, last=t.buckets[t.buckets.length-1].period;
  box.appendChild(el('p', 'mut', 'From '+first+' to '+last+', by '+t.by+': dates mentioned in the articles that fall in the period, and articles published.'));
  [['dates', 'dates mentioned', '#59a14f'], ['articles', 'articles published', '#4e79a7']].forEach(function(row){
    var top=Math.max.apply(null, t.buckets.map(function(b){return b[row[0]];}))||1;
    var fig=el('figure', 'tl'); fig.appendChild(el('figcaption', '', row[1]+' (most in one '+t.by+': '+top+')'));
    var bars=el('div', 'tl-bars');
    t.buckets.forEach(function(b){
      var col=el('span', 'tl-col'), bar=el('i');
      bar.style.height=(100*b[row[0]]/top).toFixed(1)+'%'; bar.style.background=row[2];
      col.title=b.period+': '+b[row[0]]+' '+row[1]; col.appendChild(bar); bars.appendChild(col);
    });
    fig.appendChild(bars);
    var axis=el('div', 'tl-axis'); axis.appendChild(el('span', '', first)); axis.appendChild(el('span', '', last));
    fig.appendChild(axis); box.appendChild(fig);
  });
  box.appendChild(el('p', 'mut', 'Not drawn: '+t.before+' dates before the period, '+t.after+' after it, '+t.coarser+
    ' too coarse or unresolved for a '+t.by+'; '+t.undated+' undated articles.'));
}

// -- tables ------------------------------------------------------------------------------------
var tables={};
function table(section){
  var name=section.dataset.table, spec=D.tables[name], typed=section.querySelector('input.filter');
  typed=typed?typed.value:''; section.textContent='';
  var st={p:0, rows:spec.rows, shown:spec.rows, sort:-1, asc:true};
  section.appendChild(el('h2', '', spec.title+' ('+spec.count+')'));
  if(spec.note){section.appendChild(el('p', 'mut', spec.note));}
  var tools=el('div', 'tools'), filter=el('input', 'filter'), pg=el('span', 'pager');
  filter.placeholder='filter '+spec.title.toLowerCase()+'\u2026'; filter.setAttribute('aria-label', 'filter '+spec.title);
  filter.dataset.target=name; filter.value=typed; tools.appendChild(filter); tools.appendChild(pg); section.appendChild(tools);
  var wrap=el('div', 'scroll'), t=el('table', 'data'), thead=el('thead'), hr=el('tr'), tbody=el('tbody');
  t.id='t-'+name;
  spec.cols.forEach(function(c, i){
    var th=el('th', '', c.l); th.setAttribute('scope', 'col');
    th.onclick=function(){st.asc=st.sort===i?!st.asc:true; st.sort=i; sortRows(); st.p=0; st.draw();
      Array.prototype.forEach.call(hr.cells, function(h){h.classList.remove('asc', 'desc');}); th.classList.add(st.asc?'asc':'desc');};
    hr.appendChild(th);
  });
  thead.appendChild(hr); t.appendChild(thead); t.appendChild(tbody); wrap.appendChild(t); section.appendChild(wrap);
  var numeric=spec.cols.map(function(c, i){return spec.rows.every(function(r){return r[i]===null||typeof r[i]==='number';});});
  function sortRows(){
    var i=st.sort, k=st.asc?1:-1;
    st.rows=st.rows.slice().sort(function(a, b){
      if(numeric[i]){return k*((a[i]===null?-Infinity:a[i])-(b[i]===null?-Infinity:b[i]));}
      return k*textOf(a[i]).localeCompare(textOf(b[i]), 'fr');});
    applyFilter();
  }
  function applyFilter(){
    var q=fold(filter.value.trim());
    st.shown=q?st.rows.filter(function(r){return fold(r.map(textOf).join(' ')).indexOf(q)>=0;}):st.rows;
  }
  filter.addEventListener('input', function(){applyFilter(); st.p=0; st.draw();});
  if(typed){applyFilter();}
  st.draw=function(){
    pager(pg, st, st.shown===spec.rows?spec.count:st.shown.length, ROWS);
    tbody.textContent='';
    st.shown.slice(st.p*ROWS, (st.p+1)*ROWS).forEach(function(r){
      var tr=el('tr');
      r.forEach(function(v, i){
        var td=el('td', numeric[i]?'n':''); td.dataset.l=spec.cols[i].l;
        if(Array.isArray(v)){td.appendChild(link(v[0], v[1]));} else {td.textContent=fmt(v);}
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    if(!st.shown.length){var tr=el('tr'), td=el('td', 'mut', spec.rows.length?'no row matches':'none');
      td.colSpan=spec.cols.length; tr.appendChild(td); tbody.appendChild(tr);}
  };
  tables[name]=st; st.draw();
}

// -- articles ----------------------------------------------------------------------------------
var A, where, ast={p:0};
function articles(){
  A=D.articles; where={};
  A.forEach(function(a, i){where[a.a]=i; a.claims.forEach(function(c){where[c[1]]=i;});
    a.find=fold([a.id, a.title, a.source, a.date, a.status].join(' '));});
  var q=fold(afilter.value.trim()); ast.shown=q?A.filter(function(a){return a.find.indexOf(q)>=0;}):A;
  ast.count=q?ast.shown.length:D.page.total; ast.draw();
}

function fill(d, a){
  if(d.dataset.filled){return;} d.dataset.filled='1';
  var meta=el('p', 'mut', a.path+(a.source?' \u00b7 '+a.source:''));
  if(a.url){meta.appendChild(document.createTextNode(' \u00b7 ')); var u=link(a.url, a.url); u.rel='noopener noreferrer'; meta.appendChild(u);}
  else if(a.raw_url){meta.appendChild(document.createTextNode(' \u00b7 '+a.raw_url));}
  d.appendChild(meta);
  if(a.error){d.appendChild(el('p', 'note', a.error));}
  if(a.note){d.appendChild(el('p', 'note', a.note));}
  if(a.html!==null){var body=el('div', 'body'); body.innerHTML=a.html; d.appendChild(body);}
  if(a.claims.length){
    var ol=el('ol', 'claims');
    a.claims.forEach(function(c){
      var li=el('li'); li.value=c[0]; li.appendChild(link(c[2], '#'+c[1])); li.appendChild(document.createTextNode(' \u2192 '));
      li.appendChild(c[3]?el('b', '', c[3]):el('span', 'mut', '(no cue)'));
      if(c[4]){li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'st', c[4]));}
      li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'mut', c[5]));
      if(c[6]){li.appendChild(document.createTextNode(' \u2192 \u00ab\u00a0'+c[6]+'\u00a0\u00bb'));}
      ol.appendChild(li);
    });
    d.appendChild(ol);
  }
}

function articleBox(a){
  var d=el('details', 'art'); d.id=a.a;
  var s=el('summary'); s.appendChild(el('b', 'aid', a.id));
  if(a.title){s.appendChild(document.createTextNode(' \u00b7 '+a.title));}
  if(a.date){s.appendChild(el('span', 'mut', ' '+a.date));}
  if(a.status!=='ok'){s.appendChild(document.createTextNode(' ')); s.appendChild(el('span', 'st', a.status));}
  else if(a.n){s.appendChild(el('span', 'mut', ' '+D.counts_of.map(function(n, i){return a.n[i]+' '+n;}).join(', ')));}
  d.appendChild(s);
  d.addEventListener('toggle', function(){if(d.open){fill(d, a);}});
  return d;
}

var list=document.getElementById('articles-list'), apg=document.getElementById('articles-pager');
ast.draw=function(){
  pager(apg, ast, ast.count, ARTS);
  list.textContent='';
  ast.shown.slice(ast.p*ARTS, (ast.p+1)*ARTS).forEach(function(a){list.appendChild(articleBox(a));});
};
var afilter=document.getElementById('articles-filter');
afilter.addEventListener('input', function(){
  var q=fold(afilter.value.trim()); ast.shown=q?A.filter(function(a){return a.find.indexOf(q)>=0;}):A;
  ast.count=ast.shown.length; ast.p=0; ast.draw();});

function reveal(){
  var id=decodeURIComponent(location.hash.slice(1)); if(!(id in where)){return;}
  var a=A[where[id]];
  if(ast.shown.indexOf(a)<0){afilter.value=''; ast.shown=A; ast.count=A.length;}
  ast.p=Math.floor(ast.shown.indexOf(a)/ARTS); ast.draw();
  var d=document.getElementById(a.a); fill(d, a); d.open=true;
  var target=document.getElementById(id); if(target){target.scrollIntoView();}
}

function pages(){document.querySelectorAll('section.table-section').forEach(table); articles();}
charts(); timeline(); pages();
document.body.setAttribute('data-first-page-ms', String(Math.round(performance.now())));
document.addEventListener('DOMContentLoaded', function(){
  D=load('depeche-data'); pages();
  window.addEventListener('hashchange', reveal); reveal();
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-depeche-ready', '1');
});
})();
