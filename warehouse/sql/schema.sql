-- Published warehouse schema. Created idempotently; columns are only ever added, never renamed
-- or dropped (the analytics contract in the README).

CREATE TABLE IF NOT EXISTS dim_region (
    region_id    VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    code         VARCHAR,            -- 6-digit administrative division code; NULL if unknown
    level        VARCHAR NOT NULL,   -- national | province | prefecture | county | township
    parent_code  VARCHAR,
    province     VARCHAR,            -- full name, NULL for national
    prefecture   VARCHAR,
    county       VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_indicator (
    indicator_code VARCHAR PRIMARY KEY,
    name_zh        VARCHAR NOT NULL,
    unit_std       VARCHAR,
    category       VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_document (
    document_id           VARCHAR PRIMARY KEY,  -- first 16 hex digits of source_sha256
    source_file           VARCHAR NOT NULL,     -- base name as found in the source directory
    source_sha256         VARCHAR NOT NULL,
    title                 VARCHAR,
    report_year           INTEGER,
    report_date           DATE,
    region_id             VARCHAR,
    script                VARCHAR,              -- script of the original: simplified | traditional | mixed
    encoding              VARCHAR,
    n_chars               INTEGER,              -- characters of cleaned text
    n_chars_raw           INTEGER,              -- characters of decoded text
    speaker               VARCHAR,
    office                VARCHAR,
    year_source           VARCHAR,              -- how report_year was found
    region_source         VARCHAR,              -- where the region name was found
    region_method         VARCHAR,              -- how the name was resolved to a division
    region_ambiguous      BOOLEAN,
    has_plan_section      BOOLEAN,
    n_boilerplate_lines   INTEGER,
    n_boilerplate_chars   INTEGER,
    n_glossary_chars      INTEGER,
    n_page_markers        INTEGER,
    n_mojibake_repaired   INTEGER,
    n_mojibake_unrepaired INTEGER,
    mojibake_spans        VARCHAR,              -- JSON [[start, end], ...] in cleaned text
    n_facts               INTEGER,
    warnings              VARCHAR,              -- JSON list
    loaded_run_id         VARCHAR,
    loaded_at             TIMESTAMP,
    parser_version        VARCHAR               -- the parsing rules it was read with (flows/parser_version.py)
);
-- Warehouses made before parser_version: their documents have none, so the next run parses them again.
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS parser_version VARCHAR;

CREATE TABLE IF NOT EXISTS doc_text (
    document_id VARCHAR PRIMARY KEY,
    clean_text  VARCHAR NOT NULL              -- fact offsets (char_start, char_end) point here
);

-- fact_indicator and fact_term grow with the facts and carry no PRIMARY KEY: DuckDB holds a key's
-- index (ART) in memory, and a run's uncommitted rows get one of their own, so one run of 20,000
-- reports (2.9 million fact ids) failed its COMMIT at the run's 256 MB limit. Their keys are
-- checked by the suites (within a run) and by the publish (against published rows) instead.
CREATE TABLE IF NOT EXISTS fact_indicator (
    fact_id         VARCHAR NOT NULL,          -- document_id-ordinal, unique (see above)
    document_id     VARCHAR NOT NULL,
    region_id       VARCHAR,
    indicator_code  VARCHAR,                   -- NULL for long-tail facts
    indicator_name  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,          -- actual | target
    measure         VARCHAR NOT NULL,          -- growth | level
    value           DOUBLE,
    unit            VARCHAR,
    value_std       DOUBLE,
    value_std_high  DOUBLE,
    unit_std        VARCHAR,
    comparator      VARCHAR,                   -- point | around | at_least | at_most | range
    is_aspirational BOOLEAN NOT NULL,
    target_not_set  BOOLEAN NOT NULL,
    is_estimate     BOOLEAN NOT NULL,          -- an actual given as 预计 / 初步核算
    period_year     INTEGER,
    period_label    VARCHAR,
    section         VARCHAR,
    sentence        VARCHAR NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL
);

-- Warehouses made before is_estimate: their facts read FALSE until the next run parses their
-- documents again (the parsing rules changed with it, so every document is parsed again).
ALTER TABLE fact_indicator ADD COLUMN IF NOT EXISTS is_estimate BOOLEAN DEFAULT FALSE;

CREATE TABLE IF NOT EXISTS etl_run (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,          -- running | succeeded | failed | abandoned
    source_dir      VARCHAR,
    flow_run_id     VARCHAR,
    n_seen          INTEGER,
    n_loaded        INTEGER,
    n_duplicate     INTEGER,
    n_unchanged     INTEGER,
    n_quarantined   INTEGER,
    n_replaced      INTEGER,
    n_facts         INTEGER,
    message         VARCHAR
);

CREATE TABLE IF NOT EXISTS etl_file (
    run_id        VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_sha256 VARCHAR,
    size_bytes    BIGINT,
    outcome       VARCHAR NOT NULL,            -- loaded | duplicate | unchanged | quarantined | not_published
    reason        VARCHAR,
    document_id   VARCHAR
);

CREATE TABLE IF NOT EXISTS dq_result (
    run_id          VARCHAR NOT NULL,
    table_name      VARCHAR NOT NULL,
    expectation     VARCHAR NOT NULL,
    column_name     VARCHAR,
    success         BOOLEAN NOT NULL,
    observed_value  VARCHAR,
    unexpected_count BIGINT,
    element_count   BIGINT,
    details         VARCHAR,
    validated_at    TIMESTAMP NOT NULL
);

-- Policy-vocabulary term counts per document (reference/policy_terms.txt, jieba-segmented).
CREATE TABLE IF NOT EXISTS fact_term (
    document_id   VARCHAR NOT NULL,
    term          VARCHAR NOT NULL,
    n             INTEGER NOT NULL,          -- occurrences of the term as a word
    term_rank     INTEGER NOT NULL,          -- 1 = the document's most used term
    per_10k_chars DOUBLE                     -- n per 10,000 characters of clean text
);  -- (document_id, term) is unique: checked, not indexed (see fact_indicator)
