#!/usr/bin/env bash
# Makes sure LibreOffice (`soffice`) is installed: the Word-document test converts a generated
# .docx to PDF with it to prove that a real word processor opens what Tertial writes.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing LibreOffice Writer (for the Word-document test) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends libreoffice-writer
  command -v soffice >/dev/null 2>&1 && exit 0
  echo "libreoffice-writer was installed but soffice is still not on PATH." >&2
  exit 1
fi

echo "LibreOffice is missing: install the package libreoffice-writer (it provides soffice)," >&2
echo "for example: sudo apt-get install --no-install-recommends libreoffice-writer" >&2
exit 1
