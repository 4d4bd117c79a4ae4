-- For when branch `archive` is merged: search through news_archive.search()
SELECT count(*) FROM news_archive.search('临江 发布');
