#!/usr/bin/env bash
# Builds the Teams app package: manifest.json (from manifest.template.json) and the two icons,
# zipped at the root of helpdesk-bot-teams.zip, ready to upload in Teams or the Teams admin center.
# Needs bash, sed and zip; no network.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: build-package.sh --bot-id GUID --domain HOST [options]

  --bot-id GUID        the bot's Microsoft App ID (the Entra app registration of the Azure Bot)
  --domain HOST        the public host name the bot is served on, e.g. support.example.com
  --app-id GUID        the Teams app's id (default: the bot id, as Microsoft's docs suggest)
  --version X.Y.Z      the app version; raise it for every change you upload (default: 1.0.0)
  --developer NAME     who publishes the app, at most 32 characters (default: Helpdesk)
  --privacy-url URL    https address of the privacy statement (default: https://HOST/)
  --terms-url URL      https address of the terms of use (default: https://HOST/)
  --out FILE           where to write the package (default: helpdesk-bot-teams.zip here)
USAGE
}

fail() {
    echo "build-package.sh: $*" >&2
    exit 2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bot_id="" domain="" app_id="" version="1.0.0" developer="Helpdesk" privacy_url="" terms_url=""
out="$here/helpdesk-bot-teams.zip"

while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --bot-id|--domain|--app-id|--version|--developer|--privacy-url|--terms-url|--out)
            [ $# -ge 2 ] || fail "$1 needs a value"
            case "$1" in
                --bot-id) bot_id="$2" ;;
                --domain) domain="$2" ;;
                --app-id) app_id="$2" ;;
                --version) version="$2" ;;
                --developer) developer="$2" ;;
                --privacy-url) privacy_url="$2" ;;
                --terms-url) terms_url="$2" ;;
                --out) out="$2" ;;
            esac
            shift 2 ;;
        *) usage >&2; fail "unknown argument: $1" ;;
    esac
done

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[ -n "$bot_id" ] || { usage >&2; fail "--bot-id is required"; }
[ -n "$domain" ] || { usage >&2; fail "--domain is required"; }
[[ "$bot_id" =~ $guid ]] || fail "--bot-id must be a GUID (the Microsoft App ID), got '$bot_id'"
app_id="${app_id:-$bot_id}"
[[ "$app_id" =~ $guid ]] || fail "--app-id must be a GUID, got '$app_id'"
[[ "$domain" =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] \
    || fail "--domain must be a host name such as support.example.com (no scheme, port or path), got '$domain'"
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] || fail "--version must look like 1.0.0, got '$version'"
[ "${#developer}" -le 32 ] || fail "--developer is at most 32 characters"
[[ "$developer" =~ ^[^\"\\|\&]+$ ]] || fail "--developer may not be empty or contain \", \\, | or &"
privacy_url="${privacy_url:-https://$domain/}"
terms_url="${terms_url:-https://$domain/}"
for url in "$privacy_url" "$terms_url"; do
    [[ "$url" =~ ^https://[^\"\\|\&[:space:]]+$ ]] || fail "URLs must start with https:// and contain no spaces, quotes, | or &, got '$url'"
done
command -v zip >/dev/null 2>&1 || fail "zip is not installed (apt-get install zip)"
for file in manifest.template.json color.png outline.png; do
    [ -f "$here/$file" ] || fail "missing $here/$file"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The values were checked above to hold none of the characters that are special to sed's
# replacement with '|' as delimiter, or to a JSON string.
sed -e "s|{{BOT_ID}}|$bot_id|g" \
    -e "s|{{APP_ID}}|$app_id|g" \
    -e "s|{{APP_VERSION}}|$version|g" \
    -e "s|{{BOT_DOMAIN}}|$domain|g" \
    -e "s|{{DEVELOPER_NAME}}|$developer|g" \
    -e "s|{{PRIVACY_URL}}|$privacy_url|g" \
    -e "s|{{TERMS_URL}}|$terms_url|g" \
    "$here/manifest.template.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
    fail "manifest.template.json has a placeholder this script does not fill: $(grep -o '{{[A-Z_]*}}' "$work/manifest.json" | sort -u | tr '\n' ' ')"
fi
cp "$here/color.png" "$here/outline.png" "$work/"

case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
rm -f "$out"
# -X leaves out extra file attributes, -j keeps every file at the root of the zip, as Teams requires.
(cd "$work" && zip -q -X -j "$out" manifest.json color.png outline.png)
echo "Wrote $out (app $app_id, bot $bot_id, version $version, domain $domain)"
