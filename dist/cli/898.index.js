const st=898,rt=[898],at={3898:((b,I,t)=>{t.r(I),t.d(I,{default:()=>z,pythonSdkHint:()=>v});var M=t(1421),q=t.n(M),E=t(3024),tt=t.n(E),g=t(8161),et=t.n(g),d=t(6760),ot=t.n(d),T=t(3136),nt=t.n(T),A=t(7662),u=t(7638),K=t(9157),B=t(7525),W=t(7275),S=t(4395),N=t(5666),P=t(289),x=t(5189),j=t(6346),y=t(6052),k=t(8824),G=t(1428);const F=`Usage: mlops demo [--port N] [--keep-running] [--python PATH] [--verbose]

Starts a CDF emulator in this process and runs the whole pipeline on a copy of
examples/model-repo: artifact upload to test, validate, test, package, deploy to test, promote
the artifact to prod, deploy to prod; then calls the prod function and prints the prediction.
Exit code 0 only when that call answers status ok.

  --port N         emulator port (default: any free port)
  --keep-running   keep the emulator serving until Ctrl+C (with a hint for Cognite's Python SDK)
  --python PATH    Python for the tests and the function calls (default: python3)
  --verbose        every log line of the pipeline, not just its stages
`,H=9;function J(){for(let e=(0,d.dirname)((0,T.fileURLToPath)(import.meta.url));;e=(0,d.dirname)(e)){const o=(0,d.join)(e,"examples","model-repo");if((0,E.existsSync)((0,d.join)(o,"mlops_settings.yaml")))return o;if((0,d.dirname)(e)===e)throw new u.I("examples/model-repo was not found next to this mlops installation; run the demo from a clone of akerbp/mlops.")}}function V(e){const o=(0,K.k)({verbose:e,stream:process.stdout});return e?o:{...o,info:()=>{},group:(n,r)=>(process.stdout.write(`      \xB7 ${n}
`),r())}}async function z(e){const o=(0,G.R)(e,F,{port:{type:"string"},"keep-running":{type:"boolean"},python:{type:"string"}});if(!o)return 0;const{values:n}=o,r=n.port===void 0?0:Number(n.port);if(!Number.isInteger(r)||r<0||r>65535)throw new u.I(`--port must be a port number (0 for any free port), got '${n.port}'.`);const s=n.python??"python3",c=V(n.verbose??!1),$=Date.now();let l=0;const p=m=>process.stdout.write(`[${++l}/${H}] ${m}
`);p("Starting the CDF emulator");const a=await(0,A.startEmulator)({port:r,python:s}),_=(0,E.mkdtempSync)((0,d.join)((0,g.tmpdir)(),"mlops-demo-"));try{process.stdout.write(`      \xB7 listening on ${a.url} (project ${a.project})
`);const{ok:m,latest:C}=await Q({emulator:a,repo:_,python:s,log:c,say:p});return process.stdout.write(`
Done in ${((Date.now()-$)/1e3).toFixed(1)} s. The CDF emulator listened on ${a.url} (project ${a.project}).
`),n["keep-running"]&&await Y(a,C),m?0:1}finally{await a.stop(),(0,E.rmSync)(_,{recursive:!0,force:!0})}}async function Q({emulator:e,repo:o,python:n,log:r,say:s}){s("Copying examples/model-repo and building its artifact (model_code/make_artifact.py)"),(0,E.cpSync)(J(),o,{recursive:!0,filter:O=>!/[/\\](\.pytest_cache|\.mlops|__pycache__|model_artifact)$/.test(O)});const c=(0,M.spawnSync)(n,["model_code/make_artifact.py","model_artifact"],{cwd:o,encoding:"utf8"});if(c.status!==0)throw new u.I(`Building the example's artifact with "${n}" failed:
${c.stderr||c.stdout||c.error?.message}`);const l=(await(0,B.M5)({file:"mlops_settings.yaml",repoRoot:o,env:"dev"})).models[0],p=await(0,W.HS)((0,S.K2)({},{COGNITE_PROJECT:e.project,COGNITE_OIDC_BASE_URL:e.url,COGNITE_TOKEN_URL:e.tokenUrl,COGNITE_CLIENT_ID_WRITE:"mlops-demo",COGNITE_CLIENT_SECRET_WRITE:"mlops-demo"}),{access:"write",log:r}),a=new N.P3({client:p,dataset:l.dataset,log:r});s(`Uploading the artifact of ${l.modelName} to test with the Model Manager`);const _=await a.uploadNewVersion(l.modelName,"test",(0,d.join)(o,"model_artifact"),{source:"mlops demo"});process.stdout.write(`      \xB7 ${_.externalId} (sha256 ${_.sha256?.slice(0,12)}\u2026)
`);const m=async O=>{const i=await(0,P.aI)({repoRoot:o,settingsFile:"mlops_settings.yaml",env:O,testingOnly:!1,python:n,installRequirements:!1,concurrency:1,cdfClient:()=>Promise.resolve(p),log:r});process.stdout.write(`${(0,k.formatPipelineResult)(i).trimEnd().split(`
`).map(h=>h&&`      ${h}`).join(`
`)}
`);const L=(0,P.rm)(i);if(L)throw L;return i};s("Validate, test, package and deploy to test");const C=await m("test");s(`Promoting ${_.externalId} to prod`);const R=await a.promote(l.modelName,"test","prod");process.stdout.write(`      \xB7 ${R.source.externalId} \u2192 ${R.target.externalId}
`),s("Validate, test, package and deploy to prod");const Z=await m("prod"),f=(0,x.x3)(l.modelName,"prediction","prod");s(`Calling ${f} with ServiceTest.prediction_input`);const{payload:U}=await(0,j.OB)({repoRoot:o,model:l,service:"prediction",python:n}),D=await X(p,f,U);process.stdout.write(`      \xB7 request:  ${JSON.stringify(U)}
      \xB7 response: ${JSON.stringify(D)}
`),s("Deployed functions");for(const O of[C,Z])for(const i of Object.values(O.results[l.modelName]??{}))i&&(0,P.Nj)(i)&&process.stdout.write(`      \xB7 ${i.functionExternalId} (id ${i.functionId}) serves ${i.modelId}; kept as ${i.versionedExternalId}
`);const w=D?.status==="ok";return s(w?`Prediction from ${f}: ${JSON.stringify(D.prediction)}`:`${f} did not answer status ok`),{ok:w,latest:f}}async function X(e,o,n){const r=await(0,y.j9)(e,{externalId:o});if(!r)throw new u.I(`${o} does not exist after the deploy.`);const{call:s,response:c}=await(0,y.Tx)(e,r.id,n,{timeoutMs:12e4});if(s.status!=="Completed")throw new u.I(`The call of ${o} ended ${s.status}.`);return c}function v(e,o){return`
The emulator keeps serving at ${e.url}; stop it with Ctrl+C. From Cognite's Python SDK:

    from cognite.client import ClientConfig, CogniteClient
    from cognite.client.credentials import OAuthClientCredentials
    credentials = OAuthClientCredentials(token_url="${e.tokenUrl}", client_id="demo",
                                         client_secret="demo", scopes=["${e.url}/.default"])
    client = CogniteClient(ClientConfig(client_name="demo", project="${e.project}",
                                        base_url="${e.url}", credentials=credentials))
    client.functions.call(external_id="${o}", data=...).get_response()
`}async function Y(e,o){process.stdout.write(v(e,o)),await new Promise(n=>{process.once("SIGINT",n),process.once("SIGTERM",n)})}})};export{st as id,rt as ids,at as modules};
