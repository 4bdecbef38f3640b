package loader_test

import (
	"context"
	"testing"

	"github.com/triad-bench/triad/loader"
)

// benchIngest re-ingests root into one database b.N times (each ingest replaces the root's rows)
// and reports files/s and MB/s of input read.
func benchIngest(b *testing.B, root string) {
	database := openDB(b)
	ctx := context.Background()
	var files int
	var bytes int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := loader.Ingest(ctx, database, []string{root}, loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		files += sum.Files
		bytes += sum.Bytes
	}
	secs := b.Elapsed().Seconds()
	if secs > 0 {
		b.ReportMetric(float64(files)/secs, "files/s")
		b.ReportMetric(float64(bytes)/secs/1e6, "MB/s")
	}
}

func BenchmarkIngestSample(b *testing.B) { benchIngest(b, sampleRoot) }

func BenchmarkIngestRealTree(b *testing.B) { benchIngest(b, realRoot(b, "snapshot-archive")) }

func BenchmarkIngestPublished(b *testing.B) { benchIngest(b, realRoot(b, "published")) }
