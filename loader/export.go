package loader

import (
	"database/sql/driver"
	"errors"
)

// exportRow is one row of a flat dataset export: the 76 dataset_v5 values in column order.
type exportRow struct {
	record int
	values []driver.Value
}

// isFlatExport recognises rows of a dataset export. (Being completed: see issue 4.)
func isFlatExport(s *source) bool {
	_, isList := s.doc.([]any)
	return s.ext() != ".json" || isList
}

func extractFlatExport(s *source, x *extraction) error {
	return errors.New("flat-export reading is not implemented yet")
}
