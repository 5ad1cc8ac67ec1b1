build-geo/src/cli/cmd_search.o: src/cli/cmd_search.c src/cli/cli.h \
 src/core/geo.h src/util/sbuf.h src/core/store.h src/core/entry.h \
 src/util/err.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
src/util/err.h:
