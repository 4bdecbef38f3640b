// Package svg draws the report's charts as standalone SVG documents, with no script, no fonts to
// fetch and no randomness: the same input gives the same bytes. Coordinates are written with one
// decimal and text is XML-escaped.
package svg
