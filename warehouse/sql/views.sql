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
