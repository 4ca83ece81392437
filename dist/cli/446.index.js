const M=446,j=[446],I={5446:((p,d,t)=>{t.r(d),t.d(d,{default:()=>$});var m=t(6760),l=t(3922),i=t(7525),f=t(5189),n=t(5926);const s=["Model","Name","Service(s)","Runtime","Artifact source"];function a(o,r){return o.artifactFolder===null?"none (artifact_folder: null)":r==="dev"?`local folder ${o.artifactFolder}`:`Model Manager: ${o.artifactVersion===null?`latest in ${r}`:(0,f.$J)(o.modelName,r,o.artifactVersion)}${o.dataset?` (data set ${o.dataset})`:""}`}function h(o,r){return o.models.map(e=>[e.modelName,e.humanFriendlyModelName,(0,n.Yj)(e).join(", "),e.platform==="cdf"?e.pythonVersion:`local (${e.pythonVersion})`,a(e,r)])}var g=t(2510),v=t(1428);const E=`Usage: mlops validate [--settings FILE] [--repo DIR] [--env dev|test|prod] [--models a,b]

Checks the settings file and lists its models. Exit code 1 when there are problems, each
printed as file:line:column: field: what is wrong.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --env ENV         target environment; in dev the artifact folder must exist (default: test)
  --models LIST     only these models (comma-separated)
`;async function $(o){const r=(0,v.R)(o,E,{...v.V,env:{type:"string"}});if(!r)return 0;const{values:e}=r,c=(0,l.v)(e.env??"test","--env"),u=await(0,i.M5)({file:e.settings??"mlops_settings.yaml",repoRoot:(0,m.resolve)(e.repo??"."),env:c,models:(0,l.H)(e.models)}),y=[s,...h(u,c)];return process.stdout.write(`${(0,g.n)(y)}

${u.file}: ${u.models.length} model(s) valid for ${c}
`),0}}),2510:((p,d,t)=>{t.d(d,{n:()=>m});function m(l){const i=l.map(n=>n.map(String)),f=(i[0]??[]).map((n,s)=>Math.max(...i.map(a=>(a[s]??"").length)));return i.map(n=>n.map((s,a)=>s.padEnd(f[a])).join("  ").trimEnd()).join(`
`)}}),3922:((p,d,t)=>{t.d(d,{H:()=>f,v:()=>i});var m=t(7638),l=t(5926);function i(n,s="env"){const a=n.trim().toLowerCase();if(l.ju.includes(a))return a;throw new m.I(`${s} must be one of ${l.ju.join(", ")}; found "${n}".`)}function f(n){return(n??"").split(",").map(s=>s.trim()).filter(Boolean)}})};export{M as id,j as ids,I as modules};
