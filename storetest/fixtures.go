package storetest

import "github.com/sitrep-news/sitrep"

// The fixtures are three short articles written for these tests on one
// developing story, annotated by hand. Each call returns fresh values.

// articleA is dated by its metadata and has a URL.
func articleA() *sitrep.Analysis {
	b := newBuilder(sitrep.Document{
		Title: "North Korea sends troops to Russia", URL: "https://herald.example/a", Site: "herald.example",
		Published: "2024-10-08", DCT: "2024-10-08", DCTSource: sitrep.DCTMetadata, Format: sitrep.FormatText,
		Text: "North Korea has sent about 11,000 troops to Russia, South Korea's spy agency said on Tuesday. " +
			"The troops began arriving in Vladivostok in October. " +
			"Kim Jong Un met Vladimir Putin in Pyongyang in June. " +
			"\"We will fight together,\" Kim Jong Un told soldiers. " +
			"The deployment could grow to 30,000 soldiers by December.",
	})
	b.entity("e1", "North Korea", sitrep.EntityGPE, "PRK", "North Korea")
	b.entity("e2", "Russia", sitrep.EntityGPE, "RUS", "Russia")
	b.entity("e3", "South Korea", sitrep.EntityGPE, "KOR", "South Korea")
	b.entity("e4", "Kim Jong Un", sitrep.EntityPerson, "", "Kim Jong Un")
	b.entity("e5", "Vladimir Putin", sitrep.EntityPerson, "", "Vladimir Putin")
	b.entity("e6", "Vladivostok", sitrep.EntityGPE, "geonames:2013348", "Vladivostok")
	b.entity("e7", "Pyongyang", sitrep.EntityGPE, "geonames:1871859", "Pyongyang")
	b.a.Entities[6].Geo = &sitrep.Geo{Lat: 39.03, Lon: 125.75}
	b.a.Entities[3].Roles = []string{"Supreme Leader"}
	b.timex("t1", "Tuesday", sitrep.TimexDate, "2024-10-08", "2024-10-08", "2024-10-08")
	b.timex("t2", "October", sitrep.TimexDate, "2024-10", "2024-10-01", "2024-10-31")
	b.timex("t3", "June", sitrep.TimexDate, "2024-06", "2024-06-01", "2024-06-30")
	b.timex("t4", "December", sitrep.TimexDate, "2024-12", "2024-12-01", "2024-12-31")
	b.event(ev{id: "ev1", typ: "deploy", trigger: "sent", actor: "e1", location: "e2",
		value: "2024-10", earliest: "2024-10-01", latest: "2024-10-08", modality: sitrep.ModalityReported, source: "South Korea's spy agency",
		summary: "North Korea deployed troops to Russia"})
	b.event(ev{id: "ev2", typ: "arrive", trigger: "arriving", location: "e6",
		value: "2024-10", earliest: "2024-10-01", latest: "2024-10-31"})
	b.event(ev{id: "ev3", typ: "meet", trigger: "met", actor: "e4", target: "e5", location: "e7",
		value: "2024-06", earliest: "2024-06-01", latest: "2024-06-30"})
	b.event(ev{id: "ev4", typ: "deploy", trigger: "grow", actor: "e1",
		value: "2024-12", earliest: "2024-12-01", latest: "2024-12-31", modality: sitrep.ModalityPossible})
	b.quote("q1", "North Korea has sent about 11,000 troops to Russia", sitrep.QuoteIndirect, "e3", "South Korea's spy agency", "said")
	b.quote("q2", "We will fight together,", sitrep.QuoteDirect, "e4", "", "told")
	b.quantity("n1", "about 11,000 troops", f64(11000), nil, nil, "troops", "personnel", "e1")
	b.quantity("n2", "30,000 soldiers", nil, nil, f64(30000), "soldiers", "personnel", "e1")
	b.a.Quantities[0].Qualifier = "about"
	b.a.Quantities[0].Quote = "q1"
	b.a.TLinks = []sitrep.TLink{{From: "ev2", To: "t2", Rel: "IS_INCLUDED"}}
	return b.a
}

// articleB comes from another outlet a month later, with a different figure.
func articleB() *sitrep.Analysis {
	b := newBuilder(sitrep.Document{
		Title: "Allied forces clash in Kursk", URL: "https://wire.example/b", Site: "Wire.Example",
		Published: "2024-11-05", DCT: "2024-11-05", DCTSource: sitrep.DCTMetadata, Format: sitrep.FormatHTML,
		Text: "Russian and North Korean forces fought Ukrainian troops in Kursk, Ukraine's defence minister said. " +
			"Pyongyang has deployed 12,000 troops, according to officials in Seoul. " +
			"Vladimir Putin thanked North Korea for its support.",
	})
	b.entity("e1", "North Korea", sitrep.EntityGPE, "PRK", "North Korea")
	b.entity("e2", "Russia", sitrep.EntityGPE, "RUS", "Russian")
	b.entity("e3", "Ukraine", sitrep.EntityGPE, "UKR", "Ukrainian", "Ukraine's")
	b.entity("e4", "Kursk", sitrep.EntityLoc, "geonames:538560", "Kursk")
	b.entity("e5", "Vladimir Putin", sitrep.EntityPerson, "", "Vladimir Putin")
	b.entity("e6", "DPRK", sitrep.EntityGPE, "PRK", "Pyongyang")
	b.event(ev{id: "ev1", typ: "attack", trigger: "fought", actor: "e1", target: "e3", location: "e4",
		value: "2024-11-05", earliest: "2024-11-05", latest: "2024-11-05", modality: sitrep.ModalityReported, source: "Ukraine's defence minister"})
	b.event(ev{id: "ev2", typ: "deploy", trigger: "deployed", actor: "e6", value: "PAST_REF"})
	b.event(ev{id: "ev3", typ: "say", trigger: "thanked", actor: "e5", target: "e1",
		value: "2024-11-05", earliest: "2024-11-05", latest: "2024-11-05"})
	b.quote("q1", "Pyongyang has deployed 12,000 troops", sitrep.QuoteIndirect, "", "officials in Seoul", "according to")
	b.quantity("n1", "12,000 troops", f64(12000), nil, nil, "troops", "personnel", "e6")
	return b.a
}

// articleC has no URL and no published date: its DCT dates it.
func articleC() *sitrep.Analysis {
	b := newBuilder(sitrep.Document{
		Title: "Summit in Pyongyang", Published: "", DCT: "2024-06-20", DCTSource: sitrep.DCTText, Format: sitrep.FormatMarkdown,
		Text: "Kim Jong Un hosted Vladimir Putin in Pyongyang for talks on Wednesday. The two leaders signed a defence pact.",
	})
	b.entity("e1", "Kim Jong Un", sitrep.EntityPerson, "", "Kim Jong Un")
	b.entity("e2", "Vladimir Putin", sitrep.EntityPerson, "", "Vladimir Putin")
	b.entity("e3", "Pyongyang", sitrep.EntityGPE, "geonames:1871859", "Pyongyang")
	b.timex("t1", "Wednesday", sitrep.TimexDate, "2024-06-19", "2024-06-19", "2024-06-19")
	b.event(ev{id: "ev1", typ: "meet", trigger: "hosted", actor: "e1", target: "e2", location: "e3",
		value: "2024-06-19", earliest: "2024-06-19", latest: "2024-06-19"})
	b.event(ev{id: "ev2", typ: "sign", trigger: "signed",
		value: "2024-06-19", earliest: "2024-06-19", latest: "2024-06-19"})
	return b.a
}
