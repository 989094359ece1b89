-- Analyst views (the analytics contract). Recreated on every publish.

CREATE OR REPLACE VIEW v_indicator_facts AS
SELECT
    d.source_file,
    r.name          AS region_name,
    r.code          AS region_code,
    r.level         AS region_level,
    r.province,
    r.prefecture,
    d.report_year,
    f.period_year,
    f.period_label,
    f.kind,
    f.indicator_code,
    f.indicator_name,
    f.measure,
    f.value,
    f.unit,
    f.value_std,
    f.value_std_high,
    f.unit_std,
    f.comparator,
    f.is_aspirational,
    f.target_not_set,
    f.is_estimate,
    f.section,
    f.sentence,
    f.char_start,
    f.char_end,
    f.document_id,
    f.region_id,
    f.fact_id
FROM fact_indicator f
JOIN dim_document d USING (document_id)
LEFT JOIN dim_region r ON r.region_id = f.region_id;

-- Document-level extraction coverage: how many of the core indicators each report yielded.
CREATE OR REPLACE VIEW v_document_coverage AS
SELECT
    d.document_id,
    d.source_file,
    r.name          AS region_name,
    r.level         AS region_level,
    r.province,
    d.report_year,
    count(f.fact_id)                                            AS n_facts,
    count(f.indicator_code)                                     AS n_core_facts,
    count(DISTINCT f.indicator_code)                            AS n_core_indicators,
    count(DISTINCT f.indicator_code) FILTER (WHERE f.kind = 'actual') AS n_core_actuals,
    count(DISTINCT f.indicator_code) FILTER (WHERE f.kind = 'target') AS n_core_targets,
    (SELECT count(*) FROM dim_indicator)                        AS n_core_defined
FROM dim_document d
LEFT JOIN dim_region r ON r.region_id = d.region_id
LEFT JOIN fact_indicator f ON f.document_id = d.document_id
GROUP BY ALL;

-- Per region: which report years are loaded and how much of the core each yields.
CREATE OR REPLACE VIEW v_region_coverage AS
SELECT
    d.region_id,
    r.name                                   AS region_name,
    r.code                                   AS region_code,
    r.level                                  AS region_level,
    r.province,
    r.prefecture,
    count(*)                                 AS n_documents,
    min(d.report_year)                       AS first_year,
    max(d.report_year)                       AS last_year,
    string_agg(DISTINCT d.report_year::VARCHAR, ',' ORDER BY d.report_year::VARCHAR) AS report_years,
    sum(c.n_facts)::BIGINT                   AS n_facts,
    sum(c.n_core_facts)::BIGINT              AS n_core_facts,
    round(avg(c.n_core_indicators), 1)       AS avg_core_indicators,
    max(c.n_core_indicators)                 AS max_core_indicators,
    max(c.n_core_defined)                    AS n_core_defined
FROM dim_document d
JOIN v_document_coverage c USING (document_id)
LEFT JOIN dim_region r ON r.region_id = d.region_id
GROUP BY ALL;

-- Target for year Y (report of Y) against the actual for Y (review in the report of Y+1).
-- One figure per side: the first full-year mention (smallest char_start) of the indicator; for the
-- actual, a final figure before an estimate (预计, 初步核算; actual_is_estimate says which it is).
-- Met rule (status): at_least / point: actual >= target; around: actual >= target - tolerance
-- (0.5 percentage points for growth and rates in %, else 1 % of the target); range: actual >= low
-- end; at_most: actual <= target. Ceiling indicators (cpi, unemployment, energy_intensity) and
-- declines (a negative growth target such as 下降3%以上) are met from below instead: actual <=
-- target (+ tolerance for around, <= high end for range). 'no data' while no actual exists yet.
CREATE OR REPLACE VIEW v_targets_vs_actuals AS
WITH targets AS (
    SELECT * FROM v_indicator_facts
    WHERE kind = 'target' AND indicator_code IS NOT NULL AND period_year = report_year
      AND period_label IS NULL AND NOT target_not_set AND value_std IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY region_id, indicator_code, measure, period_year ORDER BY char_start, document_id
    ) = 1
),
actuals AS (
    SELECT * FROM v_indicator_facts
    WHERE kind = 'actual' AND indicator_code IS NOT NULL AND period_year = report_year - 1
      AND period_label IS NULL AND value_std IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY region_id, indicator_code, measure, unit_std, period_year
        ORDER BY is_estimate, char_start, document_id
    ) = 1
),
paired AS (
    SELECT
        t.region_id, t.region_name, t.region_code, t.region_level, t.province, t.prefecture,
        t.indicator_code, t.indicator_name AS target_indicator_name, t.measure, t.unit_std,
        t.period_year AS year,
        t.value_std AS target_value, t.value_std_high AS target_value_high, t.comparator,
        t.is_aspirational, t.sentence AS target_sentence, t.source_file AS target_source_file,
        a.value_std AS actual_value, a.is_estimate AS actual_is_estimate, a.sentence AS actual_sentence,
        a.source_file AS actual_source_file,
        (t.indicator_code IN ('cpi', 'urban_unemployment_surveyed', 'urban_unemployment_registered',
                              'energy_intensity')
         OR (t.measure = 'growth' AND t.value_std < 0)) AS lower_is_better,
        CASE WHEN t.unit_std = '%' THEN 0.5 ELSE abs(t.value_std) * 0.01 END AS tolerance
    FROM targets t
    LEFT JOIN actuals a
      ON a.region_id = t.region_id AND a.indicator_code = t.indicator_code
     AND a.measure = t.measure AND a.unit_std IS NOT DISTINCT FROM t.unit_std
     AND a.period_year = t.period_year
),
judged AS (
    SELECT *,
        CASE
            WHEN actual_value IS NULL THEN NULL
            WHEN comparator = 'at_most' THEN actual_value <= target_value
            WHEN lower_is_better AND comparator = 'range'
                THEN actual_value <= coalesce(target_value_high, target_value)
            WHEN lower_is_better AND comparator = 'around' THEN actual_value <= target_value + tolerance
            WHEN lower_is_better THEN actual_value <= target_value
            WHEN comparator = 'around' THEN actual_value >= target_value - tolerance
            ELSE actual_value >= target_value  -- at_least, point, range (low end)
        END AS met
    FROM paired
)
SELECT
    * EXCLUDE (lower_is_better, tolerance, met),
    round(actual_value - target_value, 4) AS gap,
    CASE WHEN met IS NULL THEN 'no data' WHEN met THEN 'met' ELSE 'missed' END AS status
FROM judged;

-- Each document's most used policy terms (fact_term), as one readable line.
CREATE OR REPLACE VIEW v_document_top_terms AS
SELECT
    d.document_id,
    d.source_file,
    r.name        AS region_name,
    r.level       AS region_level,
    d.report_year,
    count(t.term) AS n_terms,
    string_agg(t.term || '(' || t.n || ')', ' ' ORDER BY t.term_rank)
        FILTER (WHERE t.term_rank <= 5) AS top_terms
FROM dim_document d
LEFT JOIN dim_region r ON r.region_id = d.region_id
LEFT JOIN fact_term t ON t.document_id = d.document_id
GROUP BY ALL;

-- Policy-term use by report year and government level: how many reports use a term, how often.
CREATE OR REPLACE VIEW v_term_trends AS
WITH docs AS (
    SELECT d.document_id, d.report_year, coalesce(r.level, 'unknown') AS region_level
    FROM dim_document d LEFT JOIN dim_region r ON r.region_id = d.region_id
),
totals AS (
    SELECT report_year, region_level, count(*) AS n_documents_total FROM docs GROUP BY ALL
)
SELECT
    docs.report_year,
    docs.region_level,
    t.term,
    count(*)                                          AS n_documents,
    any_value(totals.n_documents_total)               AS n_documents_total,
    round(count(*) / any_value(totals.n_documents_total), 4) AS share_of_documents,
    sum(t.n)::BIGINT                                  AS n_mentions,
    round(avg(t.per_10k_chars), 3)                    AS avg_per_10k_chars
FROM fact_term t
JOIN docs USING (document_id)
JOIN totals USING (report_year, region_level)
GROUP BY ALL;

-- Validation pass rate per run (dq_result keeps every run's results).
CREATE OR REPLACE VIEW v_dq_history AS
SELECT
    q.run_id,
    e.started_at,
    e.status                                   AS run_status,
    count(*)                                   AS n_expectations,
    count(*) FILTER (WHERE q.success)          AS n_passed,
    round(count(*) FILTER (WHERE q.success) / count(*), 4) AS pass_rate,
    min(q.validated_at)                        AS validated_at
FROM dq_result q
LEFT JOIN etl_run e USING (run_id)
GROUP BY ALL;
