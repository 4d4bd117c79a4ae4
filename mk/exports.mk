# The symbols news_archive.so exports: only those the server looks up by name
# (Pg_magic_func, _PG_init, every PG_FUNCTION_INFO_V1 function with its
# pg_finfo_ record, and a parallel worker's entry, declared at the start of a
# line as "PGDLLEXPORT void name("), generated from src/pg/*.c into a linker
# version script.
# Everything else binds inside the library at link time, so a backend's
# dlopen resolves only our imports: it never searches the server's 40-odd
# shared libraries for one of our own functions, which touched (and
# page-faulted) every one of their symbol tables in each new connection.
NA_EXPORTS = build/exports.map

$(NA_EXPORTS): $(PG_SRCS) mk/exports.mk
	@mkdir -p build
	( echo '{ global: Pg_magic_func; _PG_init;'; \
	  sed -n 's/^PG_FUNCTION_INFO_V1(\([A-Za-z0-9_]*\));$$/\1; pg_finfo_\1;/p' $(PG_SRCS); \
	  sed -n 's/^PGDLLEXPORT void \([A-Za-z0-9_]*\)(.*$$/\1;/p' $(PG_SRCS); \
	  echo 'local: *; };' ) > $@.tmp && mv $@.tmp $@

$(MODULE_big).so: $(NA_EXPORTS)
SHLIB_LINK += -Wl,--version-script=$(NA_EXPORTS)
