package web

import (
	"fmt"
	"math"
	"time"

	"github.com/sitrep-news/sitrep/kb"
)

// A figure chart is server-rendered SVG: the value of one measure as each
// source gave it, over the dates of the reports. Ranges are drawn as
// vertical bars; each source has its colour and its points are joined.

const (
	chartW, chartH                     = 680, 250
	marginL, marginR, marginT, marginB = 64, 16, 14, 40
)

var seriesColours = []string{"#1f6feb", "#d1452f", "#2f9e44", "#a05ad6", "#d9822b", "#0f8b8d", "#8c6d1f", "#c2255c"}

type chartPoint struct {
	X, Y, Y0, Y1 float64 // Y0/Y1: the range bar, equal to Y when exact
	Range        bool
	Colour       string
	Title        string
}

type chartSeries struct {
	Name   string
	Colour string
	Path   string // SVG polyline points
}

type chartTick struct {
	Pos   float64
	Label string
}

type figureChart struct {
	Claim          kb.Claim
	Width, Height  int
	Left, Right    float64
	Top, Bottom    float64
	Points         []chartPoint
	Series         []chartSeries
	XTicks, YTicks []chartTick
}

func chartOf(c kb.Claim) figureChart {
	ch := figureChart{Claim: c, Width: chartW, Height: chartH,
		Left: marginL, Right: chartW - marginR, Top: marginT, Bottom: chartH - marginB}
	type obs struct {
		t          time.Time
		v, lo, hi  float64
		rng        bool
		giver, txt string
	}
	var os []obs
	minT, maxT := time.Time{}, time.Time{}
	minV, maxV := math.Inf(1), math.Inf(-1)
	for _, f := range c.Figures {
		t, err := time.Parse(time.DateOnly, f.Source.Published)
		if err != nil {
			continue
		}
		var o obs
		o.t = t
		switch {
		case f.Value != nil:
			o.v, o.lo, o.hi = *f.Value, *f.Value, *f.Value
		case f.Min != nil && f.Max != nil:
			o.lo, o.hi, o.rng = *f.Min, *f.Max, true
			o.v = (o.lo + o.hi) / 2
		case f.Min != nil:
			o.v, o.lo, o.hi = *f.Min, *f.Min, *f.Min
		case f.Max != nil:
			o.v, o.lo, o.hi = *f.Max, *f.Max, *f.Max
		default:
			continue
		}
		o.giver = f.GivenBy
		if o.giver == "" {
			o.giver = f.Source.Site
		}
		if o.giver == "" {
			o.giver = f.Source.Title
		}
		o.txt = fmt.Sprintf("%s: %s (%s)", o.giver, f.Text, prettyDay(f.Source.Published))
		if minT.IsZero() || t.Before(minT) {
			minT = t
		}
		if t.After(maxT) {
			maxT = t
		}
		minV, maxV = math.Min(minV, o.lo), math.Max(maxV, o.hi)
		os = append(os, o)
	}
	if len(os) == 0 {
		return ch
	}
	// Axes: time pads a day each side; values start at zero when positive.
	minT, maxT = minT.AddDate(0, 0, -1), maxT.AddDate(0, 0, 1)
	if minV > 0 {
		minV = 0
	}
	if maxV <= minV {
		maxV = minV + 1
	}
	step := niceStep((maxV - minV) / 4)
	maxV = math.Ceil(maxV/step) * step
	span := maxT.Sub(minT).Hours()
	x := func(t time.Time) float64 { return ch.Left + (ch.Right-ch.Left)*t.Sub(minT).Hours()/span }
	y := func(v float64) float64 { return ch.Bottom - (ch.Bottom-ch.Top)*(v-minV)/(maxV-minV) }
	for v := minV; v <= maxV+step/2; v += step {
		ch.YTicks = append(ch.YTicks, chartTick{Pos: y(v), Label: formatNumber(v)})
	}
	days := int(span / 24)
	every := max(1, days/6)
	for d := 1; d < days; d += every {
		t := minT.AddDate(0, 0, d)
		ch.XTicks = append(ch.XTicks, chartTick{Pos: x(t), Label: t.Format("2 Jan")})
	}
	colour := map[string]string{}
	paths := map[string][]string{}
	var order []string
	for _, o := range os {
		col, ok := colour[o.giver]
		if !ok {
			col = seriesColours[len(colour)%len(seriesColours)]
			colour[o.giver] = col
			order = append(order, o.giver)
		}
		p := chartPoint{X: x(o.t), Y: y(o.v), Y0: y(o.lo), Y1: y(o.hi), Range: o.rng, Colour: col, Title: o.txt}
		ch.Points = append(ch.Points, p)
		paths[o.giver] = append(paths[o.giver], fmt.Sprintf("%.1f,%.1f", p.X, p.Y))
	}
	for _, g := range order {
		pts := paths[g]
		path := ""
		if len(pts) > 1 {
			for i, s := range pts {
				if i > 0 {
					path += " "
				}
				path += s
			}
		}
		ch.Series = append(ch.Series, chartSeries{Name: g, Colour: colour[g], Path: path})
	}
	return ch
}

// niceStep rounds a raw step to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}
