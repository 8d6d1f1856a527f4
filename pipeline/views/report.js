
(function(){
var PAGE=100, ARTS=50;
function rows(t){return Array.prototype.slice.call(t.tBodies[0].rows);}
function paged(items, size, pager, state){
  var shown=items.filter(function(r){return !r.dataset.out;});
  var pages=Math.max(1, Math.ceil(shown.length/size)); if(state.p>=pages){state.p=pages-1;}
  items.forEach(function(r){r.classList.add('hid');});
  shown.slice(state.p*size,(state.p+1)*size).forEach(function(r){r.classList.remove('hid');});
  if(!pager){return;}
  pager.textContent='';
  if(pages<2){pager.textContent='('+shown.length+')'; return;}
  var prev=document.createElement('button'); prev.textContent='\u2039'; prev.disabled=state.p===0;
  var next=document.createElement('button'); next.textContent='\u203A'; next.disabled=state.p>=pages-1;
  var lab=document.createElement('span'); lab.textContent='page '+(state.p+1)+' / '+pages+' ('+shown.length+')';
  prev.onclick=function(){state.p--; state.draw();}; next.onclick=function(){state.p++; state.draw();};
  pager.appendChild(prev); pager.appendChild(lab); pager.appendChild(next);
}
function num(s){var v=parseFloat(s); return (s!=='' && !isNaN(v) && /^-?[0-9.]+(e[-+]?[0-9]+)?$/i.test(s))?v:null;}
function fold(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').toLowerCase();}
var pagers={};
document.querySelectorAll('table.data').forEach(function(t){
  var st={p:0}; var pager=document.getElementById(t.id+'-pager');
  st.draw=function(){paged(rows(t), PAGE, pager, st);}; pagers[t.id]=st; st.draw();
  Array.prototype.forEach.call(t.tHead.rows[0].cells, function(th, i){
    th.addEventListener('click', function(){
      var asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(t.tHead.rows[0].cells, function(h){h.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      var rs=rows(t), allnum=rs.every(function(r){var s=r.cells[i].textContent.trim(); return s===''||num(s)!==null;});
      rs.sort(function(a,b){var x=a.cells[i].textContent.trim(), y=b.cells[i].textContent.trim();
        var c=allnum?((num(x)===null?-Infinity:num(x))-(num(y)===null?-Infinity:num(y))):x.localeCompare(y,'fr');
        return asc?c:-c;});
      rs.forEach(function(r){t.tBodies[0].appendChild(r);}); st.p=0; st.draw();
    });
  });
});
var arts=Array.prototype.slice.call(document.querySelectorAll('details.art'));
var ast={p:0}; ast.draw=function(){paged(arts, ARTS, document.getElementById('articles-pager'), ast);};
ast.draw();
document.querySelectorAll('input.filter').forEach(function(inp){
  inp.addEventListener('input', function(){
    var q=fold(inp.value.trim()), target=inp.dataset.target;
    var items=target==='articles'?arts:rows(document.getElementById(target));
    items.forEach(function(r){var hit=!q||fold(r.dataset.text||r.textContent).indexOf(q)>=0;
      if(hit){delete r.dataset.out;}else{r.dataset.out='1';}});
    (target==='articles'?ast:pagers[target]).p=0; (target==='articles'?ast:pagers[target]).draw();
  });
});
function reveal(){
  var id=decodeURIComponent(location.hash.slice(1)); if(!id){return;}
  var el=document.getElementById(id); if(!el){return;}
  var d=el.closest('details.art');
  if(d){delete d.dataset.out; var i=arts.filter(function(a){return !a.dataset.out;}).indexOf(d);
    if(i>=0){ast.p=Math.floor(i/ARTS); ast.draw();} d.open=true;}
  var tr=el.closest('tr');
  if(tr){var t=tr.closest('table'); var st=pagers[t.id]; if(st){delete tr.dataset.out;
    var j=rows(t).filter(function(r){return !r.dataset.out;}).indexOf(tr); st.p=Math.floor(j/PAGE); st.draw();}}
  el.scrollIntoView();
}
window.addEventListener('hashchange', reveal); reveal();
document.body.setAttribute('data-depeche-ready','1');
})();
