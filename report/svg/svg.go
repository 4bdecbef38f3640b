package svg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Bar is one labelled value of a bar chart.
type Bar struct {
	Label string
	Value float64
}

// Segment names one series of a stacked bar chart and its fill colour.
type Segment struct {
	Name  string
	Color string
}

// Stack is one bar of a stacked bar chart: its label and one count per segment.
type Stack struct {
	Label  string
	Values []float64
}

const (
	fontSize   = 12
	charWidth  = 7.2 // a generous average advance for 12px sans-serif, so labels never overlap bars
	rowHeight  = 22
	barHeight  = 14
	padding    = 10
	titleSpace = 28
	plotWidth  = 480
)

// Colours used by the charts, chosen to read in both light and dark themes.
const (
	Green = "#2e7d32"
	Grey  = "#9e9e9e"
	Red   = "#c62828"
)

// HBar draws a horizontal bar chart of values in percent, sorted from the largest to the smallest
// (ties by label), with a zero line; positive bars are green and go right, negative bars red and
// go left. Each bar carries its value with one decimal.
func HBar(title string, bars []Bar) []byte {
	bars = append([]Bar(nil), bars...)
	sort.SliceStable(bars, func(i, j int) bool {
		if bars[i].Value != bars[j].Value {
			return bars[i].Value > bars[j].Value
		}
		return bars[i].Label < bars[j].Label
	})
	labelWidth := 0.0
	for _, b := range bars {
		labelWidth = math.Max(labelWidth, textWidth(b.Label))
	}
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		lo = math.Min(lo, b.Value)
		hi = math.Max(hi, b.Value)
	}
	if hi-lo == 0 {
		hi = 1
	}
	valueSpace := textWidth("+000.0%") + 4
	left := padding + labelWidth + 8
	plotLeft := left + valueSpace
	scale := plotWidth / (hi - lo)
	zero := plotLeft + (-lo)*scale
	width := plotLeft + plotWidth + valueSpace + padding
	height := titleSpace + float64(len(bars))*rowHeight + padding + 16

	var b bytes.Buffer
	header(&b, width, height, title)
	top := float64(titleSpace)
	for i, bar := range bars {
		y := top + float64(i)*rowHeight
		cy := y + rowHeight/2
		text(&b, padding+labelWidth, cy+4, "end", bar.Label, "")
		x, w := zero, bar.Value*scale
		color := Green
		if bar.Value < 0 {
			x, w, color = zero+bar.Value*scale, -bar.Value*scale, Red
		}
		if bar.Value == 0 {
			color = Grey
		}
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" fill="%s"><title>%s: %s</title></rect>`+"\n",
			f1(x), f1(cy-barHeight/2), f1(w), barHeight, color, esc(bar.Label), esc(signed(bar.Value)))
		if bar.Value < 0 {
			text(&b, x-4, cy+4, "end", signed(bar.Value), "")
		} else {
			text(&b, x+w+4, cy+4, "start", signed(bar.Value), "")
		}
	}
	bottom := top + float64(len(bars))*rowHeight
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333" stroke-width="1"/>`+"\n",
		f1(zero), f1(top-4), f1(zero), f1(bottom+4))
	text(&b, zero, bottom+18, "middle", "0%", "")
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// Stacked draws one horizontal stacked bar per stack, segment widths proportional to the counts
// on a common scale (the largest total fills the plot), with a legend and each segment's count
// written inside it when it fits.
func Stacked(title string, segments []Segment, stacks []Stack) ([]byte, error) {
	labelWidth := 0.0
	maxTotal := 0.0
	for _, s := range stacks {
		if len(s.Values) != len(segments) {
			return nil, fmt.Errorf("stack %q has %d values for %d segments", s.Label, len(s.Values), len(segments))
		}
		labelWidth = math.Max(labelWidth, textWidth(s.Label))
		total := 0.0
		for _, v := range s.Values {
			if v < 0 {
				return nil, fmt.Errorf("stack %q has a negative count", s.Label)
			}
			total += v
		}
		maxTotal = math.Max(maxTotal, total)
	}
	if maxTotal == 0 {
		maxTotal = 1
	}
	left := padding + labelWidth + 8
	width := left + plotWidth + textWidth(" n=0000") + padding
	legendY := float64(titleSpace)
	top := legendY + 22
	height := top + float64(len(stacks))*rowHeight + padding

	var b bytes.Buffer
	header(&b, width, height, title)
	x := left
	for _, seg := range segments {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="12" fill="%s"/>`+"\n", f1(x), f1(legendY), seg.Color)
		text(&b, x+16, legendY+10, "start", seg.Name, "")
		x += 16 + textWidth(seg.Name) + 16
	}
	scale := plotWidth / maxTotal
	for i, s := range stacks {
		y := top + float64(i)*rowHeight
		cy := y + rowHeight/2
		text(&b, padding+labelWidth, cy+4, "end", s.Label, "")
		x := left
		total := 0.0
		for j, v := range s.Values {
			total += v
			if v == 0 {
				continue
			}
			w := v * scale
			label := strconv.FormatFloat(v, 'f', -1, 64)
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" fill="%s"><title>%s %s: %s</title></rect>`+"\n",
				f1(x), f1(cy-barHeight/2), f1(w), barHeight, segments[j].Color, esc(s.Label), esc(segments[j].Name), label)
			if textWidth(label)+4 <= w {
				text(&b, x+w/2, cy+4, "middle", label, "#fff")
			}
			x += w
		}
		text(&b, x+4, cy+4, "start", "n="+strconv.FormatFloat(total, 'f', -1, 64), "")
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

func header(b *bytes.Buffer, width, height float64, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif" font-size="%d">`+"\n",
		f1(width), f1(height), f1(width), f1(height), fontSize)
	fmt.Fprintf(b, `<rect x="0" y="0" width="%s" height="%s" fill="#fff"/>`+"\n", f1(width), f1(height))
	text(b, padding, 18, "start", title, "")
}

func text(b *bytes.Buffer, x, y float64, anchor, s, fill string) {
	attr := ""
	if fill != "" {
		attr = ` fill="` + fill + `"`
	}
	if anchor == "" {
		anchor = "start"
	}
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="%s"%s>%s</text>`+"\n", f1(x), f1(y), anchor, attr, esc(s))
}

func textWidth(s string) float64 { return float64(len([]rune(s))) * charWidth }

// f1 writes a coordinate with one decimal, never as negative zero.
func f1(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	if !strings.HasPrefix(s, "-") && s != "0.0" {
		s = "+" + s
	}
	return s + "%"
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
