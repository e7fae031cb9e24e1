/**
 * The HTML report: one self-contained page (inline CSS and JS, no network) with the verdict, a
 * timeline of every source in UTC, the ordered cause checklist with the cited lines, and coverage.
 * Every byte that came from the bundle reaches the page either HTML-escaped or as JSON data that the
 * script puts into the page with textContent, never as markup.
 */
import type { Event, Evidence, Finding, Report } from '../model/types.js';
import type { TimelineData } from '../analyze.js';
import { bundleOs, causeDocs, causeFix, causeManual, causeTitle, findingNote, type Os } from '../messages/findings.js';
import { hidesText, localizeDocs, statusLabel, tr, type Lang } from '../messages/ui.js';
import { Citations, factsLine, jobLine, location, outcomeLine, symptomLine, verdictFinding, verdictHeadline, verdictNotes } from './summary.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside <script>: no `</script>`, no HTML comment openers, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const LANES = ['daemon', 'exthandler', 'vmsnapshot', 'syslog', 'status', 'other'] as const;

type Lane = (typeof LANES)[number];

export function laneOf(e: Event): Lane {
  if (e.kind.startsWith('vmsnapshot.')) return 'vmsnapshot';
  if (e.kind.startsWith('waagent.')) return e.attrs.prefix === 'Daemon' || e.attrs.thread === 'Daemon' ? 'daemon' : 'exthandler';
  if (/^(syslog|kernel|system|dhcp)\./.test(e.kind)) return 'syslog';
  if (/^(status|settings|handler|agent|extensions-config|goal-state|config|ovf)\./.test(e.kind)) return 'status';
  return 'other';
}

/** Which kept events become marks: problems first, then lifecycle markers; at most `max`. */
export function marksOf(events: Event[], max = 4000): Event[] {
  const notable = (e: Event) => e.level === 'error' || e.level === 'warning' || /^(waagent\.start\.daemon|waagent\.goal-state\.processed|vmsnapshot\.result|status\.vmsnapshot|vmsnapshot\.run\.start)$/.test(e.kind);
  const timed = events.filter((e) => e.ms !== null && notable(e));
  if (timed.length <= max) return timed;
  const problems = timed.filter((e) => e.level === 'error' || e.level === 'warning').slice(-max);
  return problems.length >= max ? problems : [...problems, ...timed.filter((e) => !(e.level === 'error' || e.level === 'warning')).slice(-(max - problems.length))].sort((a, b) => a.ms! - b.ms!);
}

const CSS = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d9dee4;--red:#c62828;--amber:#b26a00;--green:#2e7d32;--blue:#1f5fbf;--job:#1f5fbf22}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:16px}h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.outcome{font-weight:600;margin:0 0 .4rem}
.verdict{border-left:6px solid var(--red);background:#fff5f5;padding:12px 16px;border-radius:6px}.verdict.none-found{border-color:var(--green);background:#f3fbf3}.verdict.cannot-tell{border-color:#78838f;background:#f6f8fa}
.verdict>div,.verdict>p,.verdict>ul{margin:.35rem 0}
.meta{color:var(--muted);font-size:.9rem}.confidence{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.bar{display:inline-block;width:240px;max-width:60%;height:10px;background:var(--line);border-radius:5px;overflow:hidden}.bar>span{display:block;height:100%;background:var(--red)}
a{color:var(--blue)}code,pre{font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
code,.loc,h1,.why,td{overflow-wrap:anywhere;word-break:break-word}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:8px;margin:.3rem 0}
mark{background:#fff3b0;padding:0 2px}
#chart{width:100%;overflow:hidden;border:1px solid var(--line);border-radius:6px}#chart svg{display:block}
#chart .mark:focus{outline:none;stroke:#1b1f24;stroke-width:2}
.controls button{font:inherit;padding:4px 10px;margin:0 6px 6px 0;border:1px solid var(--line);background:#f6f8fa;border-radius:6px;cursor:pointer}
#tip{position:fixed;pointer-events:none;max-width:min(520px,calc(100vw - 16px));background:#1b1f24;color:#fff;padding:6px 8px;border-radius:4px;font:12px/1.4 ui-monospace,monospace;display:none;z-index:9;white-space:pre-wrap;word-break:break-all}
#detail{margin-top:8px}.cause{border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:8px 0}
.tag{display:inline-block;font-size:.8rem;font-weight:600;padding:1px 8px;border-radius:10px;margin-right:6px;color:#fff;white-space:nowrap}
.confirmed{background:var(--red)}.likely{background:#d84315}.possible{background:var(--amber)}.ruled-out{background:var(--green)}.not-seen{background:#4f8a55}.not-observable{background:#78838f}
table.others{border-collapse:collapse;width:100%;font-size:.92rem}table.others td{border-top:1px solid var(--line);padding:5px 6px;vertical-align:top}
.legend span{margin-right:14px;font-size:.85rem;color:var(--muted);white-space:nowrap}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
@media (max-width:640px){main{padding:10px}h1{font-size:1.15rem}table.others td{display:block;border:0;padding:2px 4px}table.others tr{display:block;border-top:1px solid var(--line);padding:4px 0}}
@media print{.controls,#tip{display:none}.cause{break-inside:avoid}body{font-size:12px}}
`;

/**
 * The chart script: lanes (the plot starts right of the widest lane name, in any language),
 * heartbeats, job windows and marks. Marks of one lane a few pixels apart are drawn as one with
 * their count; every mark is a button reachable with Tab. Redrawn at the page's width.
 */
const SCRIPT = `
(function(){
var D=JSON.parse(document.getElementById('azlog-data').textContent);
var chart=document.getElementById('chart'),tip=document.getElementById('tip'),detail=document.getElementById('detail');
var NS='http://www.w3.org/2000/svg',LH=34,TOP=24,NEAR=8,view=null;
var lanes=D.lanes.filter(function(l){return D.marks.some(function(m){return m.lane===l.id})||(l.id==='exthandler'&&D.active.length)});
if(!lanes.length)lanes=D.lanes.slice(0,1);
var H=TOP+lanes.length*LH+28;
function el(n,a,p){var e=document.createElementNS(NS,n);for(var k in a)e.setAttribute(k,a[k]);if(p)p.appendChild(e);return e}
function iso(t){return new Date(t).toISOString().replace('T',' ').slice(0,19)}
function where(m){return m.file+(m.line===null?'':':'+m.line)}
function worst(items){var l=null;items.forEach(function(m){if(m.level==='error')l='error';else if(m.level==='warning'&&l!=='error')l='warning'});return l}
function tipAt(text,x,y){tip.textContent=text;tip.style.display='block';var w=tip.offsetWidth,h=tip.offsetHeight;
  tip.style.left=Math.max(8,Math.min(x+12,window.innerWidth-w-8))+'px';tip.style.top=(y+16+h>window.innerHeight?Math.max(8,y-h-12):y+16)+'px'}
function hideTip(){tip.style.display='none'}
function draw(t0,t1){
  view=[t0,t1];chart.textContent='';
  var W=Math.max(chart.clientWidth||1000,300);
  var svg=el('svg',{width:W,height:H,viewBox:'0 0 '+W+' '+H,role:'group','aria-label':D.labels.timeline},chart);
  var names=lanes.map(function(l,i){var y=TOP+i*LH;el('rect',{x:0,y:y,width:W,height:LH,fill:i%2?'#fafbfc':'#fff'},svg);
    var tx=el('text',{x:6,y:y+LH/2+4,'font-size':12,fill:'#5b6470',class:'lane'},svg);tx.textContent=l.name;return tx});
  var LEFT=Math.ceil(Math.max.apply(null,names.map(function(t){return t.getComputedTextLength()}))+18);
  svg.setAttribute('data-left',LEFT);
  el('line',{x1:LEFT-6,x2:LEFT-6,y1:TOP,y2:TOP+lanes.length*LH,stroke:'#d9dee4'},svg);
  var span=Math.max(t1-t0,60000);function x(t){return LEFT+(t-t0)/span*(W-LEFT-10)}
  D.jobs.forEach(function(j){if(j.end<t0||j.start>t1)return;var a=x(Math.max(j.start,t0)),b=x(Math.min(j.end,t1));
    el('rect',{x:a,y:TOP,width:Math.max(b-a,2),height:lanes.length*LH,fill:'#1f5fbf22',class:'job'},svg);
    var tx=el('text',{x:Math.min(a+3,W-120),y:TOP-6,'font-size':11,fill:'#1f5fbf'},svg);tx.textContent=D.labels.job+(j.code!==null?' ('+j.code+')':'')});
  var hl=lanes.findIndex(function(l){return l.id==='exthandler'});if(hl<0)hl=0;var hy=TOP+hl*LH+LH-6;
  var seg=null;D.active.concat([Infinity]).forEach(function(m){var t=m*60000;
    if(seg&&t-seg[1]<=35*60000){seg[1]=t;return}
    if(seg&&seg[1]>=t0&&seg[0]<=t1)el('line',{x1:x(Math.max(seg[0],t0)),x2:Math.max(x(Math.min(seg[1],t1)),x(Math.max(seg[0],t0))+1),y1:hy,y2:hy,stroke:'#2e7d32','stroke-width':2,class:'heartbeat'},svg);
    seg=isFinite(t)?[t,t]:null});
  var groups=[],shown=0;
  lanes.forEach(function(l,li){var g=null;
    D.marks.filter(function(m){return m.lane===l.id&&m.t>=t0&&m.t<=t1}).sort(function(a,b){return a.t-b.t}).forEach(function(m){
      var px=x(m.t);if(g&&px-g.last<=NEAR){g.items.push(m);g.last=px}else{g={px:px,last:px,li:li,items:[m]};groups.push(g)}})});
  groups.forEach(function(g){var m=g.items[0],n=g.items.length,y=TOP+g.li*LH+LH/2,lv=worst(g.items);if(n>1)g.px=(g.px+g.last)/2;
    var c=lv==='error'?'#c62828':lv==='warning'?'#b26a00':m.kind==='waagent.start.daemon'?'#6a1b9a':'#1f5fbf';
    var bar=n===1&&(m.kind==='waagent.start.daemon'||m.kind==='waagent.goal-state.processed');
    var label=(n>1?D.labels.cluster.replace('{n}',n)+': ':'')+iso(m.t)+' UTC '+where(m);
    var s=el(bar?'rect':'circle',bar?{x:g.px-1,y:y-9,width:3,height:18,fill:c}:{cx:g.px,cy:y,r:n>1?8:lv==='error'?5:4,fill:c,'fill-opacity':.85},svg);
    s.setAttribute('class','mark');s.setAttribute('data-id',m.id);s.setAttribute('data-count',n);s.setAttribute('data-ids',g.items.map(function(i){return i.id}).join(' '));s.setAttribute('tabindex','0');s.setAttribute('role','button');s.setAttribute('aria-label',label);
    s.style.cursor='pointer';shown+=n;
    if(n>1){var ct=el('text',{x:g.px,y:y+3.5,'font-size':n>99?7:9,'text-anchor':'middle',fill:'#fff','pointer-events':'none',class:'count'},svg);ct.textContent=n>999?'999+':String(n)}
    var text=function(){return (n>1?D.labels.cluster.replace('{n}',n)+'\\n':'')+iso(m.t)+' UTC  '+where(m)+'\\n'+m.text};
    s.addEventListener('mousemove',function(ev){tipAt(text(),ev.clientX,ev.clientY)});
    s.addEventListener('mouseleave',hideTip);
    s.addEventListener('focus',function(){var b=s.getBoundingClientRect();tipAt(text(),b.right,b.bottom)});
    s.addEventListener('blur',hideTip);
    var open=function(){hideTip();show(g.items)};
    s.addEventListener('click',open);
    s.addEventListener('keydown',function(ev){if(ev.key==='Enter'||ev.key===' '){ev.preventDefault();open()}})});
  var ticks=W<600?[0,.5,1]:[0,.25,.5,.75,1];
  ticks.forEach(function(f){var t=t0+f*span,tx=el('text',{x:f===1?W-4:f===0?LEFT:x(t),y:H-8,'font-size':11,fill:'#5b6470','text-anchor':f===0?'start':f===1?'end':'middle'},svg);tx.textContent=iso(t)});
  document.getElementById('count').textContent=shown;
}
/* the marks under the pointer, each with the lines around it in its file */
function show(items){detail.textContent='';
  if(items.length>1){var hd=document.createElement('div');hd.className='meta';hd.textContent=D.labels.cluster.replace('{n}',items.length);detail.appendChild(hd)}
  items.forEach(function(c){
  var box=document.createElement('div');var loc=document.createElement('code');loc.className='loc';loc.textContent=where(c);
  var h=document.createElement('div');h.className='meta';h.textContent=iso(c.t)+' UTC  '+c.kind;
  var pre=document.createElement('pre');
  function add(tag,no,text){var e=document.createElement(tag);e.textContent=(no===null?'-':no)+': '+text+'\\n';pre.appendChild(e)}
  var n=c.line;c.before.forEach(function(b,i){add('span',n===null?null:n-c.before.length+i,b)});
  var nl=c.msg.indexOf('\\n');var msg=document.createElement('mark');msg.textContent=(n===null?'-':n)+': '+c.text+(nl>=0?c.msg.slice(nl):'')+'\\n';pre.appendChild(msg);
  c.after.forEach(function(a,i){add('span',n===null?null:n+c.lines+i,a)});
  box.appendChild(loc);box.appendChild(h);box.appendChild(pre);detail.appendChild(box)});
  detail.scrollIntoView({block:'nearest'})}
var times=D.marks.map(function(m){return m.t}).concat(D.active.map(function(a){return a*60000}));
D.jobs.forEach(function(j){times.push(j.start,j.end)});
var lo=Math.min.apply(null,times.length?times:[0]),hi=Math.max.apply(null,times.length?times:[1]);
document.getElementById('all').addEventListener('click',function(){draw(lo,hi)});
var zb=document.getElementById('zoom');if(D.focus){zb.addEventListener('click',function(){draw(D.focus[0],D.focus[1])})}else{zb.disabled=true}
window.addEventListener('scroll',hideTip,{passive:true});
var pending=null;window.addEventListener('resize',function(){clearTimeout(pending);pending=setTimeout(function(){draw(view[0],view[1])},100)});
if(D.focus)draw(D.focus[0],D.focus[1]);else draw(lo,hi);
})();`;

const esc = escapeHtml;

/** A cited line: in full where it is first cited, a link to it afterwards. */
function citeHtml(cites: Citations, e: Evidence, lang: Lang): string {
  const { n, first } = cites.cite(e);
  if (!first) return ` <a class="ref" href="#cite-${n}">[${n}]</a>`;
  return `<div class="ev" id="cite-${n}"><code class="loc">[${n}] ${esc(location(e))}</code>${e.time ? ` <span class="meta">${esc(e.time)}</span>` : ''}<pre><mark title="${esc(tr(lang, 'cited'))}">${esc(e.text)}</mark></pre></div>`;
}

function findingCard(f: Finding, lang: Lang, cites: Citations, os: Os): string {
  const ev = f.evidence.slice(0, 4).map((e) => citeHtml(cites, e, lang)).join('');
  const fix = f.status === 'confirmed' || f.status === 'likely'
    ? `<div class="fix"><b>${esc(tr(lang, 'fix'))}:</b> ${esc(causeFix(f.cause, lang, os))} <a href="${esc(localizeDocs(causeDocs(f.cause), lang))}">${esc(tr(lang, 'docs'))}</a></div>`
    : `<div class="meta">${esc(tr(lang, 'checkByHand'))}: ${esc(causeManual(f.cause, lang, os))}</div>`;
  return `<div class="cause" id="cause-${f.cause}"><span class="tag ${f.status}">${esc(statusLabel(lang, f.status))}</span><b>${esc(causeTitle(f.cause, lang))}</b> <code class="meta">${f.cause}</code>${f.confidence ? ` <span class="meta">${esc(tr(lang, 'confidence'))} ${f.confidence.toFixed(2)}</span>` : ''}<div>${esc(findingNote(f, lang))}</div>${ev}${fix}</div>`;
}

function otherRow(f: Finding, lang: Lang, cites: Citations, os: Os): string {
  const ev = f.evidence.slice(0, 1).map((e) => citeHtml(cites, e, lang)).join('');
  const manual = f.status === 'not-observable' ? `<div class="meta">${esc(tr(lang, 'checkByHand'))}: ${esc(causeManual(f.cause, lang, os))}</div>` : '';
  return `<tr id="cause-${f.cause}"><td><span class="tag ${f.status}">${esc(statusLabel(lang, f.status))}</span></td><td><code>${f.cause}</code><div class="meta">${esc(causeTitle(f.cause, lang))}</div></td><td>${esc(findingNote(f, lang))}${manual}${ev}</td></tr>`;
}

export function renderHtml(r: Report, lang: Lang, timeline: TimelineData = { events: [], agentMinutes: [] }): string {
  const marks = marksOf(timeline.events);
  const os = bundleOs(r.bundle.kind);
  const data = {
    lanes: LANES.map((id) => ({ id, name: tr(lang, `lane.${id}`) })),
    marks: marks.map((e, id) => ({ id, t: e.ms, lane: laneOf(e), level: e.level, kind: e.kind, file: e.file, line: e.line, lines: e.lines, text: e.raw.slice(0, 400), msg: e.message.slice(0, 4000), before: e.context?.before ?? [], after: e.context?.after ?? [] })),
    active: timeline.agentMinutes,
    jobs: r.facts.jobs.map((j) => ({ start: Date.parse(j.start), end: Date.parse(j.end), code: j.statusCode })),
    focus: r.verdict.job ? [Date.parse(r.verdict.job.start) - 15 * 60_000, Date.parse(r.verdict.job.end) + 15 * 60_000] : null,
    labels: { timeline: tr(lang, 'timeline'), job: tr(lang, 'job'), cluster: tr(lang, 'cluster') },
  };
  const top = verdictFinding(r);
  const cites = new Citations();
  const verdictEvidence = top ? top.evidence.slice(0, 3).map((e) => citeHtml(cites, e, lang)).join('') : '';
  const cards = r.findings.filter((f) => f !== top && ['confirmed', 'likely', 'possible'].includes(f.status)).map((f) => findingCard(f, lang, cites, os)).join('\n');
  const others = r.findings.filter((f) => ['ruled-out', 'not-seen', 'not-observable'].includes(f.status)).map((f) => otherRow(f, lang, cites, os)).join('\n');
  const gaps = r.coverage.gaps.map((g) => { const h = hidesText(lang, g.kind); return `<li><code>${esc(g.kind)}</code>${h ? ` — ${esc(h)}` : ''}</li>`; }).join('');
  const conf = r.verdict.confidence.toFixed(2);
  const confLabel = top ? `${tr(lang, 'confidence')} ${conf} (${statusLabel(lang, top.status)})` : '';
  const legend = [['#c62828', tr(lang, 'error')], ['#b26a00', tr(lang, 'warning')], ['#1f5fbf', tr(lang, 'incarnation')], ['#6a1b9a', tr(lang, 'restart')], ['#2e7d32', tr(lang, 'heartbeat')], ['#1f5fbf55', tr(lang, 'job')]]
    .map(([c, l]) => `<span><i style="background:${c}"></i>${esc(l!)}</span>`).join('');
  const extra = verdictNotes(r, lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>azlog — ${esc(r.bundle.path)}</title><style>${CSS}</style></head>
<body><main>
<p class="outcome" id="outcome">${esc(outcomeLine(r, lang))}</p>
<div class="meta">azlog — <code>${esc(r.bundle.path)}</code> · ${esc(r.bundle.kind)} · sha256 ${esc(r.bundle.sha256.slice(0, 16))}…</div>
<section class="verdict ${top ? 'found' : r.verdict.outcome}" id="verdict"><h1>${esc(tr(lang, 'verdict'))}: ${esc(verdictHeadline(r, lang))}</h1>
${top ? `<div class="confidence"><span class="bar" role="meter" aria-valuemin="0" aria-valuemax="1" aria-valuenow="${conf}" aria-label="${esc(confLabel)}"><span style="width:${Math.round(r.verdict.confidence * 100)}%"></span></span><span class="bar-label">${esc(confLabel)}</span></div>` : ''}
${top ? `<p class="why"><b>${esc(tr(lang, 'why'))}:</b> ${esc(findingNote(top, lang))}</p>${verdictEvidence}` : ''}
${extra.length ? `<ul class="extra">${extra.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : ''}
<div class="job" id="job">${esc(jobLine(r.verdict.job, lang))}</div>
<div>${esc(symptomLine(r, lang))}</div>
${top ? `<div class="fix"><b>${esc(tr(lang, 'fix'))}:</b> ${esc(causeFix(top.cause, lang, os))} <a href="${esc(localizeDocs(causeDocs(top.cause), lang))}">${esc(tr(lang, 'docs'))}</a></div>` : ''}
</section>
<h2>${esc(tr(lang, 'timeline'))}</h2>
<div class="controls"><button id="zoom" type="button">${esc(tr(lang, 'zoom'))}</button><button id="all" type="button">${esc(tr(lang, 'all'))}</button>
<span class="meta"><span id="count">0</span> ${esc(tr(lang, 'marks'))} · ${esc(tr(lang, 'clickHint'))}</span></div>
<div class="legend">${legend}</div>
<div id="chart"></div><div id="detail" aria-live="polite"></div>
${cards ? `<h2>${esc(tr(lang, 'alsoCheck'))}</h2>\n${cards}` : ''}
${others ? `<h2>${esc(tr(lang, 'otherCauses'))}</h2>\n<table class="others">${others}</table>` : ''}
<h2>${esc(tr(lang, 'coverage'))}</h2>
<div>${esc(tr(lang, 'present'))}: ${r.coverage.present.map((k) => `<code>${esc(k)}</code>`).join(', ') || esc(tr(lang, 'none'))}</div>
${gaps ? `<ul>${gaps}</ul>` : ''}
<p class="meta">${esc(factsLine(r, lang))} · ${esc(tr(lang, 'generated'))}</p>
</main><div id="tip" role="tooltip"></div>
<script type="application/json" id="azlog-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
