const M=689,O=[689],g={9689:((y,n,t)=>{t.r(n),t.d(n,{default:()=>c});var l=t(6760),P=t.n(l),s=t(641),a=t(3922),p=t(9934),d=t(9157),_=t(7638),E=t(2510),r=t(1428);const m=`Usage: mlops test [--settings FILE] [--repo DIR] [--models a,b] [--python PATH]
                  [--no-install] [--service prediction|training] [--verbose]

Runs each model's pytest tests, then its service test: the packaged handler called locally with
ServiceTest.prediction_input (or training_input) against an embedded CDF emulator. Exit code 1
when anything fails.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --models LIST     only these models (comma-separated)
  --python PATH     Python interpreter (default: python3)
  --no-install      do not pip install the model's requirements first
  --service NAME    service whose ServiceTest payload is run (default: prediction)
`;async function c(v){const i=(0,r.R)(v,m,{...r.V,python:{type:"string"},"no-install":{type:"boolean"},service:{type:"string"}});if(!i)return 0;const{values:e}=i,o=await(0,s.Z1)({settingsFile:e.settings??"mlops_settings.yaml",workingDirectory:(0,l.resolve)(e.repo??"."),models:(0,a.H)(e.models),python:e.python??"python3",installRequirements:!e["no-install"],service:(0,p.nO)(e.service??""),outputDir:".mlops/test",log:(0,d.k)({verbose:e.verbose})});process.stdout.write(`${(0,E.n)([s.Gm,...(0,s.W3)(o)])}
`);for(const h of o.flatMap(D=>D.problems))process.stdout.write(`  ${(0,_.V)(h)}
`);return(0,s.t)(o)?1:0}})};export{M as id,O as ids,g as modules};
