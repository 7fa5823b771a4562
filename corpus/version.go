package corpus

import (
	"context"
	"fmt"
)

// Version names the state of the stored documents and findings: it
// changes when a document is added, replaced or deleted, or the
// cross-document findings are computed again, so a reader may keep
// counts until it does. Each part reads an index end or a small count.
func (s *Store) Version(ctx context.Context) (string, error) {
	var docs, maxDoc, maxFinding int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents),
		coalesce((SELECT max(id) FROM documents), 0), coalesce((SELECT max(id) FROM findings), 0)`).
		Scan(&docs, &maxDoc, &maxFinding)
	if err != nil {
		return "", fmt.Errorf("corpus: version: %w", err)
	}
	return fmt.Sprintf("%d.%d.%d", docs, maxDoc, maxFinding), nil
}
