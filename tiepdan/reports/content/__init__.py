"""What a periodic report says, before any file format: `report` (sections of blocks), `state`
and `party` (the two kinds of report, built from the queries)."""
