import { buildApp } from './lapkin-app.ts';

// The `app` of cdk.json: `npx cdk synth` / `npm run synth` / `npx cdk deploy --all`.
buildApp().app.synth();
