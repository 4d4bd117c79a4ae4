-- The layout hint historical (issue 11): news_articles(issue, layout) names it.
COMMENT ON FUNCTION @extschema@.news_articles(@extschema@.news_issue, text) IS
    'Split an issue into article rows, its layout given: auto (look at the issue), epaper or web (the line-role model), ocr (the rules for OCR''d print with heading marks), historical (lines OCR''d from vertical columns joined into paragraphs, then the model)';
