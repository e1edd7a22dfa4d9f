#!/usr/bin/env bash
# The contract tests run the S3/DynamoDB adapters against moto_server and lint the synthesized templates with
# cfn-lint: independent implementations of AWS, not our own mocks. Both are Python tools; install them when
# missing and pip can reach its index, otherwise say what to do.
set -euo pipefail
missing=()
command -v moto_server >/dev/null || missing+=("moto[server]")
command -v cfn-lint >/dev/null || missing+=("cfn-lint")
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing ${missing[*]} for the AWS contract tests…"
if ! python3 -m pip install --quiet "${missing[@]}"; then
  echo "The AWS contract tests need moto_server and cfn-lint: run 'pip install \"moto[server]\" cfn-lint'." >&2
  exit 1
fi
