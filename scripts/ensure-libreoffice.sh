#!/usr/bin/env bash
# Makes sure LibreOffice (`soffice`) and poppler's `pdftotext` are installed: the Word-document
# tests convert a generated .docx to PDF with LibreOffice, to prove that a real word processor
# opens what Tertial writes, and read the PDF's text back with pdftotext (front page, contents,
# whole words in table cells). Carlito, a font with Calibri's metrics, makes LibreOffice lay the
# documents out as Word does (the documents are set in Calibri).
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi carlito; }; then
  missing+=(fonts-crosextra-carlito)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} (for the Word-document tests) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
  status=0
  command -v soffice >/dev/null 2>&1 || { echo "soffice is still not on PATH." >&2; status=1; }
  command -v pdftotext >/dev/null 2>&1 || { echo "pdftotext is still not on PATH." >&2; status=1; }
  exit "$status"
fi

echo "Missing for the Word-document tests: ${missing[*]}." >&2
echo "Install them, for example: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
echo "(libreoffice-writer provides soffice, poppler-utils provides pdftotext and pdftoppm)." >&2
exit 1
